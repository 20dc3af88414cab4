package org.passerelle.modules.roster;

/**
 * Options under {@code modules.roster}. The number of items is bounded by {@code limits.rosterItems}.
 *
 * @param versioning     offer roster versioning (RFC 6121 §2.6)
 * @param maxNameLength  longest item name, in characters (longer is {@code not-acceptable})
 * @param maxGroupLength longest group name, in characters
 * @param maxGroups      most groups on one item
 */
public record RosterOptions(Boolean versioning, Integer maxNameLength, Integer maxGroupLength, Integer maxGroups) {
    public RosterOptions {
        versioning = versioning == null || versioning;
        maxNameLength = range("maxNameLength", maxNameLength, 1023, 1, 65_535);
        maxGroupLength = range("maxGroupLength", maxGroupLength, 1023, 1, 65_535);
        maxGroups = range("maxGroups", maxGroups, 100, 1, 10_000);
    }

    private static int range(String key, Integer value, int fallback, int min, int max) {
        int v = value == null ? fallback : value;
        if (v < min || v > max) throw new IllegalArgumentException(key + " must be between " + min + " and " + max + ", not " + v);
        return v;
    }
}
