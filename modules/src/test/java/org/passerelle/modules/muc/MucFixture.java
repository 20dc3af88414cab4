package org.passerelle.modules.muc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.passerelle.core.stanza.Namespaces;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.testing.TestServer;
import org.passerelle.core.testing.TestSession;
import org.passerelle.xml.Element;

/** Shorthands for the MUC tests: stanzas to send and ways to read what the room sends back. */
final class MucFixture {
    static final String SERVICE = "conference.localhost";

    private MucFixture() {
    }

    static String room(String name) {
        return name + "@" + SERVICE;
    }

    static String join(String room, String nick) {
        return "<presence to='" + room(room) + "/" + nick + "'><x xmlns='http://jabber.org/protocol/muc'/></presence>";
    }

    /** Creates an instant room: join, read the self-presence and subject, submit the empty form. */
    static void createInstant(TestServer server, TestSession owner, String room, String nick) {
        server.send(owner, join(room, nick));
        assertThat(codes(owner.next())).contains(110, 201);
        assertThat(owner.next().element().child("subject", Namespaces.CLIENT)).isNotNull();
        server.send(owner, "<iq type='set' id='instant' to='" + room(room) + "'><query xmlns='http://jabber.org/protocol/muc#owner'>"
                + "<x xmlns='jabber:x:data' type='submit'/></query></iq>");
        assertThat(owner.next().type()).isEqualTo("result");
    }

    /** Creates a room and submits the given config fields ({@code var=value} pairs, var without its muc#roomconfig_ prefix). */
    static void createWith(TestServer server, TestSession owner, String room, String nick, String... fields) {
        server.send(owner, join(room, nick));
        owner.next();
        owner.next();
        server.send(owner, configure(room, fields));
        Stanza r = owner.next();
        assertThat(r.type()).as(r.toString()).isEqualTo("result");
    }

    static String configure(String room, String... fields) {
        StringBuilder sb = new StringBuilder("<iq type='set' id='cfg' to='" + room(room) + "'><query xmlns='http://jabber.org/protocol/muc#owner'>"
                + "<x xmlns='jabber:x:data' type='submit'><field var='FORM_TYPE'><value>http://jabber.org/protocol/muc#roomconfig</value></field>");
        for (String f : fields) {
            int eq = f.indexOf('=');
            String var = f.startsWith("{") ? f.substring(0, eq) : "muc#roomconfig_" + f.substring(0, eq); // {ns}name: a custom field
            sb.append("<field var='").append(var).append("'><value>").append(f.substring(eq + 1)).append("</value></field>");
        }
        return sb.append("</x></query></iq>").toString();
    }

    /** Enters a room that exists: reads the others' presences, the self-presence and the subject. */
    static void enter(TestServer server, TestSession s, String room, String nick, int others) {
        server.send(s, join(room, nick));
        for (int i = 0; i < others; i++) assertThat(s.next().isPresence()).isTrue();
        assertThat(codes(s.next())).contains(110);
        assertThat(s.next().element().child("subject", Namespaces.CLIENT)).isNotNull();
    }

    /** Enters a room where the given occupants are, and reads the presence each of them gets about the newcomer. */
    static void enterSeenBy(TestServer server, TestSession s, String room, String nick, TestSession... present) {
        enter(server, s, room, nick, present.length);
        for (TestSession p : present) {
            assertThat(p.next().from().toString()).as("told of the newcomer").isEqualTo(room(room) + "/" + nick);
        }
    }

    /**
     * Alice creates the room "tea" (instant, or configured with the given {@link #createWith} fields)
     * and Bob enters it; both have read all the room sent them.
     */
    static void aliceAndBobInTea(TestServer server, TestSession alice, TestSession bob, String... fields) {
        if (fields.length == 0) createInstant(server, alice, "tea", "Alice");
        else createWith(server, alice, "tea", "Alice", fields);
        enterSeenBy(server, bob, "tea", "Bob", alice);
    }

    static Element x(Stanza s) {
        return s.element().child("x", Muc.USER);
    }

    static Element item(Stanza s) {
        return x(s).child("item", Muc.USER);
    }

    static List<Integer> codes(Stanza s) {
        Element x = x(s);
        assertThat(x).as("muc#user payload in " + s).isNotNull();
        return x.children("status", Muc.USER).stream().map(e -> Integer.parseInt(e.attr("code"))).toList();
    }

    static String condition(Stanza reply) {
        assertThat(reply.type()).as(reply.toString()).isEqualTo("error");
        return reply.element().child("error", Namespaces.CLIENT).childIn(Namespaces.STANZA_ERRORS).name();
    }

    static String body(Stanza s) {
        return s.element().childText("body", Namespaces.CLIENT);
    }
}
