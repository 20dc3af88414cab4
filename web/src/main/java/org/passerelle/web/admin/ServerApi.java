package org.passerelle.web.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Counter;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jxmpp.jid.DomainBareJid;
import org.passerelle.core.http.HttpAnswer;
import org.passerelle.core.metrics.Metrics;
import org.passerelle.core.module.ServerContext;
import org.passerelle.core.session.Session;

/**
 * Server-wide endpoints: statistics, the traffic history, recent login failures,
 * announcements, and configuration reload (501: see {@link #RELOAD_REFUSAL}).
 */
final class ServerApi {
    /** Why nothing is reloaded: options are sealed records that modules and listeners read once at start. */
    static final String RELOAD_REFUSAL = "nothing can be reloaded safely yet: the configuration is validated and sealed at start, "
            + "and listeners, modules and limits keep what they read then; restart the server to apply changes";

    record Failure(String time, String user, String address, String mechanism, String reason) {
    }

    private final ServerContext server;
    private final TrafficHistory traffic;
    private final RecentAuthFailures failures;
    private final Instant started;

    ServerApi(ServerContext server, TrafficHistory traffic, RecentAuthFailures failures) {
        this.server = server;
        this.traffic = traffic;
        this.failures = failures;
        this.started = server.clock().instant();
    }

    void register(ApiRoutes routes) {
        routes.add("GET", "/stats", r -> Json.answer(200, stats()))
                .add("GET", "/stats/traffic", r -> trafficNow())
                .add("GET", "/auth-failures", r -> Json.answer(200, Map.of("failures", failures.list().stream()
                        .map(f -> new Failure(f.time().toString(), f.user(), f.address(), f.mechanism(), f.reason())).toList())))
                .add("POST", "/announcements", this::announce)
                .add("POST", "/config/reload", r -> {
                    Json.body(r.call());
                    throw new ApiError(501, "not_implemented", RELOAD_REFUSAL);
                });
    }

    private org.passerelle.core.http.HttpAnswer announce(ApiRoutes.Request r) throws ApiError {
        ObjectNode body = Json.body(r.call());
        String message = Json.text(body, "message");
        if (message.length() > 10_000) throw ApiError.badRequest("the message is longer than 10000 characters");
        List<DomainBareJid> domains;
        if (body.hasNonNull("domain")) {
            String name = Json.text(body, "domain");
            DomainBareJid d = server.domains().all().stream().filter(h -> h.toString().equals(name)).findFirst()
                    .orElseThrow(() -> ApiError.notFound("no hosted domain " + name));
            domains = List.of(d);
        } else {
            domains = List.copyOf(server.domains().all());
        }
        int sent = 0;
        for (DomainBareJid d : domains) sent += server.router().announce(d, message.strip());
        return Json.answer(200, Map.of("sessions", sent));
    }

    /** Counts for the dashboard and monitoring scripts. */
    Map<String, Object> stats() {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Long> accounts = new TreeMap<>();
        for (DomainBareJid d : server.domains().all()) accounts.put(d.toString(), server.accounts().count(d.toString()));
        out.put("accounts", accounts);
        Map<String, Integer> byTransport = new TreeMap<>();
        long online = 0;
        java.util.Set<String> users = new java.util.HashSet<>();
        for (Session s : server.sessions().all()) {
            byTransport.merge(s.transport(), 1, Integer::sum);
            users.add(s.bareJid().toString());
            online++;
        }
        out.put("sessions", Map.of("total", online, "byTransport", byTransport));
        out.put("onlineUsers", users.size());
        out.put("stanzas", Map.of("in", counted(Metrics.STANZAS_IN), "out", counted(Metrics.STANZAS_OUT)));
        out.put("uptimeSeconds", Duration.between(started, server.clock().instant()).toSeconds());
        Runtime rt = Runtime.getRuntime();
        out.put("memory", Map.of("usedBytes", rt.totalMemory() - rt.freeMemory(), "totalBytes", rt.totalMemory(), "maxBytes", rt.maxMemory()));
        out.put("version", version());
        return out;
    }

    /** A counter's totals by its {@code kind} tag (message, presence, iq). */
    private Map<String, Long> counted(String name) {
        Map<String, Long> byKind = new TreeMap<>();
        for (Counter c : server.metrics().registry().find(name).counters()) {
            byKind.merge(String.valueOf(c.getId().getTag("kind")), (long) c.count(), Long::sum);
        }
        return byKind;
    }

    /** Messages received from clients so far, the total the traffic history samples. */
    static long messagesIn(ServerContext server) {
        Counter c = server.metrics().registry().find(Metrics.STANZAS_IN).tag("kind", "message").counter();
        return c == null ? 0 : (long) c.count();
    }

    static String version() {
        String v = ServerApi.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** Both charts from one reading of the counter, so the minute in progress is the same in each. */
    private HttpAnswer trafficNow() {
        long total = messagesIn(server);
        return Json.answer(200, Map.of("messagesPerMinute", traffic.lastHourByMinute(total),
                "messagesPerHour", traffic.lastDayByHour(total)));
    }
}
