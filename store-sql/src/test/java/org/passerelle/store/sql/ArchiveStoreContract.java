package org.passerelle.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.Jid;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.store.ArchiveFilter;
import org.passerelle.core.store.ArchivePage;
import org.passerelle.core.store.ArchiveStore;
import org.passerelle.core.store.ArchivedMessage;
import org.passerelle.xml.Element;

/** What every {@link ArchiveStore} must do; subclassed once per backend. */
abstract class ArchiveStoreContract extends StoresFixture {
    private static final Instant T0 = Instant.parse("2025-01-02T03:04:05.678Z");

    private ArchiveStore store() {
        return stores.archive();
    }

    private static ArchivedMessage message(String with, String body, int second, boolean outgoing) {
        Element stanza = Element.builder("message", "jabber:client").attr("type", "chat")
                .textChild("body", "jabber:client", body).build();
        return new ArchivedMessage(null, T0.plusSeconds(second), Jids.of(with), outgoing, stanza);
    }

    /** Ten messages m0..m9 one second apart, with bob (two resources) and carol in turn. */
    private List<ArchivedMessage> fill(BareJid owner) {
        List<ArchivedMessage> stored = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String with = switch (i % 3) {
                case 0 -> "bob@example.org/phone";
                case 1 -> "bob@example.org/pc";
                default -> "carol@example.org";
            };
            stored.add(store().append(owner, message(with, "m" + i, i, i % 2 == 0)));
        }
        return stored;
    }

    private static List<String> bodies(ArchivePage page) {
        return page.messages().stream().map(m -> m.stanza().childText("body", "jabber:client")).toList();
    }

    private static Jid jid(String s) {
        return Jids.of(s);
    }

    @Test
    void appendsWithIncreasingIdsAndReadsBackExactly() {
        BareJid owner = newJid("alice");
        List<ArchivedMessage> stored = fill(owner);
        assertThat(stored).extracting(ArchivedMessage::id).doesNotHaveDuplicates().isSorted().allMatch(id -> id.length() == 13);
        ArchivePage page = store().page(owner, ArchiveFilter.ALL, null, null, false, 100);
        assertThat(page.complete()).isTrue();
        assertThat(page.messages()).isEqualTo(stored);
        ArchivedMessage third = page.messages().get(2);
        assertThat(third.stamp()).isEqualTo(T0.plusSeconds(2));
        assertThat(third.with().toString()).isEqualTo("carol@example.org");
        assertThat(third.outgoing()).isTrue();
        assertThat(page.messages().get(1).with().toString()).isEqualTo("bob@example.org/pc");
        assertThat(third.stanza()).isEqualTo(message("x", "m2", 0, true).stanza());
    }

    @Test
    void idsStayOrderedWithinOneMillisecond() {
        BareJid owner = newJid("burst");
        List<ArchivedMessage> same = new ArrayList<>();
        for (int i = 0; i < 50; i++) same.add(message("bob@example.org", "b" + i, 0, false));
        List<ArchivedMessage> stored = store().appendAll(owner, same);
        assertThat(stored).extracting(ArchivedMessage::id).doesNotHaveDuplicates().isSorted();
        ArchivePage page = store().page(owner, ArchiveFilter.ALL, null, null, false, 100);
        assertThat(bodies(page)).first().isEqualTo("b0");
        assertThat(bodies(page)).last().isEqualTo("b49");
        assertThat(store().count(owner, ArchiveFilter.ALL)).isEqualTo(50);
    }

    @Test
    void pagesForwardFromTheStartAndBackwardFromTheEnd() {
        BareJid owner = newJid("pager");
        List<ArchivedMessage> s = fill(owner);
        ArchivePage first = store().page(owner, ArchiveFilter.ALL, null, null, false, 4);
        assertThat(bodies(first)).containsExactly("m0", "m1", "m2", "m3");
        assertThat(first.complete()).isFalse();
        ArchivePage next = store().page(owner, ArchiveFilter.ALL, s.get(3).id(), null, false, 4);
        assertThat(bodies(next)).containsExactly("m4", "m5", "m6", "m7");
        ArchivePage rest = store().page(owner, ArchiveFilter.ALL, s.get(7).id(), null, false, 4);
        assertThat(bodies(rest)).containsExactly("m8", "m9");
        assertThat(rest.complete()).isTrue();
        ArchivePage exact = store().page(owner, ArchiveFilter.ALL, s.get(5).id(), null, false, 4);
        assertThat(exact.complete()).as("the page ends where the archive ends").isTrue();

        ArchivePage last = store().page(owner, ArchiveFilter.ALL, null, null, true, 4);
        assertThat(bodies(last)).as("newest page, still oldest first").containsExactly("m6", "m7", "m8", "m9");
        assertThat(last.complete()).isFalse();
        ArchivePage before = store().page(owner, ArchiveFilter.ALL, null, s.get(6).id(), true, 4);
        assertThat(bodies(before)).containsExactly("m2", "m3", "m4", "m5");
        ArchivePage oldest = store().page(owner, ArchiveFilter.ALL, null, s.get(2).id(), true, 4);
        assertThat(bodies(oldest)).containsExactly("m0", "m1");
        assertThat(oldest.complete()).isTrue();
        ArchivePage between = store().page(owner, ArchiveFilter.ALL, s.get(2).id(), s.get(6).id(), false, 10);
        assertThat(bodies(between)).containsExactly("m3", "m4", "m5");
        assertThat(store().page(owner, ArchiveFilter.ALL, null, null, false, 0).messages()).isEmpty();
    }

    @Test
    void filtersByPeerTimeAndIds() {
        BareJid owner = newJid("filter");
        List<ArchivedMessage> s = fill(owner);
        ArchiveFilter bob = ArchiveFilter.with(jid("bob@example.org"));
        assertThat(bodies(store().page(owner, bob, null, null, false, 100))).containsExactly("m0", "m1", "m3", "m4", "m6", "m7", "m9");
        ArchiveFilter phone = ArchiveFilter.with(jid("bob@example.org/phone"));
        assertThat(bodies(store().page(owner, phone, null, null, false, 100))).containsExactly("m0", "m3", "m6", "m9");
        assertThat(store().count(owner, phone)).isEqualTo(4);
        assertThat(store().count(owner, ArchiveFilter.with(jid("carol@example.org/any")))).as("carol was addressed bare").isZero();
        assertThat(store().count(owner, ArchiveFilter.with(jid("dave@example.org")))).isZero();

        ArchiveFilter time = new ArchiveFilter(null, T0.plusSeconds(2), T0.plusSeconds(5), null, null, List.of());
        assertThat(bodies(store().page(owner, time, null, null, false, 100))).as("start and end are inclusive")
                .containsExactly("m2", "m3", "m4", "m5");
        ArchiveFilter ids = new ArchiveFilter(null, null, null, s.get(1).id(), s.get(8).id(), List.of());
        assertThat(bodies(store().page(owner, ids, null, null, true, 3))).containsExactly("m5", "m6", "m7");
        assertThat(store().count(owner, ids)).isEqualTo(6);
        ArchiveFilter chosen = new ArchiveFilter(jid("bob@example.org"), null, null, null, null,
                List.of(s.get(0).id(), s.get(2).id(), s.get(9).id(), "nonsense"));
        assertThat(bodies(store().page(owner, chosen, null, null, false, 100))).containsExactly("m0", "m9");
        ArchiveFilter combined = new ArchiveFilter(jid("bob@example.org"), T0.plusSeconds(1), null, s.get(3).id(), null, List.of());
        assertThat(bodies(store().page(owner, combined, s.get(4).id(), null, false, 2))).containsExactly("m6", "m7");
    }

    @Test
    void unknownIdsMatchNothingAndArchivesAreSeparate() {
        BareJid owner = newJid("own");
        BareJid other = newJid("other");
        List<ArchivedMessage> mine = fill(owner);
        ArchivedMessage theirs = store().append(other, message("bob@example.org", "theirs", 0, true));
        assertThat(store().contains(owner, mine.get(4).id())).isTrue();
        assertThat(store().contains(owner, theirs.id())).isFalse();
        assertThat(store().contains(owner, "not-an-id")).isFalse();
        assertThat(store().contains(owner, mine.get(4).id().toUpperCase())).isFalse();
        assertThat(store().page(owner, ArchiveFilter.ALL, "garbage", null, false, 10).messages()).isEmpty();
        assertThat(store().page(owner, new ArchiveFilter(null, null, null, null, "zz", List.of()), null, null, false, 10)
                .messages()).isEmpty();
        assertThat(bodies(store().page(other, ArchiveFilter.ALL, null, null, false, 10))).containsExactly("theirs");
        store().deleteAll(owner);
        assertThat(store().count(owner, ArchiveFilter.ALL)).isZero();
        assertThat(store().count(owner, ArchiveFilter.with(jid("bob@example.org")))).isZero();
        assertThat(store().edge(owner, true)).isEmpty();
        assertThat(store().count(other, ArchiveFilter.ALL)).isEqualTo(1);
    }

    @Test
    void edgesAreTheOldestAndNewest() {
        BareJid owner = newJid("edges");
        List<ArchivedMessage> s = fill(owner);
        assertThat(store().edge(owner, false)).contains(s.getFirst());
        assertThat(store().edge(owner, true)).contains(s.getLast());
    }

    @Test
    void retentionDeletesByAgeAndByCount() {
        BareJid a = newJid("ret");
        BareJid b = newJid("ret");
        fill(a);
        fill(b);
        int removed = store().deleteBefore(T0.plusSeconds(3));
        assertThat(removed).isGreaterThanOrEqualTo(6); // other tests' archives share the table and are older
        assertThat(bodies(store().page(a, ArchiveFilter.ALL, null, null, false, 100))).containsExactly("m3", "m4", "m5", "m6", "m7", "m8", "m9");
        assertThat(store().count(a, ArchiveFilter.ALL)).isEqualTo(7);
        BareJid c = newJid("small");
        store().append(c, message("bob@example.org", "only", 100, false));
        store().trim(4);
        assertThat(bodies(store().page(a, ArchiveFilter.ALL, null, null, false, 100))).containsExactly("m6", "m7", "m8", "m9");
        assertThat(bodies(store().page(b, ArchiveFilter.ALL, null, null, false, 100))).containsExactly("m6", "m7", "m8", "m9");
        assertThat(bodies(store().page(c, ArchiveFilter.ALL, null, null, false, 100))).containsExactly("only");
        assertThat(store().count(b, ArchiveFilter.ALL)).isEqualTo(4);
        assertThat(store().count(c, ArchiveFilter.ALL)).isEqualTo(1);
        store().trim(0);
        assertThat(store().count(c, ArchiveFilter.ALL)).isZero();
    }

    @Test
    void concurrentAppendsAreAllKeptAndCounted() throws Exception {
        BareJid owner = newJid("busy");
        int threads = 8;
        int each = 25;
        List<Callable<List<ArchivedMessage>>> work = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            work.add(() -> {
                List<ArchivedMessage> mine = new ArrayList<>();
                for (int i = 0; i < each; i++) mine.add(store().append(owner, message("bob@example.org", thread + "/" + i, 0, true)));
                return mine;
            });
        }
        Set<String> ids = new HashSet<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (Future<List<ArchivedMessage>> f : pool.invokeAll(work)) for (ArchivedMessage m : f.get()) ids.add(m.id());
        }
        assertThat(ids).hasSize(threads * each);
        assertThat(store().count(owner, ArchiveFilter.ALL)).isEqualTo(threads * each);
        assertThat(store().count(owner, ArchiveFilter.with(jid("bob@example.org")))).isEqualTo(threads * each);
        assertThat(store().page(owner, ArchiveFilter.ALL, null, null, false, 1000).messages()).extracting(ArchivedMessage::id)
                .containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void messagesSurviveClosingAndReopening() {
        BareJid owner = newJid("durable");
        ArchivedMessage kept = store().append(owner, message("bob@example.org/r", "kept", 0, true));
        reopen();
        assertThat(store().page(owner, ArchiveFilter.ALL, null, null, false, 10).messages()).containsExactly(kept);
        ArchivedMessage later = store().append(owner, message("bob@example.org/r", "later", 1, true));
        assertThat(later.id()).as("a later message sorts after, across a restart").isGreaterThan(kept.id());
    }
}
