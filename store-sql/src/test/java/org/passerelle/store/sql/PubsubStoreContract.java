package org.passerelle.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.jxmpp.jid.EntityBareJid;
import org.junit.jupiter.api.Test;
import org.passerelle.core.store.PubsubAccess;
import org.passerelle.core.store.PubsubItem;
import org.passerelle.core.store.PubsubNode;
import org.passerelle.core.store.PubsubStore;
import org.passerelle.xml.Element;

/** What every {@link PubsubStore} must do; subclassed once per backend. */
abstract class PubsubStoreContract extends StoresFixture {
    private static final Instant T0 = Instant.parse("2025-03-04T05:06:07.890Z");
    private static final String MOOD = "http://jabber.org/protocol/mood";

    private PubsubStore store() {
        return stores.pubsub();
    }

    private static PubsubNode node(EntityBareJid owner, String name, int maxItems) {
        return new PubsubNode(owner, name, PubsubAccess.PRESENCE, maxItems, true, "on_sub_and_presence", List.of());
    }

    private static PubsubItem item(String id, String text, int second) {
        Element payload = Element.builder("mood", MOOD).child(Element.of("happy", MOOD))
                .textChild("text", MOOD, text).build();
        return new PubsubItem(id, "a@example.org/r", payload, T0.plusSeconds(second));
    }

    private List<String> ids(EntityBareJid owner, String name, int max) {
        return store().items(owner, name, max).stream().map(PubsubItem::id).toList();
    }

    @Test
    void createsNodesOnceAndUnderTheLimit() {
        EntityBareJid owner = newJid("alice");
        assertThat(store().node(owner, MOOD)).isEmpty();
        assertThat(store().create(node(owner, MOOD, 1), 2)).isTrue();
        assertThat(store().create(node(owner, MOOD, 5), 2)).as("exists already").isFalse();
        assertThat(store().node(owner, MOOD)).contains(node(owner, MOOD, 1));
        assertThat(store().create(node(owner, "b", 1), 2)).isTrue();
        assertThat(store().create(node(owner, "c", 1), 2)).as("two nodes at most").isFalse();
        assertThat(store().nodes(owner)).extracting(PubsubNode::name).containsExactly("b", MOOD);
        assertThat(store().nodes(newJid("other"))).isEmpty();
    }

    @Test
    void configurationRoundTripsWithRosterGroups() {
        EntityBareJid owner = newJid("bob");
        PubsubNode n = new PubsubNode(owner, "urn:xmpp:bookmarks:1", PubsubAccess.ROSTER, 250, false, "never",
                List.of("Friends", "Caf\u00e9 \u4f60\u597d"));
        store().create(n, 10);
        assertThat(store().node(owner, n.name())).contains(n);
        PubsubNode changed = n.withConfig(PubsubAccess.WHITELIST, 3, true, "on_sub", List.of());
        assertThat(store().configure(changed)).isTrue();
        assertThat(store().node(owner, n.name())).contains(changed);
        assertThat(store().configure(node(owner, "missing", 1))).isFalse();
    }

    @Test
    void publishReplacesByIdAndKeepsTheNewest() {
        EntityBareJid owner = newJid("carol");
        store().create(node(owner, MOOD, 3), 10);
        for (int i = 0; i < 5; i++) store().publish(owner, MOOD, item("i" + i, "t" + i, i), 3);
        assertThat(ids(owner, MOOD, 10)).containsExactly("i4", "i3", "i2");
        store().publish(owner, MOOD, item("i2", "again", 9), 3);
        assertThat(ids(owner, MOOD, 10)).as("a republished item becomes the newest").containsExactly("i2", "i4", "i3");
        assertThat(ids(owner, MOOD, 1)).containsExactly("i2");
        PubsubItem read = store().item(owner, MOOD, "i2").orElseThrow();
        assertThat(read).isEqualTo(item("i2", "again", 9));
        assertThat(store().item(owner, MOOD, "i0")).isEmpty();
        assertThat(store().items(owner, MOOD, 0)).isEmpty();
    }

    @Test
    void retractAndLoweringMaxItemsRemoveItems() {
        EntityBareJid owner = newJid("dave");
        PubsubNode n = node(owner, "urn:xmpp:bookmarks:1", 10);
        store().create(n, 10);
        for (int i = 0; i < 4; i++) store().publish(owner, n.name(), item("r" + i, "x", i), 10);
        assertThat(store().retract(owner, n.name(), "r1")).isTrue();
        assertThat(store().retract(owner, n.name(), "r1")).isFalse();
        assertThat(ids(owner, n.name(), 10)).containsExactly("r3", "r2", "r0");
        store().configure(n.withConfig(PubsubAccess.WHITELIST, 2, true, "never", List.of()));
        assertThat(ids(owner, n.name(), 10)).containsExactly("r3", "r2");
        store().configure(n.withConfig(PubsubAccess.WHITELIST, 2, false, "never", List.of()));
        assertThat(ids(owner, n.name(), 10)).as("a node that stops persisting keeps nothing").isEmpty();
    }

    @Test
    void deletingANodeOrAnAccountRemovesItsItems() {
        EntityBareJid owner = newJid("erin");
        EntityBareJid other = newJid("frank");
        store().create(node(owner, MOOD, 1), 10);
        store().create(node(owner, "geo", 1), 10);
        store().create(node(other, MOOD, 1), 10);
        store().publish(owner, MOOD, item("m", "mine", 0), 1);
        store().publish(other, MOOD, item("m", "theirs", 0), 1);
        assertThat(store().delete(owner, MOOD)).isTrue();
        assertThat(store().delete(owner, MOOD)).isFalse();
        assertThat(store().items(owner, MOOD, 10)).isEmpty();
        store().create(node(owner, MOOD, 1), 10);
        assertThat(store().items(owner, MOOD, 10)).as("a recreated node starts empty").isEmpty();
        store().deleteAll(owner);
        assertThat(store().nodes(owner)).isEmpty();
        assertThat(store().item(other, MOOD, "m").orElseThrow().payload().childText("text", MOOD)).isEqualTo("theirs");
    }

    @Test
    void itemsSurviveClosingAndReopening() {
        EntityBareJid owner = newJid("durable");
        store().create(node(owner, MOOD, 1), 10);
        store().publish(owner, MOOD, item("kept", "\u00e9 <&> \uD83D\uDE00", 0), 1);
        reopen();
        assertThat(store().item(owner, MOOD, "kept")).contains(item("kept", "\u00e9 <&> \uD83D\uDE00", 0));
    }
}
