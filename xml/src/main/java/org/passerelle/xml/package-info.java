/**
 * XML for XMPP streams: an immutable {@link org.passerelle.xml.Element} tree, an asynchronous
 * stream parser fed with bytes as they arrive ({@link org.passerelle.xml.XmlStreamParser}, on
 * Aalto), and a serializer ({@link org.passerelle.xml.XmlWriter}).
 *
 * <p>The parser enforces RFC 6120 restricted XML (no DTD, entity declarations, comments or
 * processing instructions) and the configured limits on stanza size, depth and attribute count.
 */
package org.passerelle.xml;
