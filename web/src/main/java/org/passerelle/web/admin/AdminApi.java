package org.passerelle.web.admin;

import java.io.IOException;
import java.io.InputStream;
import org.passerelle.core.http.HttpAnswer;
import org.passerelle.core.http.HttpCall;
import org.passerelle.core.http.HttpRoute;

/**
 * The admin REST API under {@value #PREFIX}: finds the route (404, 405), authenticates the caller
 * (401, 403, 429, see {@link AdminAuth}) and runs the handler; refusals are JSON
 * {@code {"error", "message"}}. The OpenAPI document is served without credentials.
 */
final class AdminApi implements HttpRoute {
    static final String PREFIX = "/api/v1";
    static final String OPENAPI = "/openapi.json";

    private final ApiRoutes routes;
    private final AdminAuth auth;
    private final byte[] openApi;

    AdminApi(ApiRoutes routes, AdminAuth auth) {
        this.routes = routes;
        this.auth = auth;
        this.openApi = resource("openapi.json");
    }

    @Override
    public HttpAnswer handle(HttpCall call) throws Exception {
        String path = call.rest(PREFIX);
        try {
            if (path.equals(OPENAPI)) {
                if (!call.method().equals("GET") && !call.method().equals("HEAD")) throw notAllowed("GET");
                return HttpAnswer.of(200, "application/json", openApi).with("x-content-type-options", "nosniff");
            }
            ApiRoutes.Match m = routes.find(call.method(), path).orElseThrow(() -> ApiError.notFound("no such endpoint: " + path));
            if (m.route() == null) throw notAllowed(String.join(", ", m.allowed()));
            AdminAuth.Caller caller = auth.authenticate(call, m.route().changes());
            return m.route().handler().handle(new ApiRoutes.Request(call, m.params(), caller)).with("x-content-type-options", "nosniff");
        } catch (ApiError e) {
            HttpAnswer a = Json.error(e).with("x-content-type-options", "nosniff");
            if (e.status == 401) a = a.with("www-authenticate", challenge(call));
            if (e.status == 429) a = a.with("retry-after", "60");
            if (e.status == 405) a = a.with("allow", e.getMessage().substring(e.getMessage().indexOf(':') + 2));
            return a;
        }
    }

    /** Basic for scripts; the console (it sends its CSRF header) gets Bearer only, so browsers show no password dialog. */
    private static String challenge(HttpCall call) {
        String bearer = "Bearer realm=\"" + AdminAuth.REALM + "\"";
        if (call.header(AdminAuth.CSRF_HEADER).isPresent() || call.cookie(AdminAuth.COOKIE).isPresent()) return bearer;
        return "Basic realm=\"" + AdminAuth.REALM + "\", charset=\"UTF-8\", " + bearer;
    }

    private static ApiError notAllowed(String allowed) {
        return new ApiError(405, "method_not_allowed", "allowed: " + allowed);
    }

    static byte[] resource(String name) {
        try (InputStream in = AdminApi.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read resource " + name, e);
        }
    }
}
