package org.passerelle.bench.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Results of several servers side by side: results are named {@code server:scenario}; one row per
 * scenario and metric, one column per server, and the first server's value divided by each other's.
 */
public final class Comparison {
    private Comparison() {
    }

    public static String table(List<Result> results) {
        Map<String, Map<String, Result>> byScenario = new LinkedHashMap<>();
        Set<String> servers = new LinkedHashSet<>();
        for (Result r : results) {
            int colon = r.scenario().indexOf(':');
            String server = colon < 0 ? "server" : r.scenario().substring(0, colon);
            String scenario = r.scenario().substring(colon + 1);
            if (scenario.startsWith("chat@") || scenario.equals("chat-login")) continue; // steps: see the JSON
            servers.add(server);
            byScenario.computeIfAbsent(scenario, k -> new LinkedHashMap<>()).put(server, r);
        }
        List<String> names = List.copyOf(servers);
        List<String[]> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("scenario", "metric"));
        header.addAll(names);
        for (int k = 1; k < names.size(); k++) header.add(names.get(0) + "/" + names.get(k));
        rows.add(header.toArray(String[]::new));
        for (var e : byScenario.entrySet()) {
            Set<String> metrics = new LinkedHashSet<>();
            e.getValue().values().forEach(r -> metrics.addAll(r.metrics().keySet()));
            for (String m : metrics) {
                List<String> row = new ArrayList<>(List.of(e.getKey(), m));
                for (String s : names) row.add(cell(e.getValue().get(s), m));
                for (int k = 1; k < names.size(); k++) row.add(ratio(e.getValue().get(names.get(0)), e.getValue().get(names.get(k)), m));
                rows.add(row.toArray(String[]::new));
            }
        }
        return Table.render(rows, 2);
    }

    private static String cell(Result r, String metric) {
        if (r == null || r.get(metric) == null) return "";
        return r.get(metric) instanceof Number n ? Result.format(n) : r.get(metric).toString();
    }

    static String ratio(Result a, Result b, String metric) {
        if (a == null || b == null) return "";
        double x = a.number(metric);
        double y = b.number(metric);
        if (Double.isNaN(x) || Double.isNaN(y) || y == 0) return "";
        return String.format(java.util.Locale.ROOT, "%.2f", x / y);
    }
}
