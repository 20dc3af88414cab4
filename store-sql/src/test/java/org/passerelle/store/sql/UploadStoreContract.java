package org.passerelle.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.store.StoredUpload;
import org.passerelle.core.store.UploadStore;

/** What every {@link UploadStore} must do; subclassed once per backend. */
abstract class UploadStoreContract extends StoresFixture {
    private static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");

    private UploadStore store() {
        return stores.uploads();
    }

    private static StoredUpload slot(String id, EntityBareJid owner, long size, Instant expires) {
        return new StoredUpload(id, owner, "caf\u00e9 <1>.jpg", size, "image/jpeg", "hash-" + id, NOW, expires,
                StoredUpload.State.PENDING);
    }

    private static String id(String name) {
        return newDomain() + "-" + name;
    }

    @Test
    void aReservedSlotIsFoundAsSavedAndThenStoredOnce() {
        EntityBareJid owner = newJid("alice");
        String id = id("a");
        StoredUpload s = slot(id, owner, 1234, NOW.plusSeconds(300));
        assertThat(store().reserve(s, 10_000, NOW)).isTrue();
        assertThat(store().find(id)).hasValue(s);
        assertThat(store().find(id("missing"))).isEmpty();

        assertThat(store().markStored(id, null)).isTrue();
        StoredUpload stored = store().find(id).orElseThrow();
        assertThat(stored.state()).isEqualTo(StoredUpload.State.STORED);
        assertThat(stored.expires()).as("kept forever").isNull();
        assertThat(store().markStored(id, NOW)).as("a slot is used once").isFalse();

        String other = id("b");
        store().reserve(slot(other, owner, 1, NOW.plusSeconds(300)), 10_000, NOW);
        assertThat(store().markStored(other, NOW.plusSeconds(86_400))).isTrue();
        assertThat(store().find(other).orElseThrow().expires()).isEqualTo(NOW.plusSeconds(86_400));
        reopen();
        assertThat(store().find(id).orElseThrow().state()).isEqualTo(StoredUpload.State.STORED);
    }

    @Test
    void theQuotaCountsStoredFilesAndLivePendingSlots() {
        EntityBareJid owner = newJid("bob");
        assertThat(store().reserve(slot(id("1"), owner, 600, NOW.plusSeconds(300)), 1000, NOW)).isTrue();
        assertThat(store().reserve(slot(id("2"), owner, 500, NOW.plusSeconds(300)), 1000, NOW)).as("600 + 500 > 1000").isFalse();
        assertThat(store().reserve(slot(id("3"), owner, 400, NOW.plusSeconds(300)), 1000, NOW)).as("exactly the quota").isTrue();
        assertThat(store().usedBytes(owner, NOW)).isEqualTo(1000);
        assertThat(store().reserve(slot(id("4"), newJid("carol"), 1000, NOW.plusSeconds(300)), 1000, NOW))
                .as("quotas are per owner").isTrue();
        // Once the pending slots expired unused, they no longer count.
        Instant later = NOW.plusSeconds(301);
        assertThat(store().usedBytes(owner, later)).isZero();
        assertThat(store().reserve(slot(id("5"), owner, 1000, later.plusSeconds(300)), 1000, later)).isTrue();
    }

    @Test
    void expiredRecordsAreListedOldestFirstAndDeleted() {
        EntityBareJid owner = newJid("dave");
        Instant far = NOW.plusSeconds(1_000_000_000L);
        String pendingOld = id("p");
        String storedOld = id("s");
        String forever = id("f");
        store().reserve(slot(pendingOld, owner, 1, far.minusSeconds(10)), 100, NOW);
        store().reserve(slot(storedOld, owner, 1, far.plusSeconds(10)), 100, NOW);
        store().markStored(storedOld, far.minusSeconds(20));
        store().reserve(slot(forever, owner, 1, far.plusSeconds(10)), 100, NOW);
        store().markStored(forever, null);

        assertThat(store().expired(far, 100)).extracting(StoredUpload::id).containsExactly(storedOld, pendingOld);
        assertThat(store().expired(far, 1)).extracting(StoredUpload::id).containsExactly(storedOld);
        assertThat(store().delete(storedOld)).isTrue();
        assertThat(store().delete(storedOld)).isFalse();
        assertThat(store().find(storedOld)).isEmpty();
    }

    @Test
    void deleteAllRemovesOneOwnersRecordsAndReturnsThem() {
        EntityBareJid owner = newJid("erin");
        EntityBareJid other = newJid("frank");
        String a = id("a");
        String b = id("b");
        String c = id("c");
        store().reserve(slot(a, owner, 1, NOW.plusSeconds(300)), 100, NOW);
        store().reserve(slot(b, owner, 1, NOW.plusSeconds(300)), 100, NOW);
        store().markStored(b, null);
        store().reserve(slot(c, other, 1, NOW.plusSeconds(300)), 100, NOW);
        assertThat(store().deleteAll(owner)).extracting(StoredUpload::id).containsExactlyInAnyOrder(a, b);
        assertThat(store().find(a)).isEmpty();
        assertThat(store().find(c)).isPresent();
        assertThat(store().deleteAll(owner)).isEmpty();
    }
}
