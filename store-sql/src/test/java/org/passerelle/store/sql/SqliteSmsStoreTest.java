package org.passerelle.store.sql;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.passerelle.core.store.Stores;

class SqliteSmsStoreTest extends SmsStoreContract {
    @TempDir
    static Path dir;

    @Override
    protected Stores open() {
        return sqlite(dir);
    }
}
