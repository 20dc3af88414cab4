package org.passerelle.gateway.mail;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.io.IOException;

/**
 * The text of a mail: its text/plain part, else its text/html part turned into text
 * ({@link ReplyText#fromHtml}). Attachments are skipped; a multipart/alternative prefers plain
 * text. Null when the mail has no text part.
 */
final class MimeText {
    private static final int MAX_DEPTH = 8;

    private MimeText() {
    }

    static String of(Part part) throws MessagingException, IOException {
        String plain = find(part, "text/plain", 0);
        if (plain != null) return plain;
        String html = find(part, "text/html", 0);
        return html == null ? null : ReplyText.fromHtml(html);
    }

    private static String find(Part part, String type, int depth) throws MessagingException, IOException {
        if (depth > MAX_DEPTH || Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) return null;
        if (part.isMimeType(type)) {
            Object content = part.getContent();
            return content instanceof String s ? s : null;
        }
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multi) {
            for (int i = 0; i < multi.getCount(); i++) {
                BodyPart child = multi.getBodyPart(i);
                String text = find(child, type, depth + 1);
                if (text != null) return text;
            }
        }
        return null;
    }
}
