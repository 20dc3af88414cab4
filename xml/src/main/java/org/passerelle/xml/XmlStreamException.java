package org.passerelle.xml;

/**
 * The peer broke the XML rules of the stream. {@link #condition()} is the RFC 6120 §4.9.3 stream
 * error condition to send before closing: {@code not-well-formed}, {@code restricted-xml},
 * {@code policy-violation}, {@code invalid-namespace}, {@code unsupported-encoding}.
 */
public final class XmlStreamException extends Exception {
    private final String condition;

    public XmlStreamException(String condition, String message) {
        super(message);
        this.condition = condition;
    }

    public XmlStreamException(String condition, String message, Throwable cause) {
        super(message, cause);
        this.condition = condition;
    }

    public String condition() {
        return condition;
    }
}
