package org.passerelle.core.store;

import java.time.Instant;
import org.passerelle.xml.Element;

/** An item published to a node: its id, the publisher's JID, the payload element and when it was published. */
public record PubsubItem(String id, String publisher, Element payload, Instant published) {
}
