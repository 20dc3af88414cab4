package org.passerelle.xml;

/** Receives what {@link XmlStreamParser} reads, in order, on the thread that feeds it. */
public interface XmlStreamListener {
    /** The stream root was opened; {@code header} has its attributes and no children. */
    void streamOpened(Element header);

    /** A complete top-level element (a stanza or a stream-level element). */
    void element(Element element);

    /** The stream root was closed by the peer. */
    void streamClosed();

    /** Whitespace between top-level elements (a keepalive). */
    default void whitespace() {
    }
}
