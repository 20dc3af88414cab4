package org.passerelle.modules.push;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.event.AppAway;
import org.passerelle.core.module.ServerContext;
import org.passerelle.core.session.Session;
import org.passerelle.core.stanza.Namespaces;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.modules.forms.DataForm;
import org.passerelle.modules.forms.Field;
import org.passerelle.xml.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes XEP-0357 §7 summaries to the app servers of an account whose apps are away, at most
 * one per registration per interval (messages meanwhile are counted into one later notification),
 * and drops a registration its app server refuses (§7.1: an error other than type wait).
 */
final class Notifier {
    static final String PUBSUB = "http://jabber.org/protocol/pubsub";
    static final String SUMMARY = "urn:xmpp:push:summary";
    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);

    /** When a registration last got a notification, and whether a coalesced one is scheduled. */
    private static final class Throttle {
        Instant lastSent;
        boolean pending;
    }

    private final ServerContext server;
    private final Registrations registrations;
    private final PushOptions options;
    private final Duration interval;
    private final Map<EntityBareJid, Unread> unread = new ConcurrentHashMap<>();
    private final Map<String, Throttle> throttles = new ConcurrentHashMap<>();

    Notifier(ServerContext server, Registrations registrations, PushOptions options) {
        this.server = server;
        this.registrations = registrations;
        this.options = options;
        this.interval = Duration.ofSeconds(options.minIntervalSeconds());
    }

    /** The AppAway listener: consumes the event when a notification went out or will carry this message. */
    boolean away(AppAway event) {
        EntityBareJid account = event.account();
        List<Registration> targets = registrations.of(account).stream().filter(r -> !connected(account, r)).toList();
        if (targets.isEmpty()) return false;
        unread.computeIfAbsent(account, a -> new Unread()).add(event.message());
        for (Registration r : targets) offer(account, r);
        return true;
    }

    /** The user is back (a new or resumed session): the count starts again. */
    void back(EntityBareJid account) {
        unread.remove(account);
    }

    void forget(EntityBareJid account) {
        unread.remove(account);
        throttles.keySet().removeIf(k -> k.startsWith(account + "\n"));
    }

    void dropped(EntityBareJid account, Registration r) {
        throttles.remove(account + "\n" + r.key());
    }

    private void offer(EntityBareJid account, Registration r) {
        Throttle t = throttles.computeIfAbsent(account + "\n" + r.key(), k -> new Throttle());
        Instant now = server.clock().instant();
        synchronized (t) {
            if (t.pending) return; // the scheduled one will count this message
            if (t.lastSent != null && now.isBefore(t.lastSent.plus(interval))) {
                t.pending = true;
                long delay = Duration.between(now, t.lastSent.plus(interval)).toMillis();
                server.scheduler().schedule(() -> server.workers().execute(() -> flush(account, r.key())), delay, TimeUnit.MILLISECONDS);
                return;
            }
            t.lastSent = now;
        }
        publish(account, r);
    }

    /** The coalesced notification, if the user is still away and the registration still there. */
    private void flush(EntityBareJid account, String key) {
        Throttle t = throttles.get(account + "\n" + key);
        if (t == null) return;
        synchronized (t) {
            t.pending = false;
            t.lastSent = server.clock().instant();
        }
        Registration r = registrations.of(account).stream().filter(x -> x.key().equals(key)).findFirst().orElse(null);
        if (r != null && unread.containsKey(account) && !connected(account, r)) publish(account, r);
    }

    private void publish(EntityBareJid account, Registration r) {
        Unread u = unread.get(account);
        if (u == null) return;
        Unread.Summary s = u.summary();
        String id = server.iqTracker().nextId();
        Element iq = Element.builder("iq", Namespaces.CLIENT).attr("type", "set").attr("id", id).child(pubsub(r, s)).build();
        server.iqTracker().expect(id, Duration.ofSeconds(options.timeoutSeconds()))
                .whenComplete((answer, failure) -> answered(account, r, answer));
        server.router().route(Stanza.of(iq, account, r.jid()));
    }

    private Element pubsub(Registration r, Unread.Summary s) {
        boolean body = r.includeBody() && options.includeBodyAllowed() && s.lastBody() != null;
        DataForm form = DataForm.form(SUMMARY, null, null,
                Field.of(null, "message-count", null).withValue(Integer.toString(s.count())),
                Field.of(null, "last-message-sender", null).withValues(s.lastSender() == null ? List.of() : List.of(s.lastSender())),
                Field.of(null, "last-message-body", null).withValues(body ? List.of(s.lastBody()) : List.of()));
        Element x = form.toElement().mapElements(f -> f.elements().isEmpty() ? null : f); // no empty fields
        Element item = Element.builder("item", PUBSUB).child(Element.builder("notification", PushModule.NS).child(x).build()).build();
        Element.Builder pubsub = Element.builder("pubsub", PUBSUB)
                .child(Element.builder("publish", PUBSUB).attr("node", r.node()).child(item).build());
        if (r.publishOptions() != null) pubsub.child(Element.builder("publish-options", PUBSUB).child(r.publishOptions()).build());
        return pubsub.build();
    }

    /** A timeout keeps the registration; an error from the app server itself drops it unless it says to wait. */
    private void answered(EntityBareJid account, Registration r, Stanza answer) {
        if (answer == null || !"error".equals(answer.type()) || !r.jid().equals(answer.from())) return;
        Element error = answer.element().child("error", Namespaces.CLIENT);
        if (error != null && "wait".equals(error.attr("type"))) return;
        registrations.remove(account, x -> x.key().equals(r.key()));
        dropped(account, r);
        LOG.info("push: {} refused a notification for {}, registration removed", r.jid(), account);
    }

    /** A client that is connected right now needs no waking (it is not the one that enabled push, or it came back). */
    private boolean connected(EntityBareJid account, Registration r) {
        for (Session s : server.sessions().sessions(account)) {
            if (s.attached() && r.sameClient(s.jid().getResourcepart().toString())) return true;
        }
        return false;
    }
}
