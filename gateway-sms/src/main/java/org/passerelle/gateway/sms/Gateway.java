package org.passerelle.gateway.sms;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.passerelle.core.event.SessionEnded;
import org.passerelle.core.event.SessionStarted;
import org.passerelle.core.module.ServerContext;
import org.passerelle.core.routing.StreamErrorException;
import org.passerelle.core.session.Session;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.stanza.Namespaces;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.store.SmsLink;
import org.passerelle.core.store.SmsOutgoing;
import org.passerelle.core.store.SmsStore;
import org.passerelle.gateway.sms.smpp.SmsEncoding;
import org.passerelle.xml.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the gateway's parts share: the store, the outbox, the gateway domain of each hosted
 * domain, acting for a user (as their mobile session) and texting a phone.
 */
final class Gateway {
    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);
    static final String RECEIPTS = "urn:xmpp:receipts";

    final ServerContext server;
    final SmsStore store;
    final Outbox outbox;
    final SmsOptions options;
    private final Map<EntityBareJid, MobileSession> mobiles = new ConcurrentHashMap<>();

    Gateway(ServerContext server, Outbox outbox, SmsOptions options) {
        this.server = server;
        this.store = server.stores().sms();
        this.outbox = outbox;
        this.options = options;
    }

    DomainBareJid gatewayOf(DomainBareJid domain) {
        return Jids.of(options.subdomain() + "." + domain).asDomainBareJid();
    }

    /** Queues an SMS for the account's phone or a phone contact; the account pays for it. */
    void text(EntityBareJid account, String phone, String text, Stanza askingReceipt) {
        String receiptTo = null;
        String receiptId = null;
        if (askingReceipt != null && askingReceipt.id() != null
                && askingReceipt.element().child("request", RECEIPTS) != null && askingReceipt.from() != null) {
            receiptTo = askingReceipt.from().toString();
            receiptId = askingReceipt.id();
        }
        outbox.send(SmsOutgoing.pending(account, phone, fit(text), receiptTo, receiptId, server.clock().instant()));
    }

    /** Shortens a text to the concatenation limit ("..." at the end) rather than lose it. */
    String fit(String text) {
        if (SmsEncoding.parts(text) <= options.maxParts()) return text;
        int lo = 0;
        int hi = text.length();
        while (lo < hi) {
            int mid = (lo + hi + 1) / 2;
            if (SmsEncoding.parts(cut(text, mid) + "...") <= options.maxParts()) lo = mid;
            else hi = mid - 1;
        }
        return cut(text, lo) + "...";
    }

    private static String cut(String text, int n) {
        if (n > 0 && n < text.length() && Character.isHighSurrogate(text.charAt(n - 1))) n--;
        return text.substring(0, n);
    }

    /** The user's mobile session, available or not (created on first use, registered only when ON). */
    MobileSession mobile(EntityBareJid account) {
        return mobiles.computeIfAbsent(account, a -> {
            EntityFullJid jid = Jids.of(a + "/" + MobileSession.RESOURCE).asEntityFullJidOrThrow();
            return new MobileSession(jid, m -> forwardToResource(a, m));
        });
    }

    private void forwardToResource(EntityBareJid account, Stanza message) {
        String body = message.element().childText("body", message.element().namespace());
        if (body == null) return;
        store.linkOf(account).ifPresent(link -> forward(link, message.from() == null ? "?" : message.from().asBareJid().toString(),
                body, message));
    }

    /** Texts a message to the linked phone as {@code [n] sender: text}, n the sender's contact number (to reply with). */
    void forward(SmsLink link, String from, String body, Stanza message) {
        int n = store.contactNumber(link.account(), from);
        text(link.account(), link.phone(), "[" + n + "] " + from + ": " + body, message);
    }

    /** Sends a stanza as the user's mobile client (stamped, intercepted and routed like any client's). */
    void sendAs(EntityBareJid account, Element stanza) {
        try {
            server.clientStanzas().process(mobile(account), stanza);
        } catch (StreamErrorException e) {
            LOG.warn("SMS command of {} refused: {}", account, e.getMessage());
        }
    }

    boolean online(EntityBareJid account) {
        MobileSession s = mobiles.get(account);
        return s != null && s.isAvailable();
    }

    /** ON: the mobile session joins with a presence saying so; kept, so it comes back after a restart. */
    void goOnline(EntityBareJid account) {
        if (online(account)) return;
        store.setOnMobile(account, true);
        join(account);
    }

    /** At start: the sessions of the users whose phone said ON last, back as they were. */
    void resumeOnline() {
        for (EntityBareJid account : store.onMobile()) join(account);
    }

    private void join(EntityBareJid account) {
        MobileSession s = mobile(account);
        if (s.isAvailable()) return;
        Session replaced = server.sessions().add(s);
        if (replaced != null && replaced != s) replaced.close("conflict", "replaced by the SMS gateway's session"); // RFC 6120 §7.7.2.2
        server.events().publish(new SessionStarted(s));
        sendAs(account, Element.builder("presence", Namespaces.CLIENT)
                .textChild("status", Namespaces.CLIENT, "On mobile (SMS)")
                .textChild("priority", Namespaces.CLIENT, "-1").build());
    }

    /** OFF: unavailable, and the session ends. */
    void goOffline(EntityBareJid account) {
        store.setOnMobile(account, false);
        MobileSession s = mobiles.get(account);
        if (s == null || !s.isAvailable()) return;
        sendAs(account, Element.builder("presence", Namespaces.CLIENT).attr("type", "unavailable").build());
        Stanza last = s.presence();
        s.setPresence(null);
        server.sessions().remove(s);
        server.events().publish(new SessionEnded(s, last, "SMS OFF"));
    }

    void forget(EntityBareJid account) {
        goOffline(account);
        mobiles.remove(account);
    }
}
