package org.passerelle.core.module;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import org.passerelle.core.auth.Accounts;
import org.passerelle.core.charging.Charging;
import org.passerelle.core.config.ServerConfig;
import org.passerelle.core.event.EventBus;
import org.passerelle.core.http.HttpRoutes;
import org.passerelle.core.metrics.Metrics;
import org.passerelle.core.routing.ClientStanzas;
import org.passerelle.core.routing.Domains;
import org.passerelle.core.routing.Hooks;
import org.passerelle.core.routing.IqDispatcher;
import org.passerelle.core.routing.IqTracker;
import org.passerelle.core.routing.Router;
import org.passerelle.core.session.SessionRegistry;
import org.passerelle.core.store.Stores;

/**
 * The core services of one running server, handed to modules and frontends through their
 * constructors or the module context. There is no global instance.
 *
 * @param workers   runs blocking work (virtual threads)
 * @param scheduler timers (timeouts, expiry); hand real work on to {@code workers}
 * @param metrics   the server's meters (docs/METRICS.md)
 * @param http      the HTTP routes modules mount, served by the web listeners
 * @param charging  prices billable events and writes their records with what they charge (core.charging)
 * @param dataDirectory the server's data directory, where modules keep files (uploads); null when
 *                  there is none (unit tests): such a module then needs an absolute path in its options
 */
public record ServerContext(ServerConfig config, Domains domains, Router router, ClientStanzas clientStanzas,
                            SessionRegistry sessions, Hooks hooks, IqDispatcher iqs, IqTracker iqTracker,
                            EventBus events, Stores stores, Accounts accounts, Features features, Clock clock,
                            ExecutorService workers, ScheduledExecutorService scheduler,
                            Metrics metrics, HttpRoutes http, Charging charging, Path dataDirectory) {
}
