package org.passerelle.core.module;

/** A XEP-0030 identity. */
public record Identity(String category, String type, String name) {
}
