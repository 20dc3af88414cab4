package org.passerelle.core.stanza;

/** The three stanza kinds of RFC 6120 §8. */
public enum StanzaKind {
    MESSAGE, PRESENCE, IQ;

    /** The kind for an element name in the content namespace, or null for anything else. */
    public static StanzaKind of(String elementName) {
        return switch (elementName) {
            case "message" -> MESSAGE;
            case "presence" -> PRESENCE;
            case "iq" -> IQ;
            default -> null;
        };
    }

    public String elementName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
