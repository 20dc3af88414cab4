package org.passerelle.store.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.config.StorageConfig;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.store.OfflineMessage;
import org.passerelle.core.store.Stores;
import org.passerelle.xml.Element;

/** SQLite specifics: the file, its settings, and writers that never see SQLITE_BUSY. */
class SqliteStoresTest {
    @TempDir
    Path dir;

    @Test
    void createsTheFileUnderTheDataDirectory() {
        StorageConfig config = new StorageConfig("sqlite", "db/store.sqlite", null, null, null, null);
        try (SqlStores stores = SqlStores.open(config, dir.resolve("data"))) {
            Path file = dir.resolve("data/db/store.sqlite").toAbsolutePath();
            assertThat(file).exists();
            assertThat(stores.description()).isEqualTo("sqlite:" + file);
        }
    }

    @Test
    void writesWithWalNormalSyncAndForeignKeysAndReadersCannotWrite() {
        try (SqlStores stores = SqlStores.open(StorageConfig.defaults(), dir)) {
            SqlDatabase db = stores.database();
            String journal = db.write(c -> pragma(c, "journal_mode"));
            String synchronous = db.write(c -> pragma(c, "synchronous"));
            String foreignKeys = db.write(c -> pragma(c, "foreign_keys"));
            String busyTimeout = db.read(c -> pragma(c, "busy_timeout"));
            assertThat(journal).isEqualTo("wal");
            assertThat(synchronous).as("NORMAL").isEqualTo("1");
            assertThat(foreignKeys).isEqualTo("1");
            assertThat(Integer.parseInt(busyTimeout)).isGreaterThanOrEqualTo(1000);
            assertThatThrownBy(() -> db.read(c -> Sql.update(c, "DELETE FROM key_values")))
                    .isInstanceOf(SqlStoreException.class);
        }
    }

    private static String pragma(Connection c, String name) throws SQLException {
        return Sql.first(c, "PRAGMA " + name, rs -> rs.getString(1)).orElseThrow();
    }

    @Test
    void aFailedWriteLeavesNothingBehind() {
        try (SqlStores stores = SqlStores.open(StorageConfig.defaults(), dir)) {
            EntityBareJid owner = Jids.of("a@example.org").asEntityBareJidOrThrow();
            assertThatThrownBy(() -> stores.database().write(c -> {
                Sql.update(c, "INSERT INTO key_values (owner, namespace, item_key, item_value) VALUES (?, ?, ?, ?)",
                        owner.toString(), "ns", "k", "v");
                return Sql.update(c, "INSERT INTO no_such_table VALUES (1)");
            })).isInstanceOf(SqlStoreException.class);
            assertThat(stores.keyValue().get(owner, "ns", "k")).isEmpty();
        }
    }

    /** Two stores on one file, as the server and an admin command would be, each with busy writers. */
    @Test
    void concurrentWritersOnOneFileAllSucceed() throws Exception {
        int threads = 6;
        int writes = 40;
        Element stanza = Element.builder("message", "jabber:client").textChild("body", "jabber:client", "hi").build();
        try (Stores a = SqlStores.open(StorageConfig.defaults(), dir); Stores b = SqlStores.open(StorageConfig.defaults(), dir);
             ExecutorService pool = Executors.newFixedThreadPool(2 * threads)) {
            List<Callable<Integer>> work = new ArrayList<>();
            for (int t = 0; t < 2 * threads; t++) {
                Stores s = t % 2 == 0 ? a : b;
                EntityBareJid owner = Jids.of("user" + t + "@example.org").asEntityBareJidOrThrow();
                work.add(() -> {
                    for (int i = 0; i < writes; i++) {
                        s.keyValue().put(owner, "ns", "k" + i, "v" + i);
                        s.offline().store(owner, new OfflineMessage(0, Instant.EPOCH, stanza), writes);
                        s.keyValue().all(owner, "ns");
                    }
                    return s.offline().count(owner);
                });
            }
            for (Future<Integer> f : pool.invokeAll(work)) assertThat(f.get()).isEqualTo(writes);
            for (int t = 0; t < 2 * threads; t++) {
                EntityBareJid owner = Jids.of("user" + t + "@example.org").asEntityBareJidOrThrow();
                assertThat(b.keyValue().all(owner, "ns")).hasSize(writes);
                assertThat(a.offline().list(owner)).hasSize(writes);
            }
        }
    }

    @Test
    void aFileThatIsNotADatabaseIsReported() throws Exception {
        Files.writeString(dir.resolve("passerelle.db"), "not a database, just text that is long enough to be read".repeat(20));
        assertThatThrownBy(() -> SqlStores.open(StorageConfig.defaults(), dir)).isInstanceOf(SqlStoreException.class);
    }
}
