package org.passerelle.modules.upload;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a client's file name and content type may become in a URL and in download headers. The
 * name is only shown in the URL; the file on disk is named by the slot id.
 */
final class FileNames {
    static final int MAX_NAME_CHARS = 100;
    static final String OCTET_STREAM = "application/octet-stream";

    private static final Pattern CONTENT_TYPE = Pattern.compile(
            "[A-Za-z0-9!#$&^_.+-]{1,64}/[A-Za-z0-9!#$&^_.+-]{1,64}(\\s*;\\s*[A-Za-z0-9_.-]{1,32}=(\"[ -~&&[^\"\\\\]]{0,64}\"|[A-Za-z0-9_.+-]{1,64}))*");

    /**
     * Types served as themselves: they cannot run script in our origin. Anything else (HTML, SVG,
     * XML, JavaScript, PDF...) is downloaded as an attachment of type application/octet-stream.
     */
    private static final Set<String> INLINE = Set.of(
            "image/png", "image/jpeg", "image/gif", "image/webp", "image/avif", "image/heic", "image/heif", "image/bmp",
            "audio/mpeg", "audio/ogg", "audio/opus", "audio/mp4", "audio/aac", "audio/wav", "audio/webm", "audio/flac",
            "video/mp4", "video/webm", "video/ogg", "video/quicktime", "text/plain");

    private FileNames() {
    }

    /**
     * The last path segment of the client's name, without control or formatting characters
     * (bidirectional overrides), leading dots or spaces, and at most {@value #MAX_NAME_CHARS}
     * characters; "file" when nothing is left.
     */
    static String sanitize(String name) {
        String last = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder out = new StringBuilder();
        last.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                    || type == Character.PRIVATE_USE || type == Character.UNASSIGNED || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR) return;
            if (out.codePointCount(0, out.length()) < MAX_NAME_CHARS) out.appendCodePoint(cp);
        });
        String s = out.toString().strip();
        while (s.startsWith(".")) s = s.substring(1).strip();
        return s.isEmpty() ? "file" : s;
    }

    /** The name as one URL path segment. */
    static String urlSegment(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A content type as announced, normalised; null when it is not a plain {@code type/subtype; k=v}. */
    static String contentType(String announced) {
        if (announced == null || announced.isBlank()) return OCTET_STREAM;
        String t = announced.strip();
        if (t.length() > 255 || !CONTENT_TYPE.matcher(t).matches()) return null;
        return t.toLowerCase(Locale.ROOT);
    }

    /** Whether the PUT's Content-Type is the one the slot was asked for (any, when none was given). */
    static boolean sameType(String slotType, String putType) {
        if (slotType.equals(OCTET_STREAM)) return true;
        return putType != null && slotType.equals(contentType(putType));
    }

    static boolean servedInline(String contentType) {
        int semi = contentType.indexOf(';');
        return INLINE.contains((semi < 0 ? contentType : contentType.substring(0, semi)).strip());
    }

    /** RFC 6266 attachment with the name in RFC 8187 encoding. */
    static String attachment(String name) {
        return "attachment; filename*=UTF-8''" + urlSegment(name);
    }
}
