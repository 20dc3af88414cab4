package org.passerelle.web.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.passerelle.core.http.HttpAnswer;
import org.passerelle.core.http.HttpCall;

/**
 * The admin API's table of routes: a method and a path pattern under /api/v1 ({@code /users/{jid}})
 * to a handler. A parameter matches one path segment; the last one of a pattern may be
 * {@code {name...}} and take the rest of the path (a resource may contain a slash). The table is
 * also what the OpenAPI test compares with the document.
 */
final class ApiRoutes {
    /** One request with its path parameters and the authenticated caller. */
    record Request(HttpCall call, Map<String, String> params, AdminAuth.Caller caller) {
        String param(String name) {
            return params.get(name);
        }
    }

    @FunctionalInterface
    interface Handler {
        HttpAnswer handle(Request request) throws Exception;
    }

    record Route(String method, String pattern, Handler handler) {
        boolean changes() {
            return !method.equals("GET");
        }

        /** The parameters when the path matches, else null. */
        Map<String, String> match(String path) {
            String[] want = pattern.substring(1).split("/");
            String[] got = path.length() > 1 ? path.substring(1).split("/", -1) : new String[] {""};
            Map<String, String> params = new LinkedHashMap<>();
            for (int i = 0; i < want.length; i++) {
                if (i >= got.length) return null;
                String w = want[i];
                if (w.startsWith("{") && w.endsWith("...}")) {
                    String rest = String.join("/", java.util.Arrays.copyOfRange(got, i, got.length));
                    if (rest.isEmpty()) return null;
                    params.put(w.substring(1, w.length() - 4), rest);
                    return params;
                }
                if (w.startsWith("{")) {
                    if (got[i].isEmpty()) return null;
                    params.put(w.substring(1, w.length() - 1), got[i]);
                } else if (!w.equals(got[i])) {
                    return null;
                }
            }
            return got.length == want.length ? params : null;
        }
    }

    /** A route found for a path, or the methods the path has (for 405). */
    record Match(Route route, Map<String, String> params, List<String> allowed) {
    }

    private final List<Route> routes = new ArrayList<>();

    ApiRoutes add(String method, String pattern, Handler handler) {
        routes.add(new Route(method, pattern, handler));
        return this;
    }

    List<Route> all() {
        return List.copyOf(routes);
    }

    /** The route for the method and path; empty when no pattern matches the path at all (404). */
    Optional<Match> find(String method, String path) {
        TreeSet<String> allowed = new TreeSet<>();
        for (Route r : routes) {
            Map<String, String> params = r.match(path);
            if (params == null) continue;
            if (r.method().equals(method) || (method.equals("HEAD") && r.method().equals("GET"))) {
                return Optional.of(new Match(r, params, List.of()));
            }
            allowed.add(r.method());
        }
        return allowed.isEmpty() ? Optional.empty() : Optional.of(new Match(null, Map.of(), List.copyOf(allowed)));
    }
}
