package org.passerelle.store.sql;

import org.passerelle.core.store.Stores;

class PostgresRoomStoreTest extends RoomStoreContract {
    @Override
    protected Stores open() {
        return postgres("room_store_test");
    }
}
