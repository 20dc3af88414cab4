package org.passerelle.store.sql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.passerelle.core.config.StorageConfig;
import org.passerelle.core.store.AccountStore;
import org.passerelle.core.store.ChargingStore;
import org.passerelle.core.store.ArchiveStore;
import org.passerelle.core.store.KeyValueStore;
import org.passerelle.core.store.MailStore;
import org.passerelle.core.store.OfflineStore;
import org.passerelle.core.store.RoomStore;
import org.passerelle.core.store.PubsubStore;
import org.passerelle.core.store.RosterStore;
import org.passerelle.core.store.Stores;
import org.passerelle.core.store.SmsStore;
import org.passerelle.core.store.UploadStore;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The stores over SQL: an embedded SQLite file (the default) or a PostgreSQL server. Opening
 * migrates the schema to the current version (Flyway, {@code db/migration}), then starts the pools.
 */
public final class SqlStores implements Stores {
    /** SQLite: one write connection (see {@link SqlDatabase}), a few readers. */
    private static final int SQLITE_READERS = 2;
    /** How long a SQLite call waits for another process's lock (an admin command) before failing. */
    private static final int SQLITE_BUSY_TIMEOUT_MS = 10_000;

    private final SqlDatabase db;
    private final String description;
    private final SqlAccountStore accounts;
    private final SqlRosterStore roster;
    private final SqlOfflineStore offline;
    private final SqlKeyValueStore keyValue;
    private final SqlArchiveStore archive;
    private final SqlRoomStore rooms;
    private final SqlPubsubStore pubsub;
    private final SqlUploadStore uploads;
    private final SqlMailStore mail;
    private final SqlChargingStore charging;
    private final SqlSmsStore sms;

    private SqlStores(SqlDatabase db, String description) {
        this.db = db;
        this.description = description;
        this.accounts = new SqlAccountStore(db);
        this.roster = new SqlRosterStore(db);
        this.offline = new SqlOfflineStore(db);
        this.keyValue = new SqlKeyValueStore(db);
        this.archive = new SqlArchiveStore(db);
        this.rooms = new SqlRoomStore(db);
        this.pubsub = new SqlPubsubStore(db);
        this.uploads = new SqlUploadStore(db);
        this.mail = new SqlMailStore(db);
        this.charging = new SqlChargingStore(db);
        this.sms = new SqlSmsStore(db);
    }

    /**
     * Opens the configured database: for SQLite the file {@code config.path()} under
     * {@code dataDir} (created if missing), for PostgreSQL {@code config.url()}.
     *
     * @throws SqlStoreException if the database cannot be reached or migrated
     */
    public static SqlStores open(StorageConfig config, Path dataDir) {
        return open(config, dataDir, null);
    }

    /**
     * As above, with the pools' meters in {@code meters} (HikariCP's own: {@code hikaricp_connections_usage}
     * is how long each store call held its connection, tagged by pool: sqlite-read, sqlite-write, postgresql).
     */
    public static SqlStores open(StorageConfig config, Path dataDir, MeterRegistry meters) {
        return switch (SqlDialect.of(config.type())) {
            case SQLITE -> openSqlite(dataDir.resolve(config.path()).toAbsolutePath(), meters);
            case POSTGRESQL -> openPostgres(config, meters);
        };
    }

    private static SqlStores openSqlite(Path file, MeterRegistry meters) {
        try {
            if (file.getParent() != null) Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the directory of " + file, e);
        }
        String url = "jdbc:sqlite:" + file;
        migrate(SqlDialect.SQLITE, Flyway.configure().dataSource(sqlite(url, SQLiteConfig.TransactionMode.IMMEDIATE)));
        HikariDataSource writer = pool("sqlite-write", sqlite(url, SQLiteConfig.TransactionMode.IMMEDIATE), 1, meters);
        HikariDataSource reader;
        try {
            HikariConfig rc = config("sqlite-read", sqlite(url, SQLiteConfig.TransactionMode.DEFERRED), SQLITE_READERS, meters);
            rc.setConnectionInitSql("PRAGMA query_only = true");
            reader = start(rc);
        } catch (RuntimeException e) {
            writer.close();
            throw e;
        }
        return new SqlStores(new SqlDatabase(SqlDialect.SQLITE, writer, reader), "sqlite:" + file);
    }

    /**
     * WAL lets readers work beside the writer; synchronous=NORMAL makes a commit durable against
     * a crash of the process (a power cut may lose the last commits, never corrupt the file).
     * IMMEDIATE takes the write lock when the transaction begins, so it never has to upgrade.
     */
    private static DataSource sqlite(String url, SQLiteConfig.TransactionMode mode) {
        SQLiteConfig c = new SQLiteConfig();
        c.setJournalMode(SQLiteConfig.JournalMode.WAL);
        c.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        c.enforceForeignKeys(true);
        c.setBusyTimeout(SQLITE_BUSY_TIMEOUT_MS);
        c.setTransactionMode(mode);
        SQLiteDataSource ds = new SQLiteDataSource(c);
        ds.setUrl(url);
        return ds;
    }

    private static SqlStores openPostgres(StorageConfig config, MeterRegistry meters) {
        migrate(SqlDialect.POSTGRESQL, Flyway.configure().dataSource(config.url(), config.username(), config.password()));
        HikariConfig hc = new HikariConfig();
        hc.setPoolName("postgresql");
        hc.setJdbcUrl(config.url());
        hc.setUsername(config.username());
        hc.setPassword(config.password());
        hc.setMaximumPoolSize(config.poolSize());
        hc.setMinimumIdle(Math.min(2, config.poolSize()));
        if (meters != null) hc.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(meters));
        HikariDataSource pool = start(hc);
        return new SqlStores(new SqlDatabase(SqlDialect.POSTGRESQL, pool, pool), describe(config.url()));
    }

    /** "postgresql://host/db" without the jdbc: prefix and without parameters (they may hold a password). */
    private static String describe(String url) {
        String s = url.startsWith("jdbc:") ? url.substring(5) : url;
        int q = s.indexOf('?');
        return q < 0 ? s : s.substring(0, q);
    }

    /** Migrations run on their own connections, before the pools exist: Flyway may need two at once. */
    private static void migrate(SqlDialect dialect, FluentConfiguration flyway) {
        try {
            flyway.locations("classpath:db/migration").placeholders(dialect.placeholders()).load().migrate();
        } catch (RuntimeException e) {
            throw new SqlStoreException("cannot migrate the database schema: " + e.getMessage(), e);
        }
    }

    private static HikariDataSource pool(String name, DataSource ds, int size, MeterRegistry meters) {
        return start(config(name, ds, size, meters));
    }

    private static HikariConfig config(String name, DataSource ds, int size, MeterRegistry meters) {
        HikariConfig hc = new HikariConfig();
        if (meters != null) hc.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(meters));
        hc.setPoolName(name);
        hc.setDataSource(ds);
        hc.setMaximumPoolSize(size);
        hc.setMinimumIdle(1);
        return hc;
    }

    private static HikariDataSource start(HikariConfig hc) {
        try {
            return new HikariDataSource(hc);
        } catch (RuntimeException e) {
            throw new SqlStoreException("cannot open the database: " + e.getMessage(), e);
        }
    }

    /** For tests of this package: the pools behind the stores. */
    SqlDatabase database() {
        return db;
    }

    @Override public AccountStore accounts() { return accounts; }

    @Override public RosterStore roster() { return roster; }

    @Override public OfflineStore offline() { return offline; }

    @Override public KeyValueStore keyValue() { return keyValue; }

    @Override public ArchiveStore archive() { return archive; }
    @Override public RoomStore rooms() { return rooms; }
    @Override public PubsubStore pubsub() { return pubsub; }
    @Override public UploadStore uploads() { return uploads; }
    @Override public MailStore mail() { return mail; }
    @Override public ChargingStore charging() { return charging; }
    @Override public SmsStore sms() { return sms; }

    @Override public String description() { return description; }

    @Override
    public void close() {
        db.close();
    }
}
