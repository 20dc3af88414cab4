package org.passerelle.xml;

/**
 * One attribute by its qualified name as written ({@code type}, {@code xml:lang},
 * {@code xmlns:foo}); values are kept unescaped.
 */
public record Attribute(String name, String value) {
    public Attribute {
        if (name == null || name.isEmpty()) throw new IllegalArgumentException("attribute name is empty");
        if (value == null) throw new IllegalArgumentException("attribute " + name + " has no value");
    }
}
