package org.passerelle.xmpp.c2s;

import org.passerelle.core.event.SessionResumed;
import org.passerelle.xml.Element;

/**
 * XEP-0198 on the wire: {@code <enable/>}, {@code <r/>}, {@code <a/>} on an active stream and
 * {@code <resume/>} instead of binding. Acks for the client go through the session's worker so
 * that {@code h} counts only stanzas fully handled before the request.
 */
final class StreamManagementFrames {
    private static final String NS = StreamFeatures.SM;

    private StreamManagementFrames() {
    }

    static void handle(C2sStreamHandler h, Element e) {
        C2sSession s = h.session();
        switch (e.name()) {
            // On the worker, after the stanzas sent before <enable/>: counting starts at zero from there, both ways.
            case "enable" -> s.worker.execute(() -> {
                if (s.streamManagementEnabled()) {
                    h.write(failed("unexpected-request"));
                    return;
                }
                boolean resume = "true".equals(e.attr("resume")) || "1".equals(e.attr("resume"));
                int timeout = h.c2s().server().config().streamManagement().resumeTimeout();
                String id = resume && timeout > 0 ? h.c2s().resumable().add(s) : null;
                Element.Builder enabled = Element.builder("enabled", NS);
                if (id != null) enabled.attr("id", id).attr("resume", "true").attr("max", Integer.toString(timeout));
                s.enableStreamManagement(id, enabled.build());
            });
            case "r" -> s.worker.execute(() -> h.write(
                    Element.builder("a", NS).attr("h", Long.toString(s.handledCount())).build()));
            case "a" -> {
                Long count = parseH(e);
                if (count == null || !s.ack(count)) h.closeWithError("undefined-condition", "bad acknowledgement");
            }
            default -> h.closeWithError("unsupported-stanza-type", "unknown stream management element");
        }
    }

    /** Resumes a detached (or still attached, but stale) session of the same account. */
    static void resume(C2sStreamHandler h, Element e) {
        String previd = e.attr("previd");
        Long count = parseH(e);
        C2sSession old = h.c2s().resumable().get(previd);
        if (old == null || count == null || !old.bareJid().equals(h.account()) || old.ended) {
            h.write(failed("item-not-found"));
            return;
        }
        var stale = old.channel();
        if (stale != null && stale != h.channel()) {
            old.detach();
            stale.close();
        }
        if (old.resumeTimer != null) old.resumeTimer.cancel(false);
        Element resumed = Element.builder("resumed", NS).attr("previd", previd)
                .attr("h", Long.toString(old.handledCount())).build();
        if (!old.resume(h.channel(), count, resumed)) {
            h.write(failed("unexpected-request"));
            return;
        }
        h.activate(old);
        old.worker.execute(() -> h.c2s().server().events().publish(new SessionResumed(old)));
    }

    private static Long parseH(Element e) {
        try {
            long v = Long.parseLong(e.attr("h"));
            return v < 0 || v > 0xFFFFFFFFL ? null : v;
        } catch (NumberFormatException ex) {
            return null;
        }
    }

    private static Element failed(String condition) {
        return Element.builder("failed", NS).child(Element.of(condition, "urn:ietf:params:xml:ns:xmpp-stanzas")).build();
    }
}
