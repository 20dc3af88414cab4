package org.passerelle.microbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.passerelle.core.config.StorageConfig;
import org.passerelle.store.sql.EmbeddedPostgresServer;

class StoreBenchmarkTest {
    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void eachOperationCommitsOneWrite(String backend) throws Exception {
        StoreBenchmark benchmark = new StoreBenchmark();
        benchmark.backend = backend;
        benchmark.open();
        try {
            benchmark.emptyQueue();
            assertThat(benchmark.offlineStore()).isTrue();
            assertThat(benchmark.offlineStore()).isTrue();
            assertThat(benchmark.stores.offline().list(benchmark.owner)).hasSize(2)
                    .allSatisfy(m -> assertThat(m.stanza()).isEqualTo(benchmark.message.stanza()));

            long version = benchmark.rosterPut();
            assertThat(benchmark.rosterPut()).isGreaterThan(version);
            assertThat(benchmark.stores.roster().items(benchmark.owner)).containsExactlyInAnyOrder(benchmark.items[0], benchmark.items[1]);

            benchmark.emptyQueue();
            assertThat(benchmark.stores.offline().count(benchmark.owner)).isZero();
        } finally {
            benchmark.close();
        }
    }

    @Test
    void postgresqlSessionsCommitSynchronously() throws Exception {
        BenchStores.postgres("microbench").close();
        StorageConfig config = EmbeddedPostgresServer.database("microbench");
        try (Connection c = DriverManager.getConnection(config.url(), config.username(), config.password());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW synchronous_commit")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("on");
        }
    }
}
