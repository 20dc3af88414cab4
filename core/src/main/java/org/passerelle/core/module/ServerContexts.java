package org.passerelle.core.module;

import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import org.jxmpp.jid.DomainBareJid;
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
import org.passerelle.core.session.LocalSessionRegistry;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.store.Stores;

/** Builds the core services of a single-node server from its configuration and stores. */
public final class ServerContexts {
    private ServerContexts() {
    }

    public static ServerContext create(ServerConfig config, Stores stores, Clock clock) {
        return create(config, stores, clock, Metrics.inMemory());
    }

    /** As above, with the meters in a registry chosen by the caller (the server's Prometheus one). */
    public static ServerContext create(ServerConfig config, Stores stores, Clock clock, Metrics metrics) {
        return create(config, stores, clock, metrics, null);
    }

    /** As above, with the data directory where modules keep their files. */
    public static ServerContext create(ServerConfig config, Stores stores, Clock clock, Metrics metrics, Path dataDirectory) {
        Set<DomainBareJid> hosted = new LinkedHashSet<>();
        config.domains().forEach(d -> hosted.add(Jids.of(d.name()).asDomainBareJid()));
        Domains domains = new Domains(hosted);
        LocalSessionRegistry sessions = new LocalSessionRegistry();
        Hooks hooks = new Hooks();
        IqTracker tracker = new IqTracker();
        IqDispatcher iqs = new IqDispatcher(tracker);
        Router router = new Router(domains, sessions, hooks, iqs, metrics);
        EventBus events = new EventBus();
        Accounts accounts = new Accounts(stores.accounts(), domains, events, config.auth().scramIterations(), clock);
        return new ServerContext(config, domains, router, new ClientStanzas(router, hooks, metrics), sessions, hooks, iqs, tracker,
                events, stores, accounts, new Features(), clock,
                Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("worker-", 0).factory()),
                Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("timer").daemon().factory()),
                metrics, new HttpRoutes(config.web().publicUrl()), new Charging(stores.charging()), dataDirectory);
    }
}
