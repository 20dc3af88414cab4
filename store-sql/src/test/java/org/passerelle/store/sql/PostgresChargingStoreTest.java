package org.passerelle.store.sql;

import org.passerelle.core.store.Stores;

class PostgresChargingStoreTest extends ChargingStoreContract {
    @Override
    protected Stores open() {
        return postgres("charging_store_test");
    }
}
