package org.passerelle.web.admin;

import java.util.concurrent.TimeUnit;
import org.passerelle.core.auth.RateLimiter;
import org.passerelle.core.config.WebConfig;
import org.passerelle.core.event.AuthFailed;
import org.passerelle.core.module.ServerContext;

/**
 * Mounts the operator's HTTP resources on a server, once, when its web listeners are set up:
 * the admin API at /api/v1, the console at /admin and /metrics (docs/ADMIN.md).
 */
public final class Admin {
    /** Largest request body the API takes (a JSON object); above it the answer is 413. */
    static final int MAX_BODY = 64 * 1024;

    private Admin() {
    }

    /** {@code loginFailures}: the limiter XMPP logins use, so both count failures together. */
    public static void mount(ServerContext server, RateLimiter loginFailures) {
        WebConfig web = server.config().web();
        ApiTokens tokens = new ApiTokens(server.stores().keyValue(), server.accounts(), server.clock());
        ConsoleSessions console = new ConsoleSessions(TimeUnit.MINUTES.toMillis(web.admin().consoleIdleMinutes()), server.clock());
        AdminAuth auth = new AdminAuth(server, loginFailures, tokens, console);
        server.http().mount("/metrics", 0, new MetricsRoute(server, auth));
        if (!web.admin().enabled()) return;

        RecentAuthFailures failures = new RecentAuthFailures();
        server.events().on(AuthFailed.class, 1000, e -> {
            failures.add(e);
            return false;
        });
        TrafficHistory traffic = new TrafficHistory();
        traffic.sample(ServerApi.messagesIn(server));
        server.scheduler().scheduleAtFixedRate(() -> traffic.sample(ServerApi.messagesIn(server)), 1, 1, TimeUnit.MINUTES);

        server.http().mount(AdminApi.PREFIX, MAX_BODY, new AdminApi(routes(server, tokens, console, traffic, failures), auth));
        server.http().mount(ConsoleRoute.PREFIX, MAX_BODY, new ConsoleRoute(auth, console));
    }

    /** Every endpoint of the API; the OpenAPI test reads this table. */
    static ApiRoutes routes(ServerContext server, ApiTokens tokens, ConsoleSessions console,
                            TrafficHistory traffic, RecentAuthFailures failures) {
        ApiRoutes routes = new ApiRoutes();
        UsersApi users = new UsersApi(server, console);
        users.register(routes);
        new SessionsApi(server, users).register(routes);
        new RoomsApi(server).register(routes);
        new TokensApi(tokens).register(routes);
        new ServerApi(server, traffic, failures).register(routes);
        new ChargingApi(server).register(routes);
        return routes;
    }
}
