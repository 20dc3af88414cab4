package org.passerelle.store.sql;

import org.passerelle.core.store.Stores;

class PostgresMailStoreTest extends MailStoreContract {
    @Override
    protected Stores open() {
        return postgres("mail_store_test");
    }
}
