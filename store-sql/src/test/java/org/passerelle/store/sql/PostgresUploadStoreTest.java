package org.passerelle.store.sql;

import org.passerelle.core.store.Stores;

class PostgresUploadStoreTest extends UploadStoreContract {
    @Override
    protected Stores open() {
        return postgres("upload_store_test");
    }
}
