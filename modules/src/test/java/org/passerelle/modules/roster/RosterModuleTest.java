package org.passerelle.modules.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.modules.ImTesting.condition;
import static org.passerelle.modules.ImTesting.interested;
import static org.passerelle.modules.ImTesting.nothingMore;
import static org.passerelle.modules.ImTesting.push;
import static org.passerelle.modules.ImTesting.rosterItem;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.store.RosterItem;
import org.passerelle.core.store.Subscription;
import org.passerelle.core.testing.TestServer;
import org.passerelle.core.testing.TestSession;
import org.passerelle.modules.ImTesting;
import org.passerelle.xml.Element;

class RosterModuleTest {
    private static final EntityBareJid ALICE = Jids.of("alice@localhost").asEntityBareJidOrThrow();

    @Test
    void anEmptyRosterHasAVersion() {
        try (TestServer server = new TestServer(new RosterModule())) {
            TestSession alice = server.login("alice@localhost/phone");
            server.send(alice, "<iq type='get' id='r1'><query xmlns='jabber:iq:roster'/></iq>");
            Stanza result = alice.next();
            assertThat(result.type()).isEqualTo("result");
            assertThat(result.id()).isEqualTo("r1");
            Element query = result.element().child("query", ImTesting.ROSTER);
            assertThat(query.attr("ver")).isEqualTo("0");
            assertThat(query.elements()).isEmpty();
            assertThat(alice.isInterested()).isTrue();
        }
    }

    @Test
    void aSetIsAnsweredThenPushedToInterestedSessionsOnly() {
        try (TestServer server = new TestServer(new RosterModule())) {
            TestSession phone = server.login("alice@localhost/phone");
            TestSession laptop = server.login("alice@localhost/laptop");
            TestSession quiet = server.login("alice@localhost/quiet");
            interested(server, phone);
            interested(server, laptop);
            server.send(phone, "<iq type='set' id='s1'><query xmlns='jabber:iq:roster'>"
                    + "<item jid='nurse@example.com' name='Nurse'><group>Servants</group><group>Friends</group></item>"
                    + "</query></iq>");
            Stanza result = phone.next();
            assertThat(result.type()).isEqualTo("result");
            assertThat(result.id()).isEqualTo("s1");
            for (TestSession s : List.of(phone, laptop)) {
                Element item = push(s, "nurse@example.com");
                assertThat(item.attr("name")).isEqualTo("Nurse");
                assertThat(item.attr("subscription")).isEqualTo("none");
                assertThat(item.attr("ask")).isNull();
                assertThat(item.children("group", ImTesting.ROSTER)).extracting(Element::text).containsExactly("Friends", "Servants");
                nothingMore(s);
            }
            nothingMore(quiet);
            server.send(quiet, "<iq type='get' id='r'><query xmlns='jabber:iq:roster'/></iq>");
            Stanza roster = quiet.next();
            assertThat(rosterItem(roster, "nurse@example.com").attr("name")).isEqualTo("Nurse");
            assertThat(roster.element().child("query", ImTesting.ROSTER).attr("ver")).isEqualTo("1");
        }
    }

    @Test
    void anUpdateReplacesNameAndGroupsAndKeepsTheSubscription() {
        try (TestServer server = new TestServer(new RosterModule())) {
            server.context().stores().roster().put(ALICE,
                    RosterItem.of(Jids.of("bob@localhost").asBareJid()).withSubscription(Subscription.BOTH).withName("Bob"));
            TestSession alice = server.login("alice@localhost/phone");
            interested(server, alice);
            server.send(alice, "<iq type='set' id='u'><query xmlns='jabber:iq:roster'>"
                    + "<item jid='bob@localhost' subscription='none' ask='subscribe'><group>Work</group></item></query></iq>");
            assertThat(alice.next().type()).isEqualTo("result");
            Element item = push(alice, "bob@localhost");
            // §2.1.2.5: 'subscription' other than remove, and 'ask', are ignored in a set.
            assertThat(item.attr("subscription")).isEqualTo("both");
            assertThat(item.attr("ask")).isNull();
            assertThat(item.attr("name")).isNull();
            assertThat(item.childText("group", ImTesting.ROSTER)).isEqualTo("Work");
        }
    }

    @Test
    void versioningAnswersEmptyWhenTheClientIsCurrentAndTheWholeRosterOtherwise() {
        try (TestServer server = new TestServer(new RosterModule())) {
            assertThat(server.context().features().streamFeatures(true, org.passerelle.core.stanza.Jids.of("localhost").asDomainBareJid())).contains(Element.of("ver", "urn:xmpp:features:rosterver"));
            TestSession alice = server.login("alice@localhost/phone");
            interested(server, alice);
            server.send(alice, "<iq type='set' id='s'><query xmlns='jabber:iq:roster'><item jid='a@example.com'/></query></iq>");
            alice.next();
            assertThat(push(alice, "a@example.com")).isNotNull();
            server.send(alice, "<iq type='set' id='s'><query xmlns='jabber:iq:roster'><item jid='b@example.com'/></query></iq>");
            alice.next();
            Stanza pushed = alice.next();
            assertThat(pushed.element().child("query", ImTesting.ROSTER).attr("ver")).isEqualTo("2");

            server.send(alice, "<iq type='get' id='current'><query xmlns='jabber:iq:roster' ver='2'/></iq>");
            Stanza empty = alice.next();
            assertThat(empty.type()).isEqualTo("result");
            assertThat(empty.element().elements()).isEmpty();

            server.send(alice, "<iq type='get' id='stale'><query xmlns='jabber:iq:roster' ver='1'/></iq>");
            Stanza full = alice.next();
            assertThat(full.element().child("query", ImTesting.ROSTER).attr("ver")).isEqualTo("2");
            assertThat(rosterItem(full, "a@example.com")).isNotNull();
            assertThat(rosterItem(full, "b@example.com")).isNotNull();

            server.send(alice, "<iq type='get' id='fresh'><query xmlns='jabber:iq:roster' ver=''/></iq>");
            assertThat(rosterItem(alice.next(), "b@example.com")).isNotNull();
        }
    }

    @Test
    void versioningCanBeTurnedOff() {
        try (TestServer server = new TestServer("modules:\n  roster:\n    versioning: false\n", new RosterModule())) {
            assertThat(server.context().features().streamFeatures(true, org.passerelle.core.stanza.Jids.of("localhost").asDomainBareJid())).isEmpty();
            TestSession alice = server.login("alice@localhost/phone");
            server.send(alice, "<iq type='get' id='r'><query xmlns='jabber:iq:roster' ver='0'/></iq>");
            Element query = alice.next().element().child("query", ImTesting.ROSTER);
            assertThat(query).isNotNull();
            assertThat(query.attr("ver")).isNull();
        }
    }

    @Test
    void invalidSetsAreRefusedWithTheConditionsOfSection233() {
        try (TestServer server = new TestServer("modules:\n  roster:\n    maxNameLength: 5\n    maxGroupLength: 4\n",
                new RosterModule())) {
            TestSession alice = server.login("alice@localhost/phone");
            assertThat(set(server, alice, "<item jid='a@example.com'/><item jid='b@example.com'/>")).isEqualTo("bad-request");
            assertThat(set(server, alice, "")).isEqualTo("bad-request");
            assertThat(set(server, alice, "<item name='x'/>")).isEqualTo("bad-request");
            assertThat(set(server, alice, "<item jid='a@example.com/res'/>")).isEqualTo("bad-request");
            assertThat(set(server, alice, "<item jid='@example.com'/>")).isEqualTo("jid-malformed");
            assertThat(set(server, alice, "<item jid='a@example.com' name='toolong'/>")).isEqualTo("not-acceptable");
            assertThat(set(server, alice, "<item jid='a@example.com'><group></group></item>")).isEqualTo("not-acceptable");
            assertThat(set(server, alice, "<item jid='a@example.com'><group>Fives</group></item>")).isEqualTo("not-acceptable");
            assertThat(set(server, alice, "<item jid='a@example.com'><group>A</group><group>A </group></item>")).isEqualTo("bad-request");
            assertThat(set(server, alice, "<item jid='alice@localhost'/>")).isEqualTo("not-allowed");
            assertThat(server.context().stores().roster().count(ALICE)).isZero();
            assertThat(set(server, alice, "<item jid='a@example.com' name='short'><group>Ok</group></item>")).isNull();
        }
    }

    @Test
    void aFullRosterTakesNoNewItem() {
        try (TestServer server = new TestServer("limits:\n  rosterItems: 1\n", new RosterModule())) {
            TestSession alice = server.login("alice@localhost/phone");
            assertThat(set(server, alice, "<item jid='a@example.com'/>")).isNull();
            assertThat(set(server, alice, "<item jid='b@example.com'/>")).isEqualTo("resource-constraint");
            assertThat(set(server, alice, "<item jid='a@example.com' name='A'/>")).isNull(); // updates still fit
        }
    }

    @Test
    void onlyTheOwnerReachesItsRoster() {
        try (TestServer server = new TestServer(new RosterModule())) {
            server.login("bob@localhost/pc");
            TestSession alice = server.login("alice@localhost/phone");
            server.send(alice, "<iq type='get' id='g' to='bob@localhost'><query xmlns='jabber:iq:roster'/></iq>");
            assertThat(condition(alice.next())).isEqualTo("forbidden");
            server.send(alice, "<iq type='set' id='s' to='bob@localhost'><query xmlns='jabber:iq:roster'><item jid='x@y'/></query></iq>");
            assertThat(condition(alice.next())).isEqualTo("forbidden");
            server.send(alice, "<iq type='get' id='n' to='nobody@localhost'><query xmlns='jabber:iq:roster'/></iq>");
            assertThat(condition(alice.next())).isEqualTo("service-unavailable");
        }
    }

    @Test
    void removingPushesRemoveAndAnUnknownItemIsNotFound() {
        try (TestServer server = new TestServer(new RosterModule())) {
            TestSession alice = server.login("alice@localhost/phone");
            interested(server, alice);
            assertThat(set(server, alice, "<item jid='a@example.com'/>")).isNull();
            alice.clear();
            server.send(alice, "<iq type='set' id='rm'><query xmlns='jabber:iq:roster'><item jid='a@example.com' subscription='remove'/></query></iq>");
            assertThat(alice.next().type()).isEqualTo("result");
            assertThat(push(alice, "a@example.com").attr("subscription")).isEqualTo("remove");
            nothingMore(alice);
            assertThat(server.context().stores().roster().items(ALICE)).isEmpty();
            assertThat(set(server, alice, "<item jid='a@example.com' subscription='remove'/>")).isEqualTo("item-not-found");
        }
    }

    @Test
    void addingAStrangerWhoAskedPutsThemOnTheList() {
        try (TestServer server = new TestServer(new RosterModule())) {
            TestSession alice = server.login("alice@localhost/phone");
            interested(server, alice);
            server.context().stores().roster().put(ALICE, RosterItem.pendingRequest(Jids.of("stranger@example.com").asBareJid()));
            server.send(alice, "<iq type='set' id='add'><query xmlns='jabber:iq:roster'><item jid='stranger@example.com' name='S'/></query></iq>");
            assertThat(alice.next().type()).isEqualTo("result");
            var item = server.context().stores().roster().item(ALICE, Jids.of("stranger@example.com").asBareJid()).orElseThrow();
            assertThat(item.listed()).isTrue();
            assertThat(item.pendingIn()).as("the request still waits for an answer").isTrue();
            assertThat(item.name()).isEqualTo("S");
        }
    }

    @Test
    void aPendingRequestAloneIsNotShownNorPushed() {
        try (TestServer server = new TestServer(new RosterModule())) {
            TestSession alice = server.login("alice@localhost/phone");
            interested(server, alice);
            server.context().stores().roster().put(ALICE, RosterItem.pendingRequest(Jids.of("stranger@example.com").asBareJid()));
            server.send(alice, "<iq type='get' id='r'><query xmlns='jabber:iq:roster'/></iq>");
            assertThat(rosterItem(alice.next(), "stranger@example.com")).isNull();
        }
    }

    @Test
    void aDeletedAccountLosesItsRoster() {
        try (TestServer server = new TestServer(new RosterModule())) {
            TestSession alice = server.login("alice@localhost/phone");
            assertThat(set(server, alice, "<item jid='a@example.com'/>")).isNull();
            server.context().accounts().delete(ALICE);
            assertThat(server.context().stores().roster().items(ALICE)).isEmpty();
        }
    }

    /** Sends a roster set with these items; returns the error condition, or null for a result. */
    private static String set(TestServer server, TestSession session, String items) {
        server.send(session, "<iq type='set' id='set'><query xmlns='jabber:iq:roster'>" + items + "</query></iq>");
        Stanza answer = session.next();
        assertThat(answer.id()).isEqualTo("set");
        session.clear();
        return condition(answer);
    }
}
