package org.passerelle.core.http;

import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request as the web frontend read it: the body is complete (bounded by the route's
 * limit), header names are lower case.
 *
 * @param path    the decoded path, starting with the route's prefix
 * @param query   the decoded query parameters
 * @param origin  scheme, host and port the client used ({@code https://example.org:5443}), for links
 * @param secure  whether the request came over TLS
 */
public record HttpCall(String method, String path, Map<String, List<String>> query, Map<String, List<String>> headers,
                       byte[] body, InetSocketAddress remote, String origin, boolean secure) {

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
