package org.passerelle.core.http;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A route's answer: a status, headers and either bytes or a file that the frontend streams
 * (downloads are not loaded into memory). {@code Content-Length} is set by the frontend.
 */
public record HttpAnswer(int status, Map<String, String> headers, byte[] body, Path file) {

    public HttpAnswer {
        headers = Map.copyOf(headers);
        if (body == null && file == null) body = new byte[0];
    }

    public static HttpAnswer of(int status, String contentType, byte[] body) {
        return new HttpAnswer(status, Map.of("content-type", contentType), body, null);
    }

    public static HttpAnswer text(int status, String text) {
        return of(status, "text/plain; charset=utf-8", (text + "\n").getBytes(StandardCharsets.UTF_8));
    }

    public static HttpAnswer json(int status, String json) {
        return of(status, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /** A status with its reason phrase as the body, for errors and empty successes. */
    public static HttpAnswer status(int status, String reason) {
        return text(status, status + " " + reason);
    }

    public static HttpAnswer file(String contentType, Path file) {
        return new HttpAnswer(200, Map.of("content-type", contentType), null, file);
    }

    /** The same answer with one more header (names lower case). */
    public HttpAnswer with(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name.toLowerCase(java.util.Locale.ROOT), value);
        return new HttpAnswer(status, more, body, file);
    }
}
