package org.passerelle.store.sql;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.config.StorageConfig;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.store.Stores;

/**
 * What every store contract needs: the backend's stores, opened once per test class, and names no
 * other test uses (the tests of one class share a database).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StoresFixture {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    protected Stores stores;

    /** Opens the backend's stores; called again after {@link #reopen} closed them, on the same data. */
    protected abstract Stores open();

    @BeforeAll
    final void openStores() {
        stores = open();
    }

    @AfterAll
    final void closeStores() {
        if (stores != null) stores.close();
    }

    /** Closes the stores and opens them again: only what was committed is still there. */
    protected final void reopen() {
        stores.close();
        stores = open();
    }

    protected static String newDomain() {
        return "d" + SEQUENCE.incrementAndGet() + ".example";
    }

    protected static EntityBareJid newJid(String local) {
        return Jids.of(local + "@" + newDomain()).asEntityBareJidOrThrow();
    }

    static Stores sqlite(Path dir) {
        return SqlStores.open(StorageConfig.defaults(), dir);
    }

    static Stores postgres(String database) {
        return SqlStores.open(EmbeddedPostgresServer.database(database), Path.of("."));
    }
}
