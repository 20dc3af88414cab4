package org.passerelle.modules.mam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.modules.ImTesting.available;
import static org.passerelle.modules.mam.MamTesting.archived;
import static org.passerelle.modules.mam.MamTesting.chat;
import static org.passerelle.modules.mam.MamTesting.field;
import static org.passerelle.modules.mam.MamTesting.query;
import static org.passerelle.modules.mam.MamTesting.server;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.passerelle.core.stanza.Namespaces;
import org.passerelle.core.testing.TestServer;
import org.passerelle.core.testing.TestSession;
import org.passerelle.modules.forms.DataForm;
import org.passerelle.modules.forms.Field;
import org.passerelle.modules.mam.MamTesting.Answer;
import org.passerelle.xml.Element;

class MamQueryTest {
    /** Alice wrote m0..m9 alternately to bob (on two resources) and to carol; bob and carol are online. */
    private static TestSession conversation(TestServer server) {
        TestSession alice = available(server, "alice@localhost/a", 0);
        TestSession bob1 = available(server, "bob@localhost/one", 0);
        TestSession bob2 = available(server, "bob@localhost/two", -1);
        TestSession carol = available(server, "carol@localhost/c", 0);
        for (int i = 0; i < 10; i++) {
            String to = switch (i % 3) {
                case 0 -> "bob@localhost/one";
                case 1 -> "bob@localhost/two";
                default -> "carol@localhost";
            };
            chat(server, alice, to, "m" + i);
        }
        bob1.clear();
        bob2.clear();
        carol.clear();
        return alice;
    }

    @Test
    void pagesForwardWithAfterAndBackwardWithBefore() {
        try (TestServer server = server("")) {
            TestSession alice = conversation(server);
            Answer all = query(server, alice, "", "");
            assertThat(all.bodies()).containsExactly("m0", "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9");
            assertThat(all.complete()).isTrue();
            assertThat(all.rsm("count")).isEqualTo("10");
            Element first = all.results().getFirst();
            Element forwarded = first.child("result", MamModule.NS).child("forwarded", ArchiveQueries.FORWARD);
            Instant stamp = Instant.parse(forwarded.child("delay", Namespaces.DELAY).attr("stamp"));
            assertThat(stamp).isBetween(Instant.now().minusSeconds(60), Instant.now());
            assertThat(MamTesting.forwarded(first).attr("to")).isEqualTo("bob@localhost/one");

            Answer p1 = query(server, alice, "", "<max>4</max>");
            assertThat(p1.bodies()).containsExactly("m0", "m1", "m2", "m3");
            assertThat(p1.complete()).isFalse();
            assertThat(p1.rsm("first")).isEqualTo(p1.ids().getFirst());
            assertThat(p1.rsm("last")).isEqualTo(p1.ids().getLast());
            Answer p2 = query(server, alice, "", "<max>4</max><after>" + p1.rsm("last") + "</after>");
            assertThat(p2.bodies()).containsExactly("m4", "m5", "m6", "m7");
            Answer p3 = query(server, alice, "", "<max>4</max><after>" + p2.rsm("last") + "</after>");
            assertThat(p3.bodies()).containsExactly("m8", "m9");
            assertThat(p3.complete()).isTrue();
            assertThat(p3.rsm("count")).isEqualTo("10");

            Answer last = query(server, alice, "", "<max>3</max><before/>");
            assertThat(last.bodies()).as("the newest page, in chronological order").containsExactly("m7", "m8", "m9");
            assertThat(last.complete()).isFalse();
            Answer earlier = query(server, alice, "", "<max>3</max><before>" + last.rsm("first") + "</before>");
            assertThat(earlier.bodies()).containsExactly("m4", "m5", "m6");
            Answer oldest = query(server, alice, "", "<max>5</max><before>" + p1.ids().get(3) + "</before>");
            assertThat(oldest.bodies()).containsExactly("m0", "m1", "m2");
            assertThat(oldest.complete()).isTrue();
        }
    }

    @Test
    void filtersByContactTimeAndIds() {
        try (TestServer server = server("")) {
            TestSession alice = conversation(server);
            List<String> ids = query(server, alice, "", "").ids();
            assertThat(query(server, alice, field("with", "bob@localhost"), "").bodies())
                    .containsExactly("m0", "m1", "m3", "m4", "m6", "m7", "m9");
            Answer two = query(server, alice, field("with", "bob@localhost/two"), "");
            assertThat(two.bodies()).containsExactly("m1", "m4", "m7");
            assertThat(two.rsm("count")).isEqualTo("3");
            assertThat(query(server, alice, field("with", "carol@localhost"), "<max>2</max><before/>").bodies()).containsExactly("m5", "m8");
            assertThat(query(server, alice, field("with", "dave@localhost"), "").rsm("count")).isEqualTo("0");

            assertThat(query(server, alice, field("start", "2000-01-01T00:00:00Z") + field("end", "2000-12-31T00:00:00+02:00"), "")
                    .bodies()).isEmpty();
            assertThat(query(server, alice, field("start", "2000-01-01T00:00:00.000Z"), "<max>1</max>").bodies()).containsExactly("m0");
            String between = field("after-id", ids.get(2)) + field("before-id", ids.get(7));
            assertThat(query(server, alice, between, "").bodies()).containsExactly("m3", "m4", "m5", "m6");
            Answer flipped = query(server, alice, between, "<max>2</max><before/>");
            assertThat(flipped.bodies()).containsExactly("m5", "m6");
            assertThat(flipped.rsm("count")).isEqualTo("4");
            String chosen = "<field var='ids'><value>" + ids.get(8) + "</value><value>" + ids.get(1) + "</value></field>";
            assertThat(query(server, alice, chosen, "").bodies()).containsExactly("m1", "m8");
        }
    }

    @Test
    void flipPageReversesThePage() {
        try (TestServer server = server("")) {
            TestSession alice = conversation(server);
            Answer a = MamTesting.send(server, alice, "<iq type='set' id='q'><query xmlns='urn:xmpp:mam:2' queryid='qid'>"
                    + "<set xmlns='http://jabber.org/protocol/rsm'><max>3</max><before/></set><flip-page/></query></iq>");
            assertThat(a.bodies()).containsExactly("m9", "m8", "m7");
            assertThat(a.rsm("first")).isEqualTo(a.ids().getFirst());
        }
    }

    @Test
    void badInputIsRefusedWithTheXepErrorsAndChangesNothing() {
        try (TestServer server = server("modules:\n  mam:\n    maxPageSize: 5\n    defaultPageSize: 2\n")) {
            TestSession alice = conversation(server);
            assertThat(query(server, alice, "", "").bodies()).as("the default page size").hasSize(2);
            assertThat(query(server, alice, "", "<max>1000000</max>").bodies()).as("capped").hasSize(5);
            assertThat(query(server, alice, "", "<max>99999999999999999999999</max>").bodies()).as("capped past long").hasSize(5);
            assertThat(query(server, alice, "", "<max>0</max>").bodies()).isEmpty();
            assertThat(query(server, alice, "", "<max>0</max>").rsm("count")).isEqualTo("10");
            assertThat(query(server, alice, "", "<max>-1</max>").error()).isEqualTo("bad-request");
            assertThat(query(server, alice, "", "<max>ten</max>").error()).isEqualTo("bad-request");
            assertThat(query(server, alice, "", "<max></max>").error()).isEqualTo("bad-request");
            assertThat(query(server, alice, "", "<after></after>").error()).isEqualTo("bad-request");
            assertThat(query(server, alice, "", "<index>3</index>").error()).isEqualTo("feature-not-implemented");
            assertThat(query(server, alice, "", "<after>0000000000000</after>").error()).isEqualTo("item-not-found");
            assertThat(query(server, alice, "", "<before>nonsense</before>").error()).isEqualTo("item-not-found");
            assertThat(query(server, alice, field("after-id", "nonsense"), "").error()).isEqualTo("item-not-found");
            assertThat(query(server, alice, field("before-id", "0000000000000"), "").error()).isEqualTo("item-not-found");
            String bobsId = server.context().stores().archive().edge(MamTesting.bare("bob@localhost"), true).orElseThrow().id();
            assertThat(query(server, alice, "", "<after>" + bobsId + "</after>").error()).as("another archive's id").isEqualTo("item-not-found");
            assertThat(query(server, alice, field("start", "yesterday"), "").error()).isEqualTo("bad-request");
            assertThat(query(server, alice, field("with", "@localhost"), "").error()).isEqualTo("jid-malformed");
            assertThat(query(server, alice, field("colour", "blue"), "").error()).isEqualTo("feature-not-implemented");
            assertThat(MamTesting.send(server, alice, "<iq type='set' id='q'><query xmlns='urn:xmpp:mam:2'><x xmlns='jabber:x:data' "
                    + "type='submit'><field var='FORM_TYPE'><value>urn:other</value></field></x></query></iq>").error()).isEqualTo("bad-request");
            assertThat(MamTesting.send(server, alice, "<iq type='set' id='q'><query xmlns='urn:xmpp:mam:2' node='urn:xmpp:microblog:0'/></iq>")
                    .error()).isEqualTo("feature-not-implemented");
            assertThat(archived(server, "alice@localhost")).isEqualTo(10);
        }
    }

    @Test
    void theFormAndTheMetadataDescribeTheArchive() {
        try (TestServer server = server("")) {
            TestSession dave = available(server, "dave@localhost/d", 0);
            Answer empty = MamTesting.send(server, dave, "<iq type='get' id='m'><metadata xmlns='urn:xmpp:mam:2'/></iq>");
            assertThat(empty.iq().element().child("metadata", MamModule.NS).elements()).isEmpty();
            Answer none = query(server, dave, "", "");
            assertThat(none.complete()).isTrue();
            assertThat(none.rsm("count")).isEqualTo("0");
            assertThat(none.rsm("first")).isNull();

            TestSession alice = conversation(server);
            List<String> ids = query(server, alice, "", "").ids();
            Element meta = MamTesting.send(server, alice, "<iq type='get' id='m'><metadata xmlns='urn:xmpp:mam:2'/></iq>")
                    .iq().element().child("metadata", MamModule.NS);
            assertThat(meta.child("start", MamModule.NS).attr("id")).isEqualTo(ids.getFirst());
            assertThat(meta.child("end", MamModule.NS).attr("id")).isEqualTo(ids.getLast());
            assertThat(Instant.parse(meta.child("end", MamModule.NS).attr("timestamp"))).isBefore(Instant.now().plusSeconds(1));

            DataForm form = DataForm.find(MamTesting.send(server, alice, "<iq type='get' id='f'><query xmlns='urn:xmpp:mam:2'/></iq>")
                    .iq().element().child("query", MamModule.NS));
            assertThat(form.formType()).isEqualTo(MamModule.NS);
            assertThat(form.fields()).extracting(Field::var)
                    .contains("with", "start", "end", "after-id", "before-id", "ids");
        }
    }
}
