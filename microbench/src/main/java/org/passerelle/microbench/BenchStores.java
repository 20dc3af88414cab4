package org.passerelle.microbench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;
import org.passerelle.core.config.StorageConfig;
import org.passerelle.core.store.Stores;
import org.passerelle.store.sql.EmbeddedPostgresServer;
import org.passerelle.store.sql.SqlStores;

/**
 * The real {@link SqlStores} a store benchmark runs on: SQLite as in production in a temporary
 * directory ({@code dir}, deleted on close), or one database of store-sql's embedded PostgreSQL.
 */
record BenchStores(Stores stores, Path dir) implements AutoCloseable {

    /** {@code backend} is "sqlite" or "postgresql"; {@code database} names the PostgreSQL database. */
    static BenchStores open(String backend, String database) throws IOException, SQLException {
        return switch (backend) {
            case "sqlite" -> {
                Path dir = Files.createTempDirectory("passerelle-microbench");
                yield new BenchStores(SqlStores.open(StorageConfig.defaults(), dir), dir);
            }
            case "postgresql" -> new BenchStores(postgres(database), null);
            default -> throw new IllegalArgumentException("unknown backend " + backend);
        };
    }

    /** A database of its own, where every session waits for its commit's WAL write as by default. */
    static Stores postgres(String database) throws SQLException {
        StorageConfig config = EmbeddedPostgresServer.database(database);
        try (Connection c = DriverManager.getConnection(config.url(), config.username(), config.password());
             Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE " + database + " SET synchronous_commit = on");
        }
        return SqlStores.open(config, Path.of("."));
    }

    @Override
    public void close() throws IOException {
        stores.close();
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
            }
        }
    }
}
