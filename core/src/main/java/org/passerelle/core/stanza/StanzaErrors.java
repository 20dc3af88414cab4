package org.passerelle.core.stanza;

import org.passerelle.xml.Element;

/** Builds RFC 6120 §8.3 {@code <error/>} elements with the standard type for each condition. */
public final class StanzaErrors {
    private StanzaErrors() {
    }

    public static Element errorElement(String condition, String text) {
        Element.Builder b = Element.builder("error", Namespaces.CLIENT).attr("type", typeOf(condition))
                .child(Element.of(condition, Namespaces.STANZA_ERRORS));
        if (text != null) {
            b.child(Element.builder("text", Namespaces.STANZA_ERRORS).attr("xml:lang", "en").text(text).build());
        }
        return b.build();
    }

    /** The error type RFC 6120 §8.3.3 gives as usual for the condition. */
    public static String typeOf(String condition) {
        return switch (condition) {
            case "bad-request", "jid-malformed", "not-acceptable", "policy-violation", "redirect", "gone" -> "modify";
            case "conflict", "feature-not-implemented", "item-not-found", "not-allowed", "remote-server-not-found",
                 "service-unavailable" -> "cancel";
            case "forbidden", "not-authorized", "registration-required", "subscription-required" -> "auth";
            case "internal-server-error", "recipient-unavailable", "remote-server-timeout", "resource-constraint",
                 "unexpected-request" -> "wait";
            default -> "cancel";
        };
    }
}
