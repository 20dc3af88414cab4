package org.passerelle.modules.disco;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.passerelle.core.module.DiscoItem;
import org.passerelle.core.module.Implements;
import org.passerelle.core.module.Module;
import org.passerelle.core.module.ModuleContext;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.stanza.Namespaces;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.store.RosterItem;
import org.passerelle.core.store.Subscription;
import org.passerelle.core.testing.TestServer;
import org.passerelle.core.testing.TestSession;
import org.passerelle.xml.Element;

class DiscoModuleTest {
    /** Another module, as the disco module sees any: static features, an item and a node alias. */
    @Implements(spec = "XEP-9999", features = "urn:test:server", accountFeatures = "urn:test:account")
    static final class Other implements Module {
        @Override public String name() { return "other"; }

        @Override
        public void start(ModuleContext ctx) {
            ctx.discoItem(new DiscoItem("upload.localhost", null, "Upload"));
            ctx.infoNode(() -> "https://passerelle.im#abc");
        }
    }

    @Test
    void domainInfoListsTheServerIdentityAndEveryModulesFeatures() {
        try (TestServer server = new TestServer(new DiscoModule(), new Other())) {
            TestSession alice = server.login("alice@localhost/phone");
            server.send(alice, "<iq type='get' id='d1' to='localhost'><query xmlns='http://jabber.org/protocol/disco#info'/></iq>");
            Stanza reply = alice.next();
            assertThat(reply.type()).isEqualTo("result");
            assertThat(reply.from().toString()).isEqualTo("localhost");
            Element query = reply.element().child("query", DiscoModule.INFO);
            Element identity = query.child("identity", DiscoModule.INFO);
            assertThat(List.of(identity.attr("category"), identity.attr("type"), identity.attr("name")))
                    .containsExactly("server", "im", "Passerelle");
            assertThat(vars(query)).containsExactly(DiscoModule.INFO, DiscoModule.ITEMS, "urn:test:server");
        }
    }

    @Test
    void aliasNodeIsAnsweredAndOtherNodesAreNotFound() {
        try (TestServer server = new TestServer(new DiscoModule(), new Other())) {
            TestSession alice = server.login("alice@localhost/phone");
            server.send(alice, "<iq type='get' id='d2' to='localhost'><query xmlns='http://jabber.org/protocol/disco#info' node='https://passerelle.im#abc'/></iq>");
            Element query = alice.next().element().child("query", DiscoModule.INFO);
            assertThat(query.attr("node")).isEqualTo("https://passerelle.im#abc");
            assertThat(vars(query)).contains("urn:test:server");

            server.send(alice, "<iq type='get' id='d3' to='localhost'><query xmlns='http://jabber.org/protocol/disco#info' node='other'/></iq>");
            assertThat(condition(alice.next())).isEqualTo("item-not-found");
        }
    }

    @Test
    void aDomainListsItsOwnServicesNotThoseOfTheOtherDomains() {
        Module services = new Module() {
            @Override public String name() { return "services"; }

            @Override
            public void start(ModuleContext ctx) {
                ctx.discoItem(new DiscoItem("conference.localhost", null, "Chatrooms"));
                ctx.discoItem(new DiscoItem("conference.example.org", null, "Chatrooms"));
                ctx.discoItem(new DiscoItem("proxy.elsewhere.net", null, "Shared"));
            }
        };
        try (TestServer server = new TestServer("domains: [{name: localhost}, {name: example.org}]\n", new DiscoModule(), services)) {
            TestSession alice = server.login("alice@example.org/phone");
            server.send(alice, "<iq type='get' id='i1' to='example.org'><query xmlns='http://jabber.org/protocol/disco#items'/></iq>");
            List<Element> items = alice.next().element().child("query", DiscoModule.ITEMS).children("item", DiscoModule.ITEMS);
            assertThat(items).extracting(e -> e.attr("jid")).containsExactly("conference.example.org", "proxy.elsewhere.net");
        }
    }

    @Test
    void domainItemsComeFromModules() {
        try (TestServer server = new TestServer(new DiscoModule(), new Other())) {
            TestSession alice = server.login("alice@localhost/phone");
            server.send(alice, "<iq type='get' id='i1' to='localhost'><query xmlns='http://jabber.org/protocol/disco#items'/></iq>");
            List<Element> items = alice.next().element().child("query", DiscoModule.ITEMS).children("item", DiscoModule.ITEMS);
            assertThat(items).hasSize(1);
            assertThat(items.getFirst().attr("jid")).isEqualTo("upload.localhost");
            assertThat(items.getFirst().attr("name")).isEqualTo("Upload");
        }
    }

    @Test
    void ownerSeesTheAccountIdentityAndAccountFeatures() {
        try (TestServer server = new TestServer(new DiscoModule(), new Other())) {
            TestSession alice = server.login("alice@localhost/phone");
            server.send(alice, "<iq type='get' id='a1'><query xmlns='http://jabber.org/protocol/disco#info'/></iq>");
            Stanza reply = alice.next();
            assertThat(reply.from().toString()).isEqualTo("alice@localhost");
            Element query = reply.element().child("query", DiscoModule.INFO);
            Element identity = query.child("identity", DiscoModule.INFO);
            assertThat(identity.attr("category") + "/" + identity.attr("type")).isEqualTo("account/registered");
            assertThat(vars(query)).containsExactly(DiscoModule.INFO, DiscoModule.ITEMS, "urn:test:account");

            server.send(alice, "<iq type='get' id='a2'><query xmlns='http://jabber.org/protocol/disco#items'/></iq>");
            assertThat(alice.next().element().child("query", DiscoModule.ITEMS).elements()).isEmpty();
        }
    }

    @Test
    void othersSeeTheAccountOnlyWithAPresenceSubscriptionFromIt() {
        try (TestServer server = new TestServer(new DiscoModule())) {
            TestSession alice = server.login("alice@localhost/phone");
            TestSession bob = server.login("bob@localhost/pc");
            String ask = "<iq type='get' id='b1' to='alice@localhost'><query xmlns='http://jabber.org/protocol/disco#info'/></iq>";
            server.send(bob, ask);
            assertThat(condition(bob.next())).isEqualTo("service-unavailable");

            // Alice subscribed to Bob's presence (her side: 'to') does not let Bob see her.
            roster(server, "alice@localhost", "bob@localhost", Subscription.TO);
            server.send(bob, ask);
            assertThat(condition(bob.next())).isEqualTo("service-unavailable");

            roster(server, "alice@localhost", "bob@localhost", Subscription.FROM);
            server.send(bob, ask);
            Stanza reply = bob.next();
            assertThat(reply.type()).isEqualTo("result");
            assertThat(reply.element().child("query", DiscoModule.INFO).child("identity", DiscoModule.INFO).attr("category")).isEqualTo("account");
        }
    }

    @Test
    void unknownAccountIsServiceUnavailableAndSetIsNotAllowed() {
        try (TestServer server = new TestServer(new DiscoModule())) {
            TestSession bob = server.login("bob@localhost/pc");
            server.send(bob, "<iq type='get' id='n1' to='nobody@localhost'><query xmlns='http://jabber.org/protocol/disco#info'/></iq>");
            assertThat(condition(bob.next())).isEqualTo("service-unavailable");
            server.send(bob, "<iq type='set' id='n2' to='localhost'><query xmlns='http://jabber.org/protocol/disco#info'/></iq>");
            assertThat(condition(bob.next())).isEqualTo("not-allowed");
        }
    }

    static void roster(TestServer server, String owner, String contact, Subscription s) {
        server.context().stores().roster().put(Jids.of(owner).asEntityBareJidIfPossible(),
                RosterItem.of(Jids.of(contact).asBareJid()).withSubscription(s));
    }

    static List<String> vars(Element query) {
        return query.children("feature", DiscoModule.INFO).stream().map(f -> f.attr("var")).toList();
    }

    static String condition(Stanza reply) {
        assertThat(reply.type()).isEqualTo("error");
        return reply.element().child("error", Namespaces.CLIENT).childIn(Namespaces.STANZA_ERRORS).name();
    }
}
