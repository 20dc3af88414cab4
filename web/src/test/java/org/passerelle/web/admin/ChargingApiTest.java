package org.passerelle.web.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.web.admin.AdminFixture.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.store.ChargingRecord;
import org.passerelle.core.store.ChargingStore;

/** /charging: records and statements as JSON and CSV, reconciling to the cent; daily plans; bad input. */
class ChargingApiTest {
    private final AdminFixture f;
    private final EntityBareJid bob = Jids.of("bob@localhost").asEntityBareJidOrThrow();
    private final EntityBareJid admin = Jids.of(AdminFixture.ADMIN).asEntityBareJidOrThrow();

    ChargingApiTest() throws Exception {
        f = new AdminFixture();
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private ChargingStore store() {
        return f.server.stores().charging();
    }

    private void add(EntityBareJid user, String at, String channel, String direction, String unit, long q, String amount, String currency) {
        store().add(new ChargingRecord(0, Instant.parse(at), user, "+44, \"home\"", channel, direction, unit, q, new BigDecimal(amount),
                currency, channel + "-item"));
    }

    private void sample() {
        add(bob, "2026-11-01T00:00:00Z", "sms", "out", "message", 1, "0.12", "GBP");
        add(bob, "2026-11-15T12:00:00Z", "sms", "in", "message", 1, "0.12", "GBP");
        add(bob, "2026-11-15T12:00:01Z", "sms", "out", "message", 1, "0.12", "GBP");
        add(bob, "2026-11-20T00:00:00Z", "data", "in", "byte", 25_600, "0.15", "EUR");
        add(bob, "2026-11-30T23:59:59Z", "subscription", "none", "day", 1, "0.09", "EUR");
        add(bob, "2026-12-01T00:00:00Z", "sms", "out", "message", 1, "0.12", "GBP"); // next period
        add(admin, "2026-11-02T00:00:00Z", "xmpp", "out", "message", 1, "0.000001", "EUR");
    }

    @Test
    void theStatementSumsTheRecordsExactlyAsJsonAndCsv() throws Exception {
        sample();
        var res = f.get("/api/v1/charging/statement?user=bob@localhost&from=2026-11-01&to=2026-12-01");
        assertThat(res.statusCode()).isEqualTo(200);
        JsonNode s = json(res.body());
        assertThat(s.path("user").asText()).isEqualTo("bob@localhost");
        assertThat(s.path("from").asText()).isEqualTo("2026-11-01T00:00:00Z");
        JsonNode lines = s.path("lines");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(2).path("channel").asText()).isEqualTo("sms");
        assertThat(lines.get(2).path("direction").asText()).isEqualTo("out");
        assertThat(lines.get(2).path("records").asLong()).isEqualTo(2);
        assertThat(lines.get(2).path("amount").asText()).isEqualTo("0.24");
        assertThat(s.path("totals").toString()).isEqualTo("[{\"currency\":\"EUR\",\"amount\":\"0.24\"},{\"currency\":\"GBP\",\"amount\":\"0.36\"}]");

        // The same totals from the records, summed here.
        JsonNode records = json(f.get("/api/v1/charging/records?user=bob@localhost&from=2026-11-01&to=2026-12-01").body()).path("records");
        assertThat(records).hasSize(5);
        BigDecimal gbp = BigDecimal.ZERO;
        for (JsonNode r : records) if (r.path("currency").asText().equals("GBP")) gbp = gbp.add(new BigDecimal(r.path("amount").asText()));
        assertThat(gbp.toPlainString()).isEqualTo("0.36");

        var csv = f.get("/api/v1/charging/statement?user=bob@localhost&from=2026-11-01&to=2026-12-01&format=csv");
        assertThat(csv.headers().firstValue("content-type")).hasValue("text/csv; charset=utf-8");
        assertThat(csv.body()).isEqualTo("""
                user,channel,direction,unit,currency,records,quantity,amount\r
                bob@localhost,data,in,byte,EUR,1,25600,0.15\r
                bob@localhost,sms,in,message,GBP,1,1,0.12\r
                bob@localhost,sms,out,message,GBP,2,2,0.24\r
                bob@localhost,subscription,none,day,EUR,1,1,0.09\r
                total,,,,EUR,,,0.24\r
                total,,,,GBP,,,0.36\r
                """);
        var all = json(f.get("/api/v1/charging/statement?from=2026-11-01&to=2026-12-01").body());
        assertThat(all.path("lines")).as("every user").hasSize(5);
        assertThat(all.path("totals").get(0).path("amount").asText()).isEqualTo("0.240001");
    }

    @Test
    void recordsComeAsCsvAndInPages() throws Exception {
        sample();
        var csv = f.get("/api/v1/charging/records?user=bob@localhost&from=2026-11-01&to=2026-12-01&format=csv&limit=2");
        String[] rows = csv.body().split("\r\n");
        assertThat(rows[0]).isEqualTo("id,time,user,peer,channel,direction,unit,quantity,amount,currency,tariff_item");
        assertThat(rows).hasSize(3);
        assertThat(rows[1]).endsWith(",2026-11-01T00:00:00Z,bob@localhost,\"+44, \"\"home\"\"\",sms,out,message,1,0.12,GBP,sms-item");
        String next = csv.headers().firstValue("x-next-after").orElseThrow();
        var rest = json(f.get("/api/v1/charging/records?user=bob@localhost&from=2026-11-01&to=2026-12-01&after=" + next).body());
        assertThat(rest.path("records")).hasSize(3);
        assertThat(rest.path("next").isNull()).isTrue();
        assertThat(rest.path("records").get(0).path("peer").asText()).isEqualTo("+44, \"home\"");
        assertThat(rest.path("records").get(2).path("unit").asText()).isEqualTo("day");
    }

    @Test
    void badQueriesAreRefused() throws Exception {
        assertThat(f.get("/api/v1/charging/statement?from=2026-11-01").statusCode()).as("no end").isEqualTo(400);
        assertThat(f.get("/api/v1/charging/statement?from=2026-12-01&to=2026-11-01").statusCode()).as("backwards").isEqualTo(400);
        assertThat(f.get("/api/v1/charging/statement?from=yesterday&to=2026-11-01").statusCode()).isEqualTo(400);
        assertThat(f.get("/api/v1/charging/statement?from=2026-11-01&to=2026-12-01&format=xml").statusCode()).isEqualTo(400);
        assertThat(f.get("/api/v1/charging/records?from=2026-11-01&to=2026-12-01&user=localhost").statusCode()).isEqualTo(400);
        assertThat(f.get("/api/v1/charging/records?from=2026-11-01&to=2026-12-01&limit=0").statusCode()).isEqualTo(400);
        var asBob = f.send(java.net.http.HttpRequest.newBuilder(f.at("/api/v1/charging/statement?from=2026-11-01&to=2026-12-01"))
                .header("Authorization", AdminFixture.basic("bob@localhost", "bob-secret")));
        assertThat(asBob.statusCode()).as("not an administrator").isEqualTo(403);
    }

    @Test
    void dailyPlansAreStartedListedAndEnded() throws Exception {
        var put = f.send(f.asAdmin("/api/v1/charging/subscriptions/bob@localhost/icq-mobile?since=2026-11-03")
                .PUT(HttpRequest.BodyPublishers.noBody()));
        assertThat(put.statusCode()).isEqualTo(201);
        assertThat(store().subscriptions(bob)).singleElement().satisfies(s -> assertThat(s.since()).isEqualTo(LocalDate.of(2026, 11, 3)));
        var again = f.send(f.asAdmin("/api/v1/charging/subscriptions/bob@localhost/icq-mobile").PUT(HttpRequest.BodyPublishers.noBody()));
        assertThat(again.statusCode()).isEqualTo(409);
        var nobody = f.send(f.asAdmin("/api/v1/charging/subscriptions/nobody@localhost/icq-mobile").PUT(HttpRequest.BodyPublishers.noBody()));
        assertThat(nobody.statusCode()).isEqualTo(404);
        JsonNode list = json(f.get("/api/v1/charging/subscriptions?user=bob@localhost").body()).path("subscriptions");
        assertThat(list.get(0).path("item").asText()).isEqualTo("icq-mobile");
        assertThat(list.get(0).path("since").asText()).isEqualTo("2026-11-03");
        assertThat(f.delete("/api/v1/charging/subscriptions/bob@localhost/icq-mobile").statusCode()).isEqualTo(204);
        assertThat(f.delete("/api/v1/charging/subscriptions/bob@localhost/icq-mobile").statusCode()).isEqualTo(404);
        assertThat(store().subscriptions(bob)).isEmpty();
    }
}
