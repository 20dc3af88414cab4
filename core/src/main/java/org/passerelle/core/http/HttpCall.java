package org.passerelle.core.http;

import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request as the web frontend read it: the body is complete (bounded by the route's
 * limit), header names are lower case.
 *
 * @param body     the body, read into memory; empty when it is in {@code bodyFile}
 * @param bodyFile the body written to a file in the route's {@link HttpRoute#bodyDirectory()}, exactly
 *                 {@code Content-Length} bytes and synced; null for routes without one, or no body
 * @param path    the decoded path, starting with the route's prefix
 * @param query   the decoded query parameters
 * @param origin  scheme, host and port the client used ({@code https://example.org:5443}), for links
 * @param secure  whether the request came over TLS
 */
public record HttpCall(String method, String path, Map<String, List<String>> query, Map<String, List<String>> headers,
                       byte[] body, Path bodyFile, InetSocketAddress remote, String origin, boolean secure) {

    /** A request whose body, if any, is in memory. */
    public HttpCall(String method, String path, Map<String, List<String>> query, Map<String, List<String>> headers,
                    byte[] body, InetSocketAddress remote, String origin, boolean secure) {
        this(method, path, query, headers, body, null, remote, origin, secure);
    }

    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public Optional<String> param(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The named cookie's value, from the Cookie header. */
    public Optional<String> cookie(String name) {
        return header("cookie").flatMap(all -> {
            for (String pair : all.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).trim().equals(name)) {
                    return Optional.of(URLDecoder.decode(pair.substring(eq + 1).trim(), StandardCharsets.UTF_8));
                }
            }
            return Optional.empty();
        });
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The path after the route's prefix. */
    public String rest(String prefix) {
        return path.startsWith(prefix) ? path.substring(prefix.length()) : path;
    }
}
