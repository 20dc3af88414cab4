package org.passerelle.bench.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads back the flat JSON objects that {@link Result#toJson()} writes (strings, numbers, booleans, null). */
public final class JsonLines {
    private final String s;
    private int i;

    private JsonLines(String s) {
        this.s = s;
    }

    public static List<Result> parse(List<String> lines) {
        List<Result> out = new ArrayList<>();
        for (String line : lines) {
            String t = line.strip();
            if (t.startsWith("result: ")) t = t.substring(8);
            if (t.startsWith("{")) out.add(new JsonLines(t).object());
        }
        return out;
    }

    private Result object() {
        Map<String, Object> fields = new LinkedHashMap<>();
        expect('{');
        while (peek() != '}') {
            String key = string();
            expect(':');
            fields.put(key, value());
            if (peek() == ',') i++;
        }
        Object scenario = fields.remove("scenario");
        if (!(scenario instanceof String name)) throw new IllegalArgumentException("no scenario in " + s);
        return new Result(name, fields);
    }

    private Object value() {
        char c = peek();
        if (c == '"') return string();
        int start = i;
        while (i < s.length() && ",}".indexOf(s.charAt(i)) < 0) i++;
        String word = s.substring(start, i).strip();
        return switch (word) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            case "null" -> null;
            default -> word.contains(".") || word.contains("e") || word.contains("E") ? (Object) Double.parseDouble(word) : (Object) Long.parseLong(word);
        };
    }

    private String string() {
        expect('"');
        StringBuilder b = new StringBuilder();
        while (s.charAt(i) != '"') {
            char c = s.charAt(i++);
            if (c != '\\') {
                b.append(c);
                continue;
            }
            char e = s.charAt(i++);
            switch (e) {
                case 'n' -> b.append('\n');
                case 'u' -> {
                    b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                    i += 4;
                }
                default -> b.append(e);
            }
        }
        i++;
        return b.toString();
    }

    private char peek() {
        while (Character.isWhitespace(s.charAt(i))) i++;
        return s.charAt(i);
    }

    private void expect(char c) {
        if (peek() != c) throw new IllegalArgumentException("expected '" + c + "' at " + i + " in " + s);
        i++;
    }
}
