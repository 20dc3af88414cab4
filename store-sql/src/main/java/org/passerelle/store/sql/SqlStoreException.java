package org.passerelle.store.sql;

/** A database call failed (connection lost, constraint broken, disk full); the change was rolled back. */
public final class SqlStoreException extends RuntimeException {
    public SqlStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
