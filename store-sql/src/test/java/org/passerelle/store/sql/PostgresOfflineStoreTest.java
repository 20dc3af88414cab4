package org.passerelle.store.sql;

import org.passerelle.core.store.Stores;

class PostgresOfflineStoreTest extends OfflineStoreContract {
    @Override
    protected Stores open() {
        return postgres("offline_store_test");
    }
}
