package org.passerelle.store.sql;

import org.passerelle.core.store.Stores;

class PostgresPubsubStoreTest extends PubsubStoreContract {
    @Override
    protected Stores open() {
        return postgres("pubsub_store_test");
    }
}
