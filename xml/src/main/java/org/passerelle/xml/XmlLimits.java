package org.passerelle.xml;

/**
 * Bounds on what one peer may send: bytes of one top-level element (stanza), nesting depth
 * below the stream root, and attributes on one element.
 */
public record XmlLimits(int maxStanzaBytes, int maxDepth, int maxAttributes) {
    public static final XmlLimits DEFAULT = new XmlLimits(256 * 1024, 32, 64);

    public XmlLimits {
        if (maxStanzaBytes < 1024) throw new IllegalArgumentException("maxStanzaBytes must be at least 1024");
        if (maxDepth < 4) throw new IllegalArgumentException("maxDepth must be at least 4");
        if (maxAttributes < 8) throw new IllegalArgumentException("maxAttributes must be at least 8");
    }
}
