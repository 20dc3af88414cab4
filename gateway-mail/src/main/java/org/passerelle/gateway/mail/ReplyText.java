package org.passerelle.gateway.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The new text of a reply mail: what the user wrote above the quoted mail. Quoted lines
 * ({@code >}), everything from an attribution line ("On ... wrote:", also French and German),
 * an Outlook separator or a signature ({@code -- }) on are dropped. HTML-only mails are turned
 * into text simply: quoted blocks dropped, line breaks kept, tags removed, entities decoded.
 */
final class ReplyText {
    private static final Pattern ATTRIBUTION = Pattern.compile(
            "^\\s*(On|Le|Am)\\s.*\\b(wrote|a écrit|schrieb)\\b[^:]*:\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTION_START = Pattern.compile("^\\s*(On|Le|Am)\\s.+", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTION_END = Pattern.compile("^.*\\b(wrote|a écrit|schrieb)\\b[^:]*:\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern OUTLOOK = Pattern.compile("^\\s*(-{3,}\\s*Original Message\\s*-{3,}|_{10,})\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern BREAK = Pattern.compile("<\\s*(br|/p|/div|/li|/tr|/h[1-6])\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern HIDDEN = Pattern.compile("<\\s*(script|style|head)\\b.*?<\\s*/\\s*\\1\\s*>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<[^>]*>", Pattern.DOTALL);
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,6});");

    private ReplyText() {
    }

    /** The user's own text of a plain-text reply, trimmed; empty when there is none. */
    static String strip(String text) {
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.equals("-- ") || line.equals("--")) break;
            if (OUTLOOK.matcher(line).matches() || ATTRIBUTION.matcher(line).matches()) break;
            // Clients wrap a long attribution: "On Mon, 1 Jan 2026 at 10:00, Bob <bob@x>" / "wrote:".
            if (ATTRIBUTION_START.matcher(line).matches() && i + 1 < lines.length
                    && ATTRIBUTION_END.matcher(lines[i + 1]).matches() && lines[i + 1].strip().length() < 80) break;
            if (line.stripLeading().startsWith(">")) continue;
            kept.add(line.stripTrailing());
        }
        return String.join("\n", kept).strip().replaceAll("\n{3,}", "\n\n");
    }

    /** The text of an HTML body, quoted blocks left out. */
    static String fromHtml(String html) {
        String s = HIDDEN.matcher(withoutBlockquotes(html)).replaceAll("");
        s = BREAK.matcher(s).replaceAll("\n");
        s = TAG.matcher(s).replaceAll("");
        s = decode(s);
        return s.replace('\u00a0', ' ').replaceAll("[ \t]+\n", "\n");
    }

    /** Drops each outermost {@code <blockquote>...</blockquote>} (nested ones with it). */
    private static String withoutBlockquotes(String html) {
        String lower = html.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(html.length());
        int depth = 0;
        int i = 0;
        while (i < html.length()) {
            if (lower.startsWith("<blockquote", i)) {
                depth++;
            } else if (lower.startsWith("</blockquote", i)) {
                if (depth > 0) depth--;
                int end = html.indexOf('>', i);
                i = end < 0 ? html.length() : end + 1;
                continue;
            }
            if (depth == 0) out.append(html.charAt(i));
            i++;
        }
        return out.toString();
    }

    private static String decode(String s) {
        Matcher m = ENTITY.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        while (m.find()) {
            String name = m.group(1);
            String value = switch (name) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                case "nbsp" -> " ";
                default -> numeric(name);
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String numeric(String name) {
        if (!name.startsWith("#")) return null;
        int cp = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X')
                ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
        return Character.isValidCodePoint(cp) && cp != 0 ? Character.toString(cp) : "";
    }
}
