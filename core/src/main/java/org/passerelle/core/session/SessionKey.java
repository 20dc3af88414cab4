package org.passerelle.core.session;

/**
 * A typed key for per-session state that a module keeps on the session (carbons on, client
 * inactive, ...). Compare by identity: each module holds its keys as constants.
 */
public final class SessionKey<T> {
    private final String name;

    private SessionKey(String name) {
        this.name = name;
    }

    public static <T> SessionKey<T> of(String name) {
        return new SessionKey<>(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
