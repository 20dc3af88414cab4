package org.passerelle.web.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.store.ChargingRecord;
import org.passerelle.core.store.ChargingStore;
import org.passerelle.core.store.ChargingTotal;

/**
 * Charging records and statements as CSV and JSON, for the admin API and the CLI
 * (docs/CHARGING.md). Amounts are written as exact decimal strings, never as JSON numbers, with
 * at least the currency's usual fraction digits. A statement's totals are the store's exact sums.
 */
public final class ChargingReport {
    /** The period a report covers: {@code from} inclusive, {@code to} exclusive. */
    public record Period(Instant from, Instant to) {
        public Period {
            if (!from.isBefore(to)) throw new IllegalArgumentException("'from' must be before 'to'");
        }

        /** Dates ({@code 2026-11-01}, midnight UTC) or instants ({@code 2026-11-01T08:00:00Z}). */
        public static Period parse(String from, String to) {
            return new Period(instant("from", from), instant("to", to));
        }

        private static Instant instant(String name, String text) {
            if (text == null || text.isBlank()) throw new IllegalArgumentException("'" + name + "' is required, e.g. 2026-11-01");
            try {
                return text.contains("T") ? Instant.parse(text.strip()) : LocalDate.parse(text.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + name + "' must be a date such as 2026-11-01 or an instant such as 2026-11-01T00:00:00Z");
            }
        }
    }

    /** A statement: its lines and, per currency, the sum of its lines. */
    public record Statement(EntityBareJid user, Period period, List<ChargingTotal> lines, Map<String, BigDecimal> totals) {
    }

    private static final String RECORDS_HEADER = "id,time,user,peer,channel,direction,unit,quantity,amount,currency,tariff_item\r\n";
    private static final String STATEMENT_HEADER = "user,channel,direction,unit,currency,records,quantity,amount\r\n";

    private ChargingReport() {
    }

    public static Statement statement(ChargingStore store, EntityBareJid user, Period period) {
        List<ChargingTotal> lines = store.totals(user, period.from(), period.to());
        Map<String, BigDecimal> totals = new TreeMap<>();
        for (ChargingTotal t : lines) totals.merge(t.currency(), t.amount(), BigDecimal::add);
        return new Statement(user, period, lines, totals);
    }

    public static String statementCsv(Statement s) {
        StringBuilder out = new StringBuilder(STATEMENT_HEADER);
        for (ChargingTotal t : s.lines()) {
            row(out, t.user().toString(), t.channel(), t.direction(), t.unit(), t.currency(), Long.toString(t.records()),
                    Long.toString(t.quantity()), amount(t.amount(), t.currency()));
        }
        // The sums per currency, as lines of their own: user "total".
        for (var e : s.totals().entrySet()) row(out, "total", "", "", "", e.getKey(), "", "", amount(e.getValue(), e.getKey()));
        return out.toString();
    }

    public static String statementJson(Statement s) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("user", s.user() == null ? null : s.user().toString());
        root.put("from", s.period().from().toString()).put("to", s.period().to().toString());
        ArrayNode lines = root.putArray("lines");
        for (ChargingTotal t : s.lines()) {
            lines.addObject().put("user", t.user().toString()).put("channel", t.channel()).put("direction", t.direction())
                    .put("unit", t.unit()).put("currency", t.currency()).put("records", t.records()).put("quantity", t.quantity())
                    .put("amount", amount(t.amount(), t.currency()));
        }
        ArrayNode totals = root.putArray("totals");
        s.totals().forEach((currency, sum) -> totals.addObject().put("currency", currency).put("amount", amount(sum, currency)));
        return write(root);
    }

    public static String recordsCsv(List<ChargingRecord> records) {
        StringBuilder out = new StringBuilder(RECORDS_HEADER);
        for (ChargingRecord r : records) {
            row(out, Long.toString(r.id()), r.at().toString(), r.user().toString(), r.peer(), r.channel(), r.direction(), r.unit(),
                    Long.toString(r.quantity()), amount(r.amount(), r.currency()), r.currency(), r.tariffItem());
        }
        return out.toString();
    }

    /** {@code next}: the id to pass as {@code after} for the following page, or null when this is the last. */
    public static String recordsJson(EntityBareJid user, Period period, List<ChargingRecord> records, Long next) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("user", user == null ? null : user.toString());
        root.put("from", period.from().toString()).put("to", period.to().toString());
        ArrayNode list = root.putArray("records");
        for (ChargingRecord r : records) {
            list.addObject().put("id", r.id()).put("time", r.at().toString()).put("user", r.user().toString()).put("peer", r.peer())
                    .put("channel", r.channel()).put("direction", r.direction()).put("unit", r.unit()).put("quantity", r.quantity())
                    .put("amount", amount(r.amount(), r.currency())).put("currency", r.currency()).put("tariffItem", r.tariffItem());
        }
        root.put("next", next);
        return write(root);
    }

    /** Exact, with at least the currency's usual fraction digits: 0.12, 0.000003, 5.00. */
    static String amount(BigDecimal amount, String currency) {
        int digits;
        try {
            digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException e) {
            digits = 2;
        }
        BigDecimal plain = amount.stripTrailingZeros();
        return plain.setScale(Math.max(digits, Math.max(0, plain.scale()))).toPlainString();
    }

    /** RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled. */
    private static void row(StringBuilder out, String... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) out.append(',');
            String f = fields[i] == null ? "" : fields[i];
            if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
                out.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                out.append(f);
            }
        }
        out.append("\r\n");
    }

    private static String write(ObjectNode root) {
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
