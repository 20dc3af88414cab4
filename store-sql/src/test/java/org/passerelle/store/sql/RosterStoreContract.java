package org.passerelle.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.store.RosterItem;
import org.passerelle.core.store.RosterStore;
import org.passerelle.core.store.Subscription;

/** What every {@link RosterStore} must do; subclassed once per backend. */
abstract class RosterStoreContract extends StoresFixture {
    private RosterStore store() {
        return stores.roster();
    }

    private static BareJid bare(String s) {
        return Jids.of(s).asBareJid();
    }

    @Test
    void anEmptyRosterHasVersionZero() {
        EntityBareJid owner = newJid("empty");
        assertThat(store().items(owner)).isEmpty();
        assertThat(store().version(owner)).isZero();
        assertThat(store().count(owner)).isZero();
        assertThat(store().item(owner, bare("x@y.example"))).isEmpty();
    }

    @Test
    void putKeepsEveryFieldAndBumpsTheVersion() {
        EntityBareJid owner = newJid("alice");
        RosterItem juliet = new RosterItem(bare("juliet@capulet.example"), "Juliet \u2764", Set.of("Friends", "Verona \u00e9t\u00e9"),
                Subscription.BOTH, false, false, false);
        RosterItem pending = new RosterItem(bare("romeo@montague.example"), null, Set.of(), Subscription.NONE, true, true, true);
        RosterItem gateway = RosterItem.of(bare("sms.example")).withSubscription(Subscription.TO).withPendingIn(true);
        RosterItem stranger = RosterItem.pendingRequest(bare("stranger@elsewhere.example"));
        EntityBareJid other = newJid("other");
        store().put(other, stranger);
        assertThat(store().item(other, stranger.contact())).contains(stranger);
        assertThat(store().item(other, stranger.contact()).orElseThrow().listed()).isFalse();
        assertThat(store().put(owner, juliet)).isEqualTo(1);
        assertThat(store().put(owner, pending)).isEqualTo(2);
        assertThat(store().put(owner, gateway)).isEqualTo(3);
        assertThat(store().version(owner)).isEqualTo(3);
        assertThat(store().count(owner)).isEqualTo(3);
        assertThat(store().item(owner, juliet.contact())).contains(juliet);
        assertThat(store().item(owner, pending.contact())).contains(pending);
        assertThat(store().items(owner)).containsExactlyInAnyOrder(juliet, pending, gateway);
    }

    @Test
    void putReplacesAnItemWithItsGroups() {
        EntityBareJid owner = newJid("bob");
        BareJid contact = bare("carol@example.org");
        store().put(owner, RosterItem.of(contact).withName("C").withGroups(Set.of("a", "b")));
        RosterItem replaced = RosterItem.of(contact).withGroups(Set.of("b", "c")).withSubscription(Subscription.FROM).withAskOut(true);
        assertThat(store().put(owner, replaced)).isEqualTo(2);
        assertThat(store().items(owner)).containsExactly(replaced);
        store().put(owner, replaced.withGroups(Set.of()));
        assertThat(store().item(owner, contact).orElseThrow().groups()).isEmpty();
        assertThat(store().count(owner)).isEqualTo(1);
    }

    @Test
    void removeBumpsTheVersionOnlyWhenSomethingWasRemoved() {
        EntityBareJid owner = newJid("dave");
        BareJid contact = bare("erin@example.org");
        store().put(owner, RosterItem.of(contact).withGroups(Set.of("g")));
        assertThat(store().remove(owner, contact)).isEqualTo(2);
        assertThat(store().remove(owner, contact)).isEqualTo(2);
        assertThat(store().remove(owner, bare("never@example.org"))).isEqualTo(2);
        assertThat(store().items(owner)).isEmpty();
        store().put(owner, RosterItem.of(contact));
        assertThat(store().item(owner, contact).orElseThrow().groups()).as("groups went with the item").isEmpty();
    }

    @Test
    void rostersOfOwnersAreSeparate() {
        EntityBareJid a = newJid("a");
        EntityBareJid b = newJid("b");
        BareJid contact = bare("shared@example.org");
        store().put(a, RosterItem.of(contact).withName("from a"));
        store().put(b, RosterItem.of(contact).withName("from b"));
        store().put(b, RosterItem.of(bare("other@example.org")));
        assertThat(store().item(a, contact).orElseThrow().name()).isEqualTo("from a");
        assertThat(store().version(a)).isEqualTo(1);
        assertThat(store().version(b)).isEqualTo(2);
        store().deleteAll(b);
        assertThat(store().items(b)).isEmpty();
        assertThat(store().version(b)).isZero();
        assertThat(store().items(a)).hasSize(1);
        assertThat(store().version(a)).isEqualTo(1);
    }

    @Test
    void concurrentChangesGetOneVersionEach() throws Exception {
        EntityBareJid owner = newJid("busy");
        int writers = 40;
        List<Callable<Long>> puts = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            RosterItem item = RosterItem.of(bare("c" + i + "@example.org")).withGroups(Set.of("g" + (i % 3)));
            puts.add(() -> store().put(owner, item));
        }
        List<Long> versions = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (Future<Long> f : pool.invokeAll(puts)) versions.add(f.get());
        }
        assertThat(versions).doesNotHaveDuplicates().allMatch(v -> v >= 1 && v <= writers);
        assertThat(store().version(owner)).isEqualTo(writers);
        assertThat(store().count(owner)).isEqualTo(writers);
    }

    @Test
    void updateIsAtomicUnderConcurrentReadModifyWrite() throws Exception {
        EntityBareJid owner = newJid("counter");
        BareJid contact = bare("counted@example.org");
        int writers = 40;
        List<Callable<org.passerelle.core.store.RosterChange>> increments = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            // Each change appends one group: a lost update would lose a group.
            String group = "g" + i;
            increments.add(() -> store().update(owner, contact, 100, item -> {
                RosterItem base = item == null ? RosterItem.of(contact) : item;
                Set<String> groups = new java.util.HashSet<>(base.groups());
                groups.add(group);
                return base.withGroups(groups);
            }));
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (Future<org.passerelle.core.store.RosterChange> f : pool.invokeAll(increments)) assertThat(f.get().changed()).isTrue();
        }
        assertThat(store().item(owner, contact).orElseThrow().groups()).hasSize(writers);
        assertThat(store().version(owner)).isEqualTo(writers);
    }

    @Test
    void updateRemovesRefusesWhenFullAndSkipsNoOps() {
        EntityBareJid owner = newJid("limited");
        BareJid first = bare("first@example.org");
        var created = store().update(owner, first, 1, item -> RosterItem.of(first).withName("F"));
        assertThat(created.before()).isNull();
        assertThat(created.after().name()).isEqualTo("F");
        assertThat(created.version()).isEqualTo(1);
        var same = store().update(owner, first, 1, item -> item);
        assertThat(same.changed()).isFalse();
        assertThat(store().version(owner)).isEqualTo(1);
        var full = store().update(owner, bare("second@example.org"), 1, item -> RosterItem.of(bare("second@example.org")));
        assertThat(full.full()).isTrue();
        assertThat(store().count(owner)).isEqualTo(1);
        var removed = store().update(owner, first, 1, item -> null);
        assertThat(removed.after()).isNull();
        assertThat(store().items(owner)).isEmpty();
        assertThat(removed.version()).isEqualTo(2);
    }

    @Test
    void rostersSurviveClosingAndReopening() {
        EntityBareJid owner = newJid("durable");
        RosterItem item = RosterItem.of(bare("kept@example.org")).withGroups(Set.of("g")).withSubscription(Subscription.BOTH);
        store().put(owner, item);
        reopen();
        assertThat(store().items(owner)).containsExactly(item);
        assertThat(store().version(owner)).isEqualTo(1);
    }

    @Test
    void putAllReplacesItemsAndGroupsWithOneVersionBump() {
        EntityBareJid owner = newJid("bulk");
        store().put(owner, RosterItem.of(bare("a@example.org")).withGroups(Set.of("old")));
        List<RosterItem> items = new ArrayList<>();
        items.add(new RosterItem(bare("a@example.org"), "A", Set.of("x", "y"), Subscription.BOTH, false, false, false));
        for (int i = 0; i < 60; i++) {
            items.add(new RosterItem(bare("c" + i + "@example.org"), "C" + i, Set.of("g"), Subscription.TO, i % 2 == 0, i % 3 == 0, i % 5 == 0));
        }
        assertThat(store().putAll(owner, items)).isEqualTo(2);
        assertThat(store().items(owner)).containsExactlyInAnyOrderElementsOf(items);
        assertThat(store().putAll(owner, List.of())).isEqualTo(2);
        assertThat(store().putAll(owner, items)).isEqualTo(3);
        assertThat(store().count(owner)).isEqualTo(61);
    }
}
