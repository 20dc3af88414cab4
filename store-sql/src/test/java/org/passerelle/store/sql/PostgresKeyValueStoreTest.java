package org.passerelle.store.sql;

import org.passerelle.core.store.Stores;

class PostgresKeyValueStoreTest extends KeyValueStoreContract {
    @Override
    protected Stores open() {
        return postgres("keyvalue_store_test");
    }
}
