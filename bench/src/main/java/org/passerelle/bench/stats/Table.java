package org.passerelle.bench.stats;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Results as a human-readable table: one row per metric, one column per result. */
public final class Table {
    private Table() {
    }

    public static String format(List<Result> results) {
        Set<String> keys = new LinkedHashSet<>();
        for (Result r : results) keys.addAll(r.metrics().keySet());
        List<String[]> rows = new ArrayList<>();
        String[] header = new String[results.size() + 1];
        header[0] = "metric";
        for (int i = 0; i < results.size(); i++) header[i + 1] = results.get(i).scenario();
        rows.add(header);
        for (String k : keys) {
            String[] row = new String[results.size() + 1];
            row[0] = k;
            for (int i = 0; i < results.size(); i++) {
                Object v = results.get(i).get(k);
                row[i + 1] = v == null ? "" : v instanceof Number n ? Result.format(n) : v.toString();
            }
            rows.add(row);
        }
        return render(rows, 1);
    }

    /** Rows of cells as aligned columns: the first {@code left} left-aligned, the others right-aligned. */
    static String render(List<String[]> rows, int left) {
        int[] width = new int[rows.getFirst().length];
        for (String[] row : rows) for (int i = 0; i < row.length; i++) width[i] = Math.max(width[i], row[i].length());
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) out.append("  ");
                String cell = row[i];
                out.append(pad(cell, width[i], i >= left));
            }
            while (out.length() > 0 && out.charAt(out.length() - 1) == ' ') out.setLength(out.length() - 1);
            out.append('\n');
        }
        return out.toString();
    }

    private static String pad(String s, int width, boolean right) {
        String fill = " ".repeat(width - s.length());
        return right ? fill + s : s + fill;
    }
}
