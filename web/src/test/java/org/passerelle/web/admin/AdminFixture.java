package org.passerelle.web.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.channel.EventLoopGroup;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.jxmpp.jid.EntityFullJid;
import org.passerelle.core.config.ConfigLoader;
import org.passerelle.core.event.SessionStarted;
import org.passerelle.core.metrics.Metrics;
import org.passerelle.core.module.ServerContext;
import org.passerelle.core.module.ServerContexts;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.testing.MemoryStores;
import org.passerelle.core.testing.TestSession;
import org.passerelle.web.WebListener;
import org.passerelle.xmpp.c2s.C2sContext;
import org.passerelle.xmpp.c2s.EventLoops;

/**
 * A core with in-memory stores and a Prometheus registry, behind a real HTTP listener on port 0,
 * with an admin (admin@localhost / "admin-secret") and a user (bob@localhost / "bob-secret").
 */
final class AdminFixture implements AutoCloseable {
    static final String ADMIN = "admin@localhost";
    static final String ADMIN_PASSWORD = "admin-secret";

    final ServerContext server;
    final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final EventLoopGroup loops = EventLoops.create(1);
    private final WebListener listener;
    final HttpClient http = HttpClient.newHttpClient();
    private final String host;

    AdminFixture() throws Exception {
        this("limits: {loginFailuresPerMinute: 1000}\n");
    }

    AdminFixture(String yaml) throws Exception {
        this(yaml, "127.0.0.1");
    }

    /** Listening on {@code host} (a non-loopback address, to be reached as a remote client). */
    AdminFixture(String yaml, String host) throws Exception {
        this.host = host;
        server = ServerContexts.create(ConfigLoader.parse(yaml, "test"), new MemoryStores(), Clock.systemUTC(), new Metrics(meters));
        server.accounts().create(Jids.of(ADMIN).asEntityBareJidOrThrow(), ADMIN_PASSWORD, true);
        server.accounts().create(Jids.of("bob@localhost").asEntityBareJidOrThrow(), "bob-secret", false);
        listener = WebListener.bind(new WebListener.Web(C2sContext.create(server, null)), loops, loops, host, 0, false);
    }

    URI at(String path) {
        return URI.create(base() + path);
    }

    String base() {
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + listener.port();
    }

    /** An answer's JSON body, read as the API writes it. */
    static JsonNode json(String body) throws Exception {
        return Json.MAPPER.readTree(body);
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    HttpRequest.Builder asAdmin(String path) {
        return HttpRequest.newBuilder(at(path)).header("Authorization", basic(ADMIN, ADMIN_PASSWORD));
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws Exception {
        return send(asAdmin(path));
    }

    HttpResponse<String> post(String path, String json) throws Exception {
        return send(asAdmin(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> delete(String path) throws Exception {
        return send(asAdmin(path).DELETE());
    }

    /** A session in the registry, as a frontend would add it. */
    TestSession online(String fullJid) {
        TestSession s = new TestSession((EntityFullJid) Jids.of(fullJid));
        server.sessions().add(s);
        server.events().publish(new SessionStarted(s));
        return s;
    }

    @Override
    public void close() {
        listener.close();
        loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        server.scheduler().shutdownNow();
        server.workers().shutdownNow();
    }
}
