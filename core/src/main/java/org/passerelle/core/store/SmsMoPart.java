package org.passerelle.core.store;

import java.time.Instant;

/**
 * A received part of a concatenated mobile-originated text, kept until the text is handled.
 *
 * @param sequence the part's number, 1 to {@code text.total()}
 * @param content  the part's text, decoded (without its header)
 */
public record SmsMoPart(SmsMoText text, int sequence, String content, Instant received) {
}
