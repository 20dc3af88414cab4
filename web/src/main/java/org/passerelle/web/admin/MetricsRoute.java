package org.passerelle.web.admin;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import org.passerelle.core.http.HttpAnswer;
import org.passerelle.core.http.HttpCall;
import org.passerelle.core.http.HttpRoute;
import org.passerelle.core.module.ServerContext;

/**
 * {@code GET /metrics}: the server's meters in the Prometheus text format (docs/METRICS.md), for an
 * admin (Basic or Bearer token), or anyone when {@code web.metrics.public} is on.
 */
final class MetricsRoute implements HttpRoute {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final ServerContext server;
    private final AdminAuth auth;

    MetricsRoute(ServerContext server, AdminAuth auth) {
        this.server = server;
        this.auth = auth;
    }

    @Override
    public HttpAnswer handle(HttpCall call) {
        try {
            if (!call.path().equals("/metrics")) throw ApiError.notFound("no such endpoint");
            if (!call.method().equals("GET") && !call.method().equals("HEAD")) {
                return Json.error(new ApiError(405, "method_not_allowed", "allowed: GET")).with("allow", "GET, HEAD");
            }
            if (!server.config().web().metrics().open()) auth.authenticate(call, false);
            if (!(server.metrics().registry() instanceof PrometheusMeterRegistry prometheus)) {
                throw new ApiError(501, "not_implemented", "this server keeps its meters in a registry without the Prometheus format");
            }
            return HttpAnswer.of(200, CONTENT_TYPE, prometheus.scrape().getBytes(StandardCharsets.UTF_8)).with("cache-control", "no-store");
        } catch (ApiError e) {
            HttpAnswer a = Json.error(e);
            if (e.status == 401) a = a.with("www-authenticate", "Basic realm=\"" + AdminAuth.REALM + "\", charset=\"UTF-8\", Bearer realm=\"" + AdminAuth.REALM + "\"");
            if (e.status == 429) a = a.with("retry-after", "60");
            return a;
        }
    }
}
