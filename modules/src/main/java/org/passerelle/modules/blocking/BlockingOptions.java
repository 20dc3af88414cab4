package org.passerelle.modules.blocking;

/** {@code modules.blocking}: {@code maxItems} is the largest block list of one account (default 1000). */
public record BlockingOptions(Integer maxItems) {
    public BlockingOptions {
        if (maxItems == null) maxItems = 1000;
        if (maxItems < 1 || maxItems > 100_000) throw new IllegalArgumentException("maxItems must be between 1 and 100000, not " + maxItems);
    }
}
