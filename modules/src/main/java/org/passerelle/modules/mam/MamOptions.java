package org.passerelle.modules.mam;

/**
 * {@code modules.mam}; every key is optional.
 *
 * @param retentionDays      messages older than this are deleted; 0 keeps them forever (default 0)
 * @param maxMessages        at most this many newest messages are kept per archive; 0 for no limit (default 0)
 * @param defaultPageSize    results per query page when the client gives no RSM max (default 50)
 * @param maxPageSize        a larger RSM max is lowered to this (default 250)
 * @param defaultPrefs       what is archived for an account that set no preferences: always, roster or never (default always)
 * @param countResults       answer RSM count (one more index scan per query; default true)
 * @param cleanupMinutes     how often retention runs, in minutes (default 60)
 */
public record MamOptions(Integer retentionDays, Integer maxMessages, Integer defaultPageSize, Integer maxPageSize,
                         String defaultPrefs, Boolean countResults, Integer cleanupMinutes) {
    public MamOptions {
        if (retentionDays == null) retentionDays = 0;
        if (maxMessages == null) maxMessages = 0;
        if (defaultPageSize == null) defaultPageSize = 50;
        if (maxPageSize == null) maxPageSize = 250;
        if (defaultPrefs == null) defaultPrefs = "always";
        if (countResults == null) countResults = true;
        if (cleanupMinutes == null) cleanupMinutes = 60;
        if (retentionDays < 0) throw new IllegalArgumentException("retentionDays must not be negative");
        if (maxMessages < 0) throw new IllegalArgumentException("maxMessages must not be negative");
        if (maxPageSize < 1 || maxPageSize > 10_000) throw new IllegalArgumentException("maxPageSize must be between 1 and 10000");
        if (defaultPageSize < 1 || defaultPageSize > maxPageSize) {
            throw new IllegalArgumentException("defaultPageSize must be between 1 and maxPageSize (" + maxPageSize + ")");
        }
        if (ArchivePrefs.Mode.of(defaultPrefs) == null) throw new IllegalArgumentException("defaultPrefs must be always, roster or never");
        if (cleanupMinutes < 1) throw new IllegalArgumentException("cleanupMinutes must be at least 1");
    }
}
