package org.passerelle.xml;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * An immutable XML element: local name, namespace URI, attributes and children. Elements are
 * shared freely between threads; the {@code with…} methods return modified copies.
 */
public final class Element implements Node {
    private final String name;
    private final String namespace;
    private final List<Attribute> attributes;
    private final List<Node> children;

    public Element(String name, String namespace, List<Attribute> attributes, List<Node> children) {
        if (name == null || name.isEmpty()) throw new IllegalArgumentException("element name is empty");
        this.name = name;
        this.namespace = namespace == null ? "" : namespace;
        this.attributes = List.copyOf(attributes);
        this.children = List.copyOf(children);
    }

    /**
     * For the parser: takes the lists as they are, without copying. The caller hands them over and
     * never touches them again, so the element stays immutable.
     */
    static Element owning(String name, String namespace, List<Attribute> attributes, List<Node> children) {
        return new Element(name, namespace, attributes, children, true);
    }

    private Element(String name, String namespace, List<Attribute> attributes, List<Node> children, boolean owned) {
        this.name = name;
        this.namespace = namespace == null ? "" : namespace;
        this.attributes = attributes.isEmpty() ? List.of() : java.util.Collections.unmodifiableList(attributes);
        this.children = children.isEmpty() ? List.of() : java.util.Collections.unmodifiableList(children);
    }

    public static Builder builder(String name, String namespace) {
        return new Builder(name, namespace);
    }

    /** An empty element, e.g. {@code Element.of("ping", "urn:xmpp:ping")}. */
    public static Element of(String name, String namespace) {
        return new Element(name, namespace, List.of(), List.of());
    }

    public String name() { return name; }

    public String namespace() { return namespace; }

    public List<Attribute> attributes() { return attributes; }

    public List<Node> children() { return children; }

    public boolean is(String name, String namespace) {
        return this.name.equals(name) && this.namespace.equals(namespace);
    }

    /** The attribute's value, or null when absent. */
    public String attr(String name) {
        for (Attribute a : attributes) if (a.name().equals(name)) return a.value();
        return null;
    }

    /** The child elements, in document order. */
    public List<Element> elements() {
        List<Element> out = new ArrayList<>(children.size());
        for (Node n : children) if (n instanceof Element e) out.add(e);
        return out;
    }

    /** The first child element with this name and namespace, or null. */
    public Element child(String name, String namespace) {
        for (Node n : children) if (n instanceof Element e && e.is(name, namespace)) return e;
        return null;
    }

    /** The first child element in this namespace, or null. */
    public Element childIn(String namespace) {
        for (Node n : children) if (n instanceof Element e && e.namespace.equals(namespace)) return e;
        return null;
    }

    /** The first child element, or null. */
    public Element firstElement() {
        for (Node n : children) if (n instanceof Element e) return e;
        return null;
    }

    public List<Element> children(String name, String namespace) {
        List<Element> out = new ArrayList<>();
        for (Node n : children) if (n instanceof Element e && e.is(name, namespace)) out.add(e);
        return out;
    }

    /** The concatenated character data directly inside this element. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (Node n : children) if (n instanceof Text t) sb.append(t.value());
        return sb.toString();
    }

    /** The text of the first child with this name and namespace, or null when there is none. */
    public String childText(String name, String namespace) {
        Element c = child(name, namespace);
        return c == null ? null : c.text();
    }

    public Element withAttr(String name, String value) {
        List<Attribute> attrs = new ArrayList<>(attributes.size() + 1);
        boolean replaced = false;
        for (Attribute a : attributes) {
            if (a.name().equals(name)) {
                replaced = true;
                if (value != null) attrs.add(new Attribute(name, value));
            } else {
                attrs.add(a);
            }
        }
        if (!replaced && value != null) attrs.add(new Attribute(name, value));
        return new Element(this.name, namespace, attrs, children);
    }

    public Element withChildren(List<? extends Node> newChildren) {
        return new Element(name, namespace, attributes, List.copyOf(newChildren));
    }

    public Element withChild(Node child) {
        List<Node> c = new ArrayList<>(children);
        c.add(child);
        return new Element(name, namespace, attributes, c);
    }

    /** A copy without the child elements of this name and namespace. */
    public Element withoutChildren(String name, String namespace) {
        List<Node> c = new ArrayList<>(children.size());
        for (Node n : children) if (!(n instanceof Element e && e.is(name, namespace))) c.add(n);
        return new Element(this.name, this.namespace, attributes, c);
    }

    /** A copy with each child element replaced by what the function returns (null drops it). */
    public Element mapElements(UnaryOperator<Element> f) {
        List<Node> c = new ArrayList<>(children.size());
        for (Node n : children) {
            if (n instanceof Element e) {
                Element m = f.apply(e);
                if (m != null) c.add(m);
            } else {
                c.add(n);
            }
        }
        return new Element(name, namespace, attributes, c);
    }

    public Builder toBuilder() {
        Builder b = new Builder(name, namespace);
        b.attributes.addAll(attributes);
        b.children.addAll(children);
        return b;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Element e && name.equals(e.name) && namespace.equals(e.namespace)
                && attributes.equals(e.attributes) && children.equals(e.children);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, namespace, attributes, children);
    }

    @Override
    public String toString() {
        return XmlWriter.toXml(this);
    }

    /** Builds an element; the builder is not thread-safe, the result is immutable. */
    public static final class Builder {
        private final String name;
        private final String namespace;
        private final List<Attribute> attributes = new ArrayList<>();
        private final List<Node> children = new ArrayList<>();

        private Builder(String name, String namespace) {
            this.name = name;
            this.namespace = namespace;
        }

        /** Adds the attribute; a null value is skipped, so optional attributes read naturally. */
        public Builder attr(String name, String value) {
            if (value != null) attributes.add(new Attribute(name, value));
            return this;
        }

        public Builder child(Node child) {
            if (child != null) children.add(child);
            return this;
        }

        public Builder children(List<? extends Node> more) {
            children.addAll(more);
            return this;
        }

        public Builder text(String text) {
            if (text != null && !text.isEmpty()) children.add(new Text(text));
            return this;
        }

        /** Adds {@code <name xmlns=namespace>text</name>}. */
        public Builder textChild(String name, String namespace, String text) {
            if (text != null) children.add(Element.builder(name, namespace).text(text).build());
            return this;
        }

        public Element build() {
            return new Element(name, namespace, attributes, children);
        }
    }
}
