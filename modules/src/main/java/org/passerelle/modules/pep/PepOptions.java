package org.passerelle.modules.pep;

/**
 * {@code modules.pep}: {@code maxItemBytes} is the largest item payload accepted, as UTF-8 XML
 * (default 128 KiB, room for a XEP-0084 avatar); {@code maxNodes} the nodes one account may have
 * (default 64); {@code maxItems} the largest {@code pubsub#max_items}, also what {@code max} means
 * (default 256).
 */
public record PepOptions(Integer maxItemBytes, Integer maxNodes, Integer maxItems) {
    public PepOptions {
        if (maxItemBytes == null) maxItemBytes = 128 * 1024;
        if (maxNodes == null) maxNodes = 64;
        if (maxItems == null) maxItems = 256;
        if (maxItemBytes < 1024 || maxItemBytes > 16 << 20) {
            throw new IllegalArgumentException("maxItemBytes must be between 1024 and 16777216, not " + maxItemBytes);
        }
        if (maxNodes < 1 || maxNodes > 10_000) throw new IllegalArgumentException("maxNodes must be between 1 and 10000, not " + maxNodes);
        if (maxItems < 1 || maxItems > 10_000) throw new IllegalArgumentException("maxItems must be between 1 and 10000, not " + maxItems);
    }
}
