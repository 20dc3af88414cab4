package org.passerelle.core.store;

import java.time.Instant;
import org.passerelle.xml.Element;

/** A message kept for an account that was unavailable, with when it was stored. */
public record OfflineMessage(long id, Instant stored, Element stanza) {
}
