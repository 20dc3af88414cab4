package org.passerelle.modules.csi;

/** {@code modules.csi}: {@code maxHeld} senders whose presence is held for an inactive client (default 256). */
public record CsiOptions(Integer maxHeld) {
    public CsiOptions {
        if (maxHeld == null) maxHeld = 256;
        if (maxHeld < 1 || maxHeld > 100_000) throw new IllegalArgumentException("maxHeld must be between 1 and 100000, not " + maxHeld);
    }
}
