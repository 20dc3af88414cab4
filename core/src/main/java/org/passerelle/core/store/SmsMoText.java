package org.passerelle.core.store;

/**
 * A concatenated mobile-originated text, named by its concatenation header: the SMSC that
 * delivered it, the phone that sent it, the reference (8 or 16 bits) and its number of parts.
 */
public record SmsMoText(String smsc, String phone, int reference, int total) {
}
