package org.passerelle.core.routing;

/** The stream must end with this RFC 6120 §4.9.3 condition (e.g. {@code invalid-from}). */
public final class StreamErrorException extends Exception {
    private final String condition;

    public StreamErrorException(String condition, String message) {
        super(message);
        this.condition = condition;
    }

    public String condition() {
        return condition;
    }
}
