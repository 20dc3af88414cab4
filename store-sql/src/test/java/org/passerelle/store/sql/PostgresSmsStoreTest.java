package org.passerelle.store.sql;

import org.passerelle.core.store.Stores;

class PostgresSmsStoreTest extends SmsStoreContract {
    @Override
    protected Stores open() {
        return postgres("sms_store_test");
    }
}
