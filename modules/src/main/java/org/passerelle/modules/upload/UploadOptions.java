package org.passerelle.modules.upload;

import java.nio.file.Path;

/**
 * {@code modules.upload}; every key is optional (docs/UPLOAD.md).
 *
 * @param enabled        on by default: it opens no port, files go through the web listeners
 * @param subdomain      the service is {@code <subdomain>.<domain>} for each hosted domain (default upload)
 * @param maxFileBytes   the largest file accepted (default 10 MiB, at most 1 GiB); the web listener writes the body to a file as it arrives
 * @param quotaBytes     per account: stored files plus pending slots (default 100 MiB)
 * @param expireDays     files are deleted this many days after their upload; 0 keeps them (default 30)
 * @param slotSeconds    how long a slot waits for its upload (default 300)
 * @param slotsPerMinute slot requests allowed per account and minute (default 20)
 * @param directory      where the files are kept, relative to the data directory (default uploads)
 * @param cleanupMinutes how often expired files and slots are deleted (default 10)
 */
public record UploadOptions(Boolean enabled, String subdomain, Long maxFileBytes, Long quotaBytes, Integer expireDays,
                            Integer slotSeconds, Integer slotsPerMinute, String directory,
                            Integer cleanupMinutes) {
    /** The web listener's route limit is an int ({@code ctx.http}); a gigabyte keeps a slot's PUT within reason. */
    static final long MAX_FILE_LIMIT = 1024L * 1024 * 1024;

    public UploadOptions {
        if (enabled == null) enabled = true;
        if (subdomain == null) subdomain = "upload";
        if (maxFileBytes == null) maxFileBytes = 10L * 1024 * 1024;
        if (quotaBytes == null) quotaBytes = 100L * 1024 * 1024;
        if (expireDays == null) expireDays = 30;
        if (slotSeconds == null) slotSeconds = 300;
        if (slotsPerMinute == null) slotsPerMinute = 20;
        if (directory == null) directory = "uploads";
        if (cleanupMinutes == null) cleanupMinutes = 10;
        if (!subdomain.matches("[a-z0-9-]{1,63}")) throw new IllegalArgumentException("subdomain must be one DNS label, not " + subdomain);
        if (maxFileBytes < 1 || maxFileBytes > MAX_FILE_LIMIT) {
            throw new IllegalArgumentException("maxFileBytes must be between 1 and " + MAX_FILE_LIMIT + ", not " + maxFileBytes);
        }
        if (quotaBytes < maxFileBytes) throw new IllegalArgumentException("quotaBytes must be at least maxFileBytes (" + maxFileBytes + ")");
        if (expireDays < 0) throw new IllegalArgumentException("expireDays must not be negative");
        if (slotSeconds < 10 || slotSeconds > 86_400) throw new IllegalArgumentException("slotSeconds must be between 10 and 86400");
        if (slotsPerMinute < 1) throw new IllegalArgumentException("slotsPerMinute must be at least 1");
        if (cleanupMinutes < 1 || cleanupMinutes > 1440) throw new IllegalArgumentException("cleanupMinutes must be between 1 and 1440");
    }

    /** The file directory: {@code directory} under the data directory unless it is absolute. */
    Path directoryIn(Path dataDirectory) {
        Path dir = Path.of(directory);
        if (dir.isAbsolute()) return dir;
        if (dataDirectory == null) throw new IllegalArgumentException("upload: directory must be absolute when the server has no data directory");
        return dataDirectory.resolve(dir);
    }
}
