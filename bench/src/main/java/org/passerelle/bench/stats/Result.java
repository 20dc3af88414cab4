package org.passerelle.bench.stats;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** One measured result: a scenario name and ordered metrics, printed as one JSON line. */
public record Result(String scenario, Map<String, Object> metrics) {
    public Result {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    public static Builder builder(String scenario) {
        return new Builder(scenario);
    }

    public Object get(String key) {
        return metrics.get(key);
    }

    public double number(String key) {
        return metrics.get(key) instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    public String toJson() {
        StringBuilder out = new StringBuilder("{\"scenario\":");
        string(scenario, out);
        for (Map.Entry<String, Object> e : metrics.entrySet()) {
            out.append(',');
            string(e.getKey(), out);
            out.append(':');
            Object v = e.getValue();
            if (v instanceof Number n && Double.isFinite(n.doubleValue())) out.append(format(n));
            else if (v instanceof Boolean b) out.append(b);
            else if (v == null || v instanceof Number) out.append("null");
            else string(v.toString(), out);
        }
        return out.append('}').toString();
    }

    static String format(Number n) {
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
            return Double.toString(d);
        }
        return n.toString();
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
                    else out.append(c);
                }
            }
        }
        out.append('"');
    }

    /** Collects metrics in the order they are put. */
    public static final class Builder {
        private final String scenario;
        private final Map<String, Object> metrics = new LinkedHashMap<>();

        Builder(String scenario) {
            this.scenario = scenario;
        }

        public Builder put(String key, Object value) {
            metrics.put(key, value);
            return this;
        }

        public Result build() {
            return new Result(scenario, metrics);
        }
    }
}
