package org.passerelle.xml;

/** Character data, kept unescaped. */
public record Text(String value) implements Node {
    public Text {
        if (value == null) throw new IllegalArgumentException("text is null");
    }
}
