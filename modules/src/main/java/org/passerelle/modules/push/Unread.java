package org.passerelle.modules.push;

import org.passerelle.core.stanza.Namespaces;
import org.passerelle.core.stanza.Stanza;

/**
 * What an account missed since its user was last connected: how many messages, and the last
 * one's sender and text (the text goes out only to registrations that asked for it). One per
 * away account, in memory: a restart starts counting again.
 */
final class Unread {
    /** Long texts are cut: push payloads are small (a few KiB at the platforms' gateways). */
    static final int MAX_BODY_CODE_POINTS = 256;

    record Summary(int count, String lastSender, String lastBody) {
    }

    private int count;
    private String lastSender;
    private String lastBody;

    synchronized void add(Stanza message) {
        count++;
        lastSender = message.from() == null ? null : message.from().toString();
        lastBody = cut(message.element().childText("body", Namespaces.CLIENT));
    }

    synchronized Summary summary() {
        return new Summary(count, lastSender, lastBody);
    }

    private static String cut(String body) {
        if (body == null || body.codePointCount(0, body.length()) <= MAX_BODY_CODE_POINTS) return body;
        return body.substring(0, body.offsetByCodePoints(0, MAX_BODY_CODE_POINTS)) + "…";
    }
}
