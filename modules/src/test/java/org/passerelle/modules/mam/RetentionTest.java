package org.passerelle.modules.mam;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.BareJid;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.store.ArchiveFilter;
import org.passerelle.core.store.ArchiveStore;
import org.passerelle.core.store.ArchivedMessage;
import org.passerelle.core.testing.MemoryStores;
import org.passerelle.xml.Element;

class RetentionTest {
    private static final Instant NOW = Instant.parse("2026-11-26T05:00:00Z");
    private static final BareJid ALICE = Jids.of("alice@localhost").asBareJid();
    private static final BareJid BOB = Jids.of("bob@localhost").asBareJid();

    private static void fill(ArchiveStore store, BareJid owner, int... daysAgo) {
        for (int d : daysAgo) {
            store.append(owner, new ArchivedMessage(null, NOW.minus(Duration.ofDays(d)), Jids.of("x@localhost"), true,
                    Element.builder("message", "jabber:client").textChild("body", "jabber:client", d + " days").build()));
        }
    }

    @Test
    void removesMessagesPastTheAgeThenPastTheCount() {
        ArchiveStore store = new MemoryStores().archive();
        fill(store, ALICE, 100, 40, 20, 10, 5, 1);
        fill(store, BOB, 45, 2);
        MamOptions options = new MamOptions(30, 3, null, null, null, null, null);
        Retention retention = new Retention(store, Clock.fixed(NOW, ZoneOffset.UTC), options);
        assertThat(retention.needed()).isTrue();
        retention.run();
        assertThat(store.page(ALICE, ArchiveFilter.ALL, null, null, false, 10).messages())
                .extracting(m -> m.stanza().childText("body", "jabber:client")).containsExactly("10 days", "5 days", "1 days");
        assertThat(store.count(BOB, ArchiveFilter.ALL)).isEqualTo(1);
    }

    @Test
    void keepsEverythingByDefault() {
        assertThat(new Retention(new MemoryStores().archive(), Clock.systemUTC(), new MamOptions(null, null, null, null, null, null, null))
                .needed()).isFalse();
    }
}
