package org.passerelle.core.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.Jid;
import org.junit.jupiter.api.Test;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.stanza.Namespaces;
import org.passerelle.core.stanza.StanzaException;
import org.passerelle.core.testing.TestServer;
import org.passerelle.xml.Element;

class DiscoNodesTest {
    private static final DomainBareJid DOMAIN = Jids.of("localhost").asDomainBareJid();

    /** Shows its items only to alice. */
    private static final DiscoNode NODE = new DiscoNode() {
        @Override
        public Info info(Jid requester, DomainBareJid domain) {
            return new Info(List.of(new Identity("automation", "command-list", "Commands")), List.of("urn:test"));
        }

        @Override
        public List<Item> items(Jid requester, DomainBareJid domain) throws StanzaException {
            if (!requester.toString().startsWith("alice@")) throw new StanzaException("forbidden", null);
            return List.of(new Item(domain, "one", "First"), new Item(domain, "two", null));
        }
    };

    @Test
    void answersInfoAndItemsAsQueryElements() throws Exception {
        DiscoNodes nodes = new DiscoNodes();
        nodes.add("urn:test#list", NODE);
        Element info = nodes.info("urn:test#list", Jids.of("bob@localhost/r"), DOMAIN);
        assertThat(info.is("query", Namespaces.DISCO_INFO)).isTrue();
        assertThat(info.attr("node")).isEqualTo("urn:test#list");
        assertThat(info.child("identity", Namespaces.DISCO_INFO).attr("type")).isEqualTo("command-list");
        assertThat(info.child("feature", Namespaces.DISCO_INFO).attr("var")).isEqualTo("urn:test");

        Element items = nodes.items("urn:test#list", Jids.of("alice@localhost/r"), DOMAIN);
        assertThat(items.children("item", Namespaces.DISCO_ITEMS)).extracting(e -> e.attr("node")).containsExactly("one", "two");
        assertThat(items.children("item", Namespaces.DISCO_ITEMS).get(1).attr("name")).isNull();
        assertThatThrownBy(() -> nodes.items("urn:test#list", Jids.of("bob@localhost/r"), DOMAIN))
                .isInstanceOfSatisfying(StanzaException.class, e -> assertThat(e.condition()).isEqualTo("forbidden"));
    }

    @Test
    void unknownNodesAreItemNotFoundAndNodesAreOwnedOnce() {
        DiscoNodes nodes = new DiscoNodes();
        Runnable remove = nodes.add("n", NODE);
        assertThatThrownBy(() -> nodes.add("n", NODE)).isInstanceOf(IllegalStateException.class);
        remove.run();
        assertThatThrownBy(() -> nodes.info("n", Jids.of("alice@localhost"), DOMAIN))
                .isInstanceOfSatisfying(StanzaException.class, e -> assertThat(e.condition()).isEqualTo("item-not-found"));
    }

    @Test
    void aModulesNodesGoWhenItStops() {
        Module module = new Module() {
            @Override public String name() { return "nodes"; }
            @Override public void start(ModuleContext ctx) { ctx.discoNode("urn:test#list", NODE); }
        };
        TestServer server = new TestServer(module);
        assertThat(server.context().features().discoNodes().get("urn:test#list")).isSameAs(NODE);
        server.close();
        assertThat(server.context().features().discoNodes().all()).isEmpty();
    }
}
