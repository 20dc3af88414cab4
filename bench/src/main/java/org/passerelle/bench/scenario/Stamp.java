package org.passerelle.bench.scenario;

/**
 * What a timed stanza carries in its body or status text: the step it was sent in and the
 * sender's {@link System#nanoTime()} (sender and receiver share this JVM's clock).
 */
record Stamp(int step, long sentNanos) {
    String encode() {
        return "bench " + step + " " + sentNanos;
    }

    /** The stamp in a text, or null for any text this tool did not write. */
    static Stamp decode(String text) {
        if (text == null || !text.startsWith("bench ")) return null;
        int space = text.indexOf(' ', 6);
        if (space < 0) return null;
        try {
            return new Stamp(Integer.parseInt(text, 6, space, 10), Long.parseLong(text, space + 1, text.length(), 10));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
