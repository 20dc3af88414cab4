package org.passerelle.core.stanza;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.passerelle.xml.Element;

/**
 * XEP-0082 date-times and the XEP-0203 {@code <delay/>} element that carries them: written in
 * UTC to the millisecond ({@code 2026-11-26T08:14:27.123Z}), read with any offset.
 */
public final class Delays {
    private Delays() {
    }

    /** The XEP-0082 DateTime of {@code at}, in UTC, to the millisecond. */
    public static String stamp(Instant at) {
        return DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.MILLIS));
    }

    /** A XEP-0082 DateTime (any offset, optional fraction), or empty when the text is not one. */
    public static Optional<Instant> parse(String text) {
        if (text == null) return Optional.empty();
        try {
            return Optional.of(OffsetDateTime.parse(text.strip()).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** {@code <delay xmlns='urn:xmpp:delay' from stamp>text</delay>}; {@code from} and {@code text} may be null. */
    public static Element delay(String from, Instant at, String text) {
        Element.Builder b = Element.builder("delay", Namespaces.DELAY).attr("from", from).attr("stamp", stamp(at));
        if (text != null) b.text(text);
        return b.build();
    }
}
