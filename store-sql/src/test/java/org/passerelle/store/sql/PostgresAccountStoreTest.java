package org.passerelle.store.sql;

import org.passerelle.core.store.Stores;

class PostgresAccountStoreTest extends AccountStoreContract {
    @Override
    protected Stores open() {
        return postgres("account_store_test");
    }
}
