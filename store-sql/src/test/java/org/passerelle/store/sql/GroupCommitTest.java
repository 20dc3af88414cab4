package org.passerelle.store.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passerelle.core.config.StorageConfig;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.store.Stores;

/** Many concurrent writers share SQLite transactions; one unit failing loses nothing of the others. */
class GroupCommitTest {
    @TempDir
    Path dir;
    Stores stores;

    @BeforeEach
    void open() {
        stores = SqlStores.open(StorageConfig.defaults(), dir);
    }

    @AfterEach
    void close() {
        stores.close();
    }

    @Test
    void concurrentWritesAllLandAndFailuresStayAlone() throws Exception {
        var owner = Jids.of("alice@localhost").asEntityBareJidOrThrow();
        List<Future<?>> writes = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 2000; i++) {
                int n = i;
                writes.add(pool.submit(() -> stores.keyValue().put(owner, "test", "k" + n, "v" + n)));
            }
            for (Future<?> f : writes) f.get();
        }
        assertEquals(2000, stores.keyValue().all(owner, "test").size());
    }

    @Test
    void aFailingUnitIsRolledBackAloneAndReportedToItsCaller() {
        SqlDatabase db = ((SqlStores) stores).database();
        db.write(c -> Sql.update(c, "CREATE TABLE gc_test (k TEXT PRIMARY KEY)"));
        db.write(c -> Sql.update(c, "INSERT INTO gc_test (k) VALUES (?)", "a"));
        RuntimeException e = assertThrows(RuntimeException.class, () -> db.write(c -> {
            Sql.update(c, "INSERT INTO gc_test (k) VALUES (?)", "b");
            return Sql.update(c, "INSERT INTO gc_test (k) VALUES (?)", "a"); // duplicate key: the whole unit goes
        }));
        assertEquals(SqlStoreException.class, e.getClass());
        db.write(c -> Sql.update(c, "INSERT INTO gc_test (k) VALUES (?)", "c"));
        List<String> keys = db.read(c -> Sql.list(c, "SELECT k FROM gc_test ORDER BY k", rs -> rs.getString(1)));
        assertEquals(List.of("a", "c"), keys);
    }
}
