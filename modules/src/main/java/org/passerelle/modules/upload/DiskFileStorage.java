package org.passerelle.modules.upload;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Files in a directory: {@code <root>/<first two characters of the key>/<key>}, so no directory
 * grows too large. A body is written to {@code <root>/tmp/} as it arrives (by the web listener) and
 * moved into place atomically, so a download never sees half a file; leftovers of a crash are
 * removed by {@link #deleteStaleTemporaries}.
 */
final class DiskFileStorage implements FileStorage {
    /** Keys are slot ids: checked again here so no caller can make a path out of anything else. */
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{16,64}");

    private final Path root;
    private final Path tmp;

    DiskFileStorage(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.tmp = this.root.resolve("tmp");
        Files.createDirectories(tmp);
    }

    Path root() {
        return root;
    }

    @Override
    public Path incoming() {
        return tmp;
    }

    @Override
    public void store(String key, Path part) throws IOException {
        Path target = path(key);
        Files.createDirectories(target.getParent());
        Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public Path file(String key) {
        Path p = path(key);
        return Files.isRegularFile(p) ? p : null;
    }

    @Override
    public boolean delete(String key) throws IOException {
        return Files.deleteIfExists(path(key));
    }

    /** Removes partial writes older than {@code age} (a crash between create and move). */
    int deleteStaleTemporaries(Instant now, Duration age) throws IOException {
        int n = 0;
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(tmp, "*.part")) {
            for (Path p : parts) {
                if (Files.getLastModifiedTime(p).toInstant().isBefore(now.minus(age)) && Files.deleteIfExists(p)) n++;
            }
        }
        return n;
    }

    private Path path(String key) {
        if (!KEY.matcher(key).matches()) throw new IllegalArgumentException("not a storage key: " + key);
        return root.resolve(key.substring(0, 2)).resolve(key);
    }
}
