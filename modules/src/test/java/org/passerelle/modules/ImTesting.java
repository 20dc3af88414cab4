package org.passerelle.modules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.passerelle.core.stanza.Namespaces;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.testing.TestServer;
import org.passerelle.core.testing.TestSession;
import org.passerelle.xml.Element;

/**
 * Helpers for the instant-messaging module tests (roster, presence, message, offline). Routing in
 * a {@link TestServer} is synchronous, so "nothing more arrived" is checked without waiting.
 */
public final class ImTesting {
    public static final String ROSTER = "jabber:iq:roster";

    private ImTesting() {
    }

    /** The defined condition of a stanza error, or null when the stanza is not an error. */
    public static String condition(Stanza stanza) {
        Element error = stanza.element().child("error", Namespaces.CLIENT);
        if (!"error".equals(stanza.type()) || error == null) return null;
        for (Element e : error.elements()) if (e.namespace().equals(Namespaces.STANZA_ERRORS) && !e.name().equals("text")) return e.name();
        return null;
    }

    /** Asks for the roster (which makes the session interested in pushes) and drops the answer. */
    public static void interested(TestServer server, TestSession session) {
        server.send(session, "<iq type='get' id='roster-get'><query xmlns='jabber:iq:roster'/></iq>");
        Stanza answer = session.next();
        assertThat(answer.type()).isEqualTo("result");
    }

    /** Logs in, sends initial presence with that priority, and forgets what that brought. */
    public static TestSession available(TestServer server, String jid, int priority) {
        TestSession s = server.login(jid);
        server.send(s, "<presence><priority>" + priority + "</priority></presence>");
        s.clear();
        return s;
    }

    /** Forgets what the sessions received so far (e.g. each other's presence while logging in). */
    public static void clear(TestSession... sessions) {
        for (TestSession s : sessions) s.clear();
    }

    /** Asserts that nothing is waiting for the session (everything routes synchronously here). */
    public static void nothingMore(TestSession session) {
        try {
            Stanza s = session.poll(Duration.ZERO);
            assertThat(s).as("nothing more for " + session.jid()).isNull();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** The item of a roster push or result for the contact, or null. */
    public static Element rosterItem(Stanza iq, String contact) {
        Element query = iq.element().child("query", ROSTER);
        if (query == null) return null;
        for (Element item : query.children("item", ROSTER)) if (contact.equals(item.attr("jid"))) return item;
        return null;
    }

    /** Asserts the next stanza is a roster push with the contact's item and returns that item. */
    public static Element push(TestSession session, String contact) {
        Stanza push = session.next();
        assertThat(push.isIq()).as("a roster push, got " + push).isTrue();
        assertThat(push.type()).isEqualTo("set");
        assertThat(push.from().toString()).isEqualTo(session.bareJid().toString());
        Element item = rosterItem(push, contact);
        assertThat(item).as("push for " + contact + " in " + push).isNotNull();
        return item;
    }

    /** Asserts the next stanza is a presence of that type (null: available) from that JID. */
    public static Stanza presence(TestSession session, String type, String from) {
        Stanza p = session.next();
        assertThat(p.isPresence()).as("a presence, got " + p).isTrue();
        assertThat(p.type()).as(p.toString()).isEqualTo(type);
        assertThat(p.from().toString()).as(p.toString()).isEqualTo(from);
        return p;
    }
}
