package org.passerelle.store.sql;

import org.passerelle.core.store.Stores;

class PostgresArchiveStoreTest extends ArchiveStoreContract {
    @Override
    protected Stores open() {
        return postgres("archive_store_test");
    }
}
