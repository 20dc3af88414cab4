package org.passerelle.server.portable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What an import did and, item by item, what it skipped and why. */
public final class ImportReport {
    /** One thing not imported: where it was (host, user) and why. */
    public record Skipped(String where, String why) {
    }

    private static final int KEPT_DETAILS = 1000;

    int users;
    int accountsCreated;
    int accountsKept;
    int rosterItems;
    int vcards;
    int data;
    int offlineMessages;
    private int skippedCount;
    private final List<Skipped> skipped = new ArrayList<>();
    private final Map<String, Integer> reasons = new LinkedHashMap<>();

    void skip(String where, String why) {
        skippedCount++;
        reasons.merge(why, 1, Integer::sum);
        if (skipped.size() < KEPT_DETAILS) skipped.add(new Skipped(where, why));
    }

    public int users() { return users; }

    public int accountsCreated() { return accountsCreated; }

    public int accountsKept() { return accountsKept; }

    public int rosterItems() { return rosterItems; }

    public int vcards() { return vcards; }

    public int offlineMessages() { return offlineMessages; }

    public int skippedCount() { return skippedCount; }

    /** The first skipped items in file order (at most 1000). */
    public List<Skipped> skipped() { return List.copyOf(skipped); }

    /** How many items were skipped for each reason. */
    public Map<String, Integer> reasons() { return Map.copyOf(reasons); }

    /** A few lines for the operator: totals, then skipped items (the first {@code details}) and counts per reason. */
    public String summary(int details) {
        StringBuilder out = new StringBuilder();
        out.append(users).append(" users read: ").append(accountsCreated).append(" accounts created, ")
                .append(accountsKept).append(" existing accounts kept (credentials unchanged); ")
                .append(rosterItems).append(" roster items, ").append(vcards).append(" vCards, ")
                .append(data).append(" other data items, ").append(offlineMessages).append(" offline messages written; ")
                .append(skippedCount).append(" items skipped\n");
        for (int i = 0; i < Math.min(details, skipped.size()); i++) {
            out.append("  skipped ").append(skipped.get(i).where()).append(": ").append(skipped.get(i).why()).append('\n');
        }
        if (skippedCount > details) {
            reasons.forEach((why, n) -> out.append("  ").append(n).append(" x ").append(why).append('\n'));
        }
        return out.toString();
    }
}
