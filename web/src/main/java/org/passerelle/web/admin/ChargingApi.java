package org.passerelle.web.admin;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.http.HttpAnswer;
import org.passerelle.core.module.ServerContext;
import org.passerelle.core.store.ChargingRecord;
import org.passerelle.core.store.ChargingStore;

/**
 * /charging: records and statements of a period as CSV or JSON, and the accounts' daily plans
 * (docs/CHARGING.md). Reads and writes the charging store; the charging module prices and charges.
 */
final class ChargingApi {
    static final int DEFAULT_RECORDS = 1000;
    static final int MAX_RECORDS = 100_000;

    private final ServerContext server;

    ChargingApi(ServerContext server) {
        this.server = server;
    }

    private ChargingStore store() {
        return server.stores().charging();
    }

    void register(ApiRoutes routes) {
        routes.add("GET", "/charging/records", this::records)
                .add("GET", "/charging/statement", this::statement)
                .add("GET", "/charging/subscriptions", this::subscriptions)
                .add("PUT", "/charging/subscriptions/{jid}/{item}", this::subscribe)
                .add("DELETE", "/charging/subscriptions/{jid}/{item}", r -> {
                    if (!store().unsubscribe(UsersApi.jid(r.param("jid")), r.param("item"))) throw ApiError.notFound("no such subscription");
                    return HttpAnswer.of(204, "application/json", new byte[0]);
                });
    }

    private HttpAnswer records(ApiRoutes.Request r) throws ApiError {
        EntityBareJid user = user(r);
        ChargingReport.Period period = period(r);
        long after = Paging.number(r.call(), "after", 0, 0, Long.MAX_VALUE);
        int limit = (int) Paging.number(r.call(), "limit", DEFAULT_RECORDS, 1, MAX_RECORDS);
        List<ChargingRecord> page = store().records(user, period.from(), period.to(), after, limit);
        Long next = page.size() == limit ? page.getLast().id() : null;
        if (csv(r)) {
            HttpAnswer a = csvAnswer(ChargingReport.recordsCsv(page));
            return next == null ? a : a.with("x-next-after", next.toString());
        }
        return HttpAnswer.json(200, ChargingReport.recordsJson(user, period, page, next)).with("cache-control", "no-store");
    }

    private HttpAnswer statement(ApiRoutes.Request r) throws ApiError {
        ChargingReport.Statement s = ChargingReport.statement(store(), user(r), period(r));
        if (csv(r)) return csvAnswer(ChargingReport.statementCsv(s));
        return HttpAnswer.json(200, ChargingReport.statementJson(s)).with("cache-control", "no-store");
    }

    private HttpAnswer subscriptions(ApiRoutes.Request r) throws ApiError {
        var list = store().subscriptions(user(r)).stream().map(s -> Map.of("user", s.user().toString(), "item", s.item(),
                "since", s.since().toString(), "chargedThrough", s.chargedThrough() == null ? "" : s.chargedThrough().toString())).toList();
        return Json.answer(200, Map.of("subscriptions", list));
    }

    /** Starts a daily plan from {@code since} (default today, UTC); the charging module charges it within its check interval. */
    private HttpAnswer subscribe(ApiRoutes.Request r) throws ApiError {
        EntityBareJid user = UsersApi.jid(r.param("jid"));
        String item = r.param("item");
        if (!item.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) throw ApiError.badRequest("'" + item + "' is not a tariff item name");
        if (!server.accounts().exists(user)) throw ApiError.notFound("no account " + user);
        LocalDate since;
        try {
            since = r.call().param("since").map(LocalDate::parse).orElse(LocalDate.now(server.clock().withZone(ZoneOffset.UTC)));
        } catch (DateTimeParseException e) {
            throw ApiError.badRequest("since must be a date such as 2026-11-01");
        }
        if (!store().subscribe(user, item, since)) throw new ApiError(409, "conflict", user + " has " + item + " already");
        return Json.answer(201, Map.of("user", user.toString(), "item", item, "since", since.toString()));
    }

    private static EntityBareJid user(ApiRoutes.Request r) throws ApiError {
        String u = r.call().param("user").orElse(null);
        return u == null || u.isBlank() ? null : UsersApi.jid(u.strip());
    }

    private static ChargingReport.Period period(ApiRoutes.Request r) throws ApiError {
        try {
            return ChargingReport.Period.parse(r.call().param("from").orElse(null), r.call().param("to").orElse(null));
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        }
    }

    private static boolean csv(ApiRoutes.Request r) throws ApiError {
        String format = r.call().param("format").orElse("json");
        if (!format.equals("csv") && !format.equals("json")) throw ApiError.badRequest("format must be csv or json");
        return format.equals("csv");
    }

    private static HttpAnswer csvAnswer(String text) {
        return HttpAnswer.of(200, "text/csv; charset=utf-8", text.getBytes(StandardCharsets.UTF_8)).with("cache-control", "no-store");
    }
}
