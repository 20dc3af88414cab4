package org.passerelle.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The files of the web client, from the class path: Converse.js as the build unpacked it under
 * {@code webclient/converse/}, served at {@code /webclient/<version>/...}, plus our own start
 * script and style sheet at {@code /webclient/passerelle.js} and {@code .css}. Only the names the build listed in
 * {@code webclient/files.txt} exist: no path is ever joined onto a directory, so {@code ..},
 * encoded dots, backslashes or absolute paths cannot reach anything else.
 */
final class StaticAssets {
    static final String PREFIX = "/webclient/";
    /** Ours, beside the bundle; unversioned, so revalidated. */
    private static final Set<String> OWN = Set.of("passerelle.js", "passerelle.css");
    private static final String ROOT = "webclient/";
    /** A path segment of a file we ship: letters, digits, '-', '_', '.', and not only dots. */
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");

    private final ClassLoader loader;
    private final String version;
    private final Set<String> files;
    private final Map<String, Asset> cache = new ConcurrentHashMap<>();

    private StaticAssets(ClassLoader loader, String version, Set<String> files) {
        this.loader = loader;
        this.version = version;
        this.files = files;
    }

    /** The bundle on the class path, or null when this build has none (no network at build time). */
    static StaticAssets load(ClassLoader loader) {
        String version = null;
        Set<String> files = new HashSet<>();
        try (InputStream in = loader.getResourceAsStream(ROOT + "files.txt")) {
            if (in == null) return null;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) continue;
                if (line.startsWith("version=")) version = line.substring("version=".length());
                else files.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return version == null || !files.contains("converse.min.js") ? null : new StaticAssets(loader, version, Set.copyOf(files));
    }

    /** The Converse.js version: part of every bundled URL, so that those can be cached for good. */
    String version() {
        return version;
    }

    /** Where the bundled files are, without the trailing slash (Converse's {@code assets_path}). */
    String base() {
        return PREFIX + version;
    }

    /** Whether {@link #find} would read a file from the jar: a file we serve, not in memory yet. */
    boolean needsLoading(String path) {
        return !cache.containsKey(path) && resource(path) != null;
    }

    /** The class path resource behind a request path, or null when it is not a file we serve. */
    private String resource(String path) {
        if (!path.startsWith(PREFIX) || !safe(path.substring(PREFIX.length()))) return null;
        String own = path.substring(PREFIX.length());
        if (OWN.contains(own)) return ROOT + own;
        String versioned = base() + "/";
        if (!path.startsWith(versioned)) return null;
        String name = path.substring(versioned.length());
        return files.contains(name) ? ROOT + "converse/" + name : null;
    }

    /** The file for a decoded request path under {@link #PREFIX}, or null: 404. */
    Asset find(String path) {
        String resource = resource(path);
        if (resource == null) return null;
        // Read once, on first request (on a worker: WebRequestHandler), then from memory. Our own
        // files keep their names across versions, so browsers revalidate them; Converse's are versioned.
        String cacheControl = resource.startsWith(ROOT + "converse/") ? Asset.IMMUTABLE : Asset.REVALIDATE;
        return cache.computeIfAbsent(path, p -> read(resource, cacheControl));
    }

    /**
     * The file if it is in memory, else null. A plain look-up, for the event loop: {@link #find}'s
     * computeIfAbsent may wait on the lock of a bin where a worker is reading another file.
     */
    Asset loaded(String path) {
        return cache.get(path);
    }

    /** Relative, slash-separated, each segment a plain file name. */
    static boolean safe(String relative) {
        if (relative.isEmpty()) return false;
        for (String segment : relative.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches() || segment.contains("..")) return false;
        }
        return true;
    }

    private Asset read(String resource, String cacheControl) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("listed but missing from the class path: " + resource);
            return Asset.of(resource, in.readAllBytes(), cacheControl);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
