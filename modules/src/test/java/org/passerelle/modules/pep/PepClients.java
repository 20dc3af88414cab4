package org.passerelle.modules.pep;

import java.time.Duration;
import java.util.function.Predicate;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.store.RosterItem;
import org.passerelle.core.store.Subscription;
import org.passerelle.core.testing.TestServer;
import org.passerelle.core.testing.TestSession;
import org.passerelle.modules.caps.VerificationString;
import org.passerelle.xml.Element;

/** What PEP tests do as clients: announce caps (and answer the server's disco#info), befriend, wait for a stanza. */
public final class PepClients {
    private static final String DISCO = "http://jabber.org/protocol/disco#info";

    private PepClients() {
    }

    /** Sends available presence with XEP-0115 caps for these features and answers the server's disco#info. */
    public static void availableWithCaps(TestServer server, TestSession session, String... features) {
        Element.Builder q = Element.builder("query", DISCO)
                .child(Element.builder("identity", DISCO).attr("category", "client").attr("type", "pc")
                .attr("name", session.jid().toString()).build()); // one ver per client: the server asks each once
        for (String f : features) q.child(Element.builder("feature", DISCO).attr("var", f).build());
        String ver = VerificationString.sha1(q.build());
        server.send(session, "<presence><c xmlns='http://jabber.org/protocol/caps' hash='sha-1' node='https://test' ver='" + ver + "'/></presence>");
        Stanza ask = awaitStanza(session, s -> s.isIq() && "get".equals(s.type()));
        Element answer = Element.builder("iq", "jabber:client").attr("type", "result").attr("id", ask.id())
                .attr("to", ask.from().toString()).child(q.attr("node", "https://test#" + ver).build()).build();
        server.send(session, answer);
    }

    /** Both accounts see each other's presence. */
    public static void befriend(TestServer server, String a, String b) {
        var roster = server.context().stores().roster();
        roster.put(Jids.of(a).asEntityBareJidIfPossible(), RosterItem.of(Jids.of(b).asBareJid()).withSubscription(Subscription.BOTH));
        roster.put(Jids.of(b).asEntityBareJidIfPossible(), RosterItem.of(Jids.of(a).asBareJid()).withSubscription(Subscription.BOTH));
    }

    /** The next stanza matching, skipping others; fails after a second. */
    public static Stanza awaitStanza(TestSession session, Predicate<Stanza> wanted) {
        long end = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        try {
            while (System.nanoTime() < end) {
                Stanza s = session.poll(Duration.ofMillis(50));
                if (s != null && wanted.test(s)) return s;
            }
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError(session.jid() + " did not receive the expected stanza");
    }

    /** True for a PEP event notification message. */
    public static boolean isEvent(Stanza s) {
        return s.isMessage() && s.element().child("event", Pubsub.EVENT) != null;
    }

    /** Drops everything received so far, after a short wait for stragglers. */
    public static void drain(TestSession session) {
        try {
            while (session.poll(Duration.ofMillis(100)) != null) {
                // skip
            }
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
