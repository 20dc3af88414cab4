package org.passerelle.store.sql;

import com.sun.security.auth.module.UnixSystem;
import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import org.passerelle.core.config.StorageConfig;

/**
 * One embedded PostgreSQL (zonky; its binaries come from Maven Central) for the whole test JVM,
 * started by the first test class that asks and stopped by zonky's shutdown hook. Each test class
 * gets a database of its own. Public for the microbenchmarks, which depend on this test-jar.
 */
public final class EmbeddedPostgresServer {
    private static final Path WORK = Path.of("target", "embedded-pg").toAbsolutePath();
    private static final String[] PROGRAMS = {"initdb", "pg_ctl"};

    private static EmbeddedPostgres server;
    private static final Set<String> databases = new HashSet<>();

    private EmbeddedPostgresServer() {
    }

    /** Storage settings for the named database, created empty on first use in this JVM. */
    public static synchronized StorageConfig database(String name) {
        try {
            if (server == null) server = start();
            if (databases.add(name)) {
                try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE " + name);
                }
            }
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("embedded PostgreSQL: " + e.getMessage(), e);
        }
        return new StorageConfig("postgresql", null, server.getJdbcUrl("postgres", name), "postgres", null, 4);
    }

    private static EmbeddedPostgres start() throws IOException {
        Files.createDirectories(WORK);
        if (new UnixSystem().getUid() == 0) runProgramsAsNonRoot();
        return EmbeddedPostgres.builder().setOverrideWorkingDirectory(WORK.toFile()).start();
    }

    /**
     * PostgreSQL refuses to run as root, and CI runs as root. zonky has no option for it, so after
     * it unpacks the binaries, initdb and pg_ctl are replaced by scripts that run them in a new
     * user namespace (util-linux {@code unshare}), where the process is not root; postgres is
     * started by pg_ctl and inherits that. zonky's unpacking step is private: called by reflection.
     */
    private static void runProgramsAsNonRoot() throws IOException {
        File pgDir;
        try {
            Method prepare = EmbeddedPostgres.class.getDeclaredMethod("prepareBinaries", PgBinaryResolver.class, File.class);
            prepare.setAccessible(true);
            pgDir = (File) prepare.invoke(null, DefaultPostgresBinaryResolver.INSTANCE, WORK.toFile());
        } catch (ReflectiveOperationException e) {
            throw new IOException("cannot unpack the PostgreSQL binaries: " + e, e);
        }
        for (String program : PROGRAMS) {
            Path bin = pgDir.toPath().resolve("bin").resolve(program);
            Path real = bin.resolveSibling(program + ".real");
            if (Files.exists(real)) continue;
            Files.move(bin, real);
            Files.writeString(bin, """
                    #!/bin/sh
                    if [ "$(id -u)" = 0 ]; then exec unshare --user "$0.real" "$@"; fi
                    exec "$0.real" "$@"
                    """);
            Files.setPosixFilePermissions(bin, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        // zonky re-unpacks when a file is newer than its marker; the scripts are part of the unpacked set now.
        new File(pgDir, ".exists").setLastModified(System.currentTimeMillis());
    }
}
