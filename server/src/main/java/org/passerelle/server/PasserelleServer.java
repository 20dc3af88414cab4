package org.passerelle.server;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.ssl.SslContext;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.passerelle.core.config.ListenerConfig;
import org.passerelle.core.config.ServerConfig;
import org.passerelle.core.config.TlsConfig;
import org.passerelle.core.metrics.Metrics;
import org.passerelle.core.module.ModuleLoader;
import org.passerelle.core.module.ServerContext;
import org.passerelle.core.module.ServerContexts;
import org.passerelle.core.store.Stores;
import org.passerelle.store.sql.SqlStores;
import org.passerelle.xmpp.c2s.C2sContext;
import org.passerelle.xmpp.c2s.C2sListener;
import org.passerelle.web.WebListener;
import org.passerelle.xmpp.c2s.EventLoops;
import org.passerelle.xmpp.tls.TlsContexts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running server: stores, core, modules and listeners, wired here and nowhere else. Closing
 * stops them in reverse order.
 */
public final class PasserelleServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PasserelleServer.class);

    private final ServerContext context;
    private final Stores stores;
    private final ModuleLoader modules;
    private final EventLoopGroup boss;
    private final EventLoopGroup io;
    private final List<C2sListener> listeners = new ArrayList<>();
    private final List<WebListener> webListeners = new ArrayList<>();
    private boolean webClient;

    private PasserelleServer(ServerContext context, Stores stores, ModuleLoader modules, EventLoopGroup boss, EventLoopGroup io) {
        this.context = context;
        this.stores = stores;
        this.modules = modules;
        this.boss = boss;
        this.io = io;
    }

    /** Opens the stores, starts the modules and binds the listeners of the configuration. */
    public static PasserelleServer start(ServerConfig config, DataDirectory data) throws Exception {
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Stores stores = SqlStores.open(config.storage(), data.root(), meters);
        ServerContext context = ServerContexts.create(config, stores, Clock.systemUTC(), new Metrics(meters), data.root());
        ModuleLoader modules = new ModuleLoader(context);
        PasserelleServer server = new PasserelleServer(context, stores, modules, EventLoops.create(1), EventLoops.create(0));
        try {
            List<String> started = modules.startAll();
            LOG.info("storage {}; modules {}", stores.description(), started);
            C2sContext c2s = C2sContext.create(context, tls(config.tls(), data, config));
            server.listen(c2s, config.listeners().c2s(), false);
            server.listen(c2s, config.listeners().c2sDirectTls(), true);
            WebListener.Web web = new WebListener.Web(c2s);
            server.webClient = web.servesClient();
            server.listenWeb(web, config.listeners().http(), false);
            server.listenWeb(web, config.listeners().https(), true);
        } catch (Exception | Error e) {
            server.close();
            throw e;
        }
        return server;
    }

    private void listen(C2sContext c2s, ListenerConfig l, boolean directTls) throws InterruptedException {
        if (!l.enabled()) return;
        C2sListener listener = bindOrExplain(l, () -> C2sListener.bind(c2s, boss, io, l.host(), l.port(), directTls));
        listeners.add(listener);
        LOG.info("listening for XMPP clients on {}:{} ({})", l.host(), listener.port(), directTls ? "direct TLS" : "STARTTLS");
    }

    private void listenWeb(WebListener.Web web, ListenerConfig l, boolean tls) throws InterruptedException {
        if (!l.enabled()) return;
        WebListener listener = bindOrExplain(l, () -> WebListener.bind(web, boss, io, l.host(), l.port(), tls));
        webListeners.add(listener);
        LOG.info("listening for web clients on {}:{} ({}, XMPP over WebSocket at /xmpp-websocket, BOSH at /http-bind, admin console at /admin)",
                l.host(), listener.port(), tls ? "HTTPS" : "HTTP");
    }

    private interface Bind<T> {
        T bind() throws InterruptedException;
    }

    private static <T> T bindOrExplain(ListenerConfig l, Bind<T> bind) throws InterruptedException {
        try {
            return bind.bind();
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) { // Netty rethrows the bind failure unchecked
            if (!(e instanceof java.net.BindException || e.getCause() instanceof java.net.BindException
                    || String.valueOf(e.getMessage()).contains("Address already in use"))) throw e;
            throw new IllegalArgumentException("cannot listen on " + l.host() + ":" + l.port() + " (" + e.getMessage()
                    + "): another server, or another Passerelle, may be using it; stop it or choose another port under listeners:", e);
        }
    }

    private static SslContext tls(TlsConfig tls, DataDirectory data, ServerConfig config) throws IOException {
        Path cert;
        Path key;
        if (tls.certificate() != null) {
            cert = data.root().resolve(tls.certificate());
            key = data.root().resolve(tls.privateKey());
        } else {
            cert = data.certificate();
            key = data.privateKey();
            SelfSignedCertificate.ensure(cert, key, config.domains().stream().map(d -> d.name()).toList());
        }
        return TlsContexts.server(cert.toFile(), key.toFile());
    }

    public ServerContext context() {
        return context;
    }

    /** The bound port of the STARTTLS listener (or -1), useful when the config asked for port 0. */
    /** The meters in the Prometheus text format (docs/METRICS.md), for the web module's /metrics. */
    public String scrapeMetrics() {
        return ((PrometheusMeterRegistry) context.metrics().registry()).scrape();
    }

    public int c2sPort() {
        return listeners.stream().filter(l -> !l.directTls()).mapToInt(C2sListener::port).findFirst().orElse(-1);
    }

    /** The bound port of the HTTP (or, with {@code tls}, HTTPS) web listener, or -1. */
    public int webPort(boolean tls) {
        return webListeners.stream().filter(l -> l.tls() == tls).mapToInt(WebListener::port).findFirst().orElse(-1);
    }

    /** Whether the web listeners serve the bundled web client at {@code /}. */
    public boolean webClient() {
        return webClient && !webListeners.isEmpty();
    }

    public int directTlsPort() {
        return listeners.stream().filter(C2sListener::directTls).mapToInt(C2sListener::port).findFirst().orElse(-1);
    }

    @Override
    public void close() {
        for (C2sListener l : listeners) l.close();
        for (WebListener l : webListeners) l.close();
        for (var s : List.copyOf(context.sessions().all())) s.close("system-shutdown", "the server is stopping");
        boss.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
        io.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
        modules.close();
        context.scheduler().shutdownNow();
        context.workers().shutdown();
        try {
            context.workers().awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stores.close();
    }
}
