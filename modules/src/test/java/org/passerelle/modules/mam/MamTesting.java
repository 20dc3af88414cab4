package org.passerelle.modules.mam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.stanza.Namespaces;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.store.ArchiveFilter;
import org.passerelle.core.testing.TestServer;
import org.passerelle.core.testing.TestSession;
import org.passerelle.modules.ImTesting;
import org.passerelle.modules.message.MessageModule;
import org.passerelle.modules.offline.OfflineModule;
import org.passerelle.modules.presence.PresenceModule;
import org.passerelle.xml.Element;

/** A server with the message modules and MAM, and a way to run a query and collect its answer. */
final class MamTesting {
    static final String RSM = "http://jabber.org/protocol/rsm";

    /** What one query brought: the forwarded messages in order, and the IQ answer. */
    record Answer(List<Element> results, Stanza iq) {
        List<String> bodies() {
            return results.stream().map(r -> forwarded(r).childText("body", Namespaces.CLIENT)).toList();
        }

        List<String> ids() {
            return results.stream().map(r -> r.child("result", MamModule.NS).attr("id")).toList();
        }

        Element fin() {
            return iq.element().child("fin", MamModule.NS);
        }

        String rsm(String name) {
            return fin().child("set", RSM).childText(name, RSM);
        }

        boolean complete() {
            return "true".equals(fin().attr("complete"));
        }

        String error() {
            return ImTesting.condition(iq);
        }
    }

    private MamTesting() {
    }

    static TestServer server(String yaml) {
        return new TestServer(yaml, new PresenceModule(), new MessageModule(), new OfflineModule(), new MamModule());
    }

    static EntityBareJid bare(String jid) {
        return Jids.of(jid).asEntityBareJidOrThrow();
    }

    static long archived(TestServer server, String owner) {
        return server.context().stores().archive().count(bare(owner), ArchiveFilter.ALL);
    }

    static Element forwarded(Element resultMessage) {
        return resultMessage.child("result", MamModule.NS).child("forwarded", ArchiveQueries.FORWARD).child("message", Namespaces.CLIENT);
    }

    /** Sends {@code <query>} with the given form fields and RSM set, and collects everything the query brought. */
    static Answer query(TestServer server, TestSession session, String fields, String set) {
        String form = fields.isEmpty() ? "" : "<x xmlns='jabber:x:data' type='submit'><field var='FORM_TYPE' type='hidden'>"
                + "<value>urn:xmpp:mam:2</value></field>" + fields + "</x>";
        String rsm = set.isEmpty() ? "" : "<set xmlns='" + RSM + "'>" + set + "</set>";
        return send(server, session, "<iq type='set' id='q'><query xmlns='urn:xmpp:mam:2' queryid='qid'>" + form + rsm + "</query></iq>");
    }

    static Answer send(TestServer server, TestSession session, String iq) {
        server.send(session, iq);
        List<Element> results = new ArrayList<>();
        while (true) {
            Stanza s = session.next();
            if (s.isIq()) {
                ImTesting.nothingMore(session);
                return new Answer(results, s);
            }
            Element result = s.element().child("result", MamModule.NS);
            assertThat(result).as("a result message").isNotNull();
            assertThat(result.attr("queryid")).isEqualTo("qid");
            assertThat(s.from().toString()).isEqualTo(session.bareJid().toString());
            results.add(s.element());
        }
    }

    static String field(String var, String value) {
        return "<field var='" + var + "'><value>" + value + "</value></field>";
    }

    static void chat(TestServer server, TestSession from, String to, String body) {
        server.send(from, "<message to='" + to + "' type='chat'><body>" + body + "</body></message>");
    }
}
