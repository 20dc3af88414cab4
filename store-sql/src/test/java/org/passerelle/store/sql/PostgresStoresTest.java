package org.passerelle.store.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.passerelle.core.config.StorageConfig;

/** PostgreSQL specifics: what the logs call the database, and a database that is not there. */
class PostgresStoresTest {
    @Test
    void describesTheDatabaseWithoutDriverPrefixOrParameters() {
        StorageConfig config = EmbeddedPostgresServer.database("stores_test");
        assertThat(config.url()).startsWith("jdbc:postgresql://").contains("?");
        try (SqlStores stores = SqlStores.open(config, Path.of("."))) {
            assertThat(stores.description()).startsWith("postgresql://").endsWith("/stores_test");
        }
    }

    @Test
    void aMissingDatabaseIsReported() {
        StorageConfig exists = EmbeddedPostgresServer.database("stores_test");
        String url = exists.url().replace("/stores_test", "/no_such_database");
        StorageConfig missing = new StorageConfig("postgresql", null, url, exists.username(), null, 2);
        assertThatThrownBy(() -> SqlStores.open(missing, Path.of("."))).isInstanceOf(SqlStoreException.class)
                .hasMessageContaining("no_such_database");
    }
}
