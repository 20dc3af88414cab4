package org.passerelle.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.passerelle.core.util.Digests;

/**
 * One file served as is: its bytes, a gzip copy when that is worth it, a strong ETag per copy,
 * its media type and how long browsers may keep it.
 */
record Asset(byte[] bytes, byte[] gzipped, String etag, String type, String cacheControl) {
    /** Versioned URLs never change content: a year, without revalidation. */
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    /** Unversioned URLs: keep, but ask (a 304 costs a round trip, not the body). */
    static final String REVALIDATE = "no-cache";

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("wasm", "application/wasm"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("ttf", "font/ttf"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("mp3", "audio/mpeg"),
            Map.entry("ogg", "audio/ogg"));

    static Asset of(String name, byte[] bytes, String cacheControl) {
        String type = typeOf(name);
        String hash = HexFormat.of().formatHex(sha256(bytes), 0, 12);
        byte[] gz = compressible(type) ? gzip(bytes) : null;
        if (gz != null && gz.length >= bytes.length * 0.9) gz = null; // not worth a second copy
        return new Asset(bytes, gz, '"' + hash + '"', type, cacheControl);
    }

    static String typeOf(String name) {
        int dot = name.lastIndexOf('.');
        return TYPES.getOrDefault(dot < 0 ? "" : name.substring(dot + 1), "application/octet-stream");
    }

    /** The gzip copy has its own tag: a cache must not answer one encoding's tag with the other's bytes. */
    String gzipEtag() {
        return etag.substring(0, etag.length() - 1) + "-gz\"";
    }

    private static boolean compressible(String type) {
        return type.startsWith("text/") || type.startsWith("application/") && !type.equals("application/octet-stream")
                || type.equals("image/svg+xml") || type.equals("font/ttf");
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] sha256(byte[] bytes) {
        return Digests.sha256(bytes);
    }
}
