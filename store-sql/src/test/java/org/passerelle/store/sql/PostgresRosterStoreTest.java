package org.passerelle.store.sql;

import org.passerelle.core.store.Stores;

class PostgresRosterStoreTest extends RosterStoreContract {
    @Override
    protected Stores open() {
        return postgres("roster_store_test");
    }
}
