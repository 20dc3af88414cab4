package org.passerelle.core.store;

/** The stores of one server, from one backend. Closing releases its connections. */
public interface Stores extends AutoCloseable {
    AccountStore accounts();

    RosterStore roster();

    OfflineStore offline();

    KeyValueStore keyValue();

    ArchiveStore archive();
    RoomStore rooms();
    PubsubStore pubsub();
    UploadStore uploads();
    MailStore mail();
    ChargingStore charging();
    SmsStore sms();

    /** A name for logs: "sqlite:/path/to/passerelle.db", "postgresql://host/db". */
    String description();

    @Override
    void close();
}
