package org.passerelle.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.store.ChargingRecord;
import org.passerelle.core.store.SmsLink;
import org.passerelle.core.store.SmsMoPart;
import org.passerelle.core.store.SmsMoText;
import org.passerelle.core.store.SmsOutgoing;
import org.passerelle.core.store.SmsStore;

/** What every {@link SmsStore} must do; subclassed once per backend. */
abstract class SmsStoreContract extends StoresFixture {
    private static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");

    private SmsStore store() {
        return stores.sms();
    }

    /** A number no other test (nor an earlier run on the same database) uses. */
    private static String phone() {
        return "+33" + ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L);
    }

    @Test
    void oneNumberBelongsToOneAccount() {
        EntityBareJid alice = newJid("alice");
        EntityBareJid bob = newJid("bob");
        String phone = phone();
        assertThat(store().link(new SmsLink(alice, phone, "offline"))).isTrue();
        assertThat(store().link(new SmsLink(bob, phone, "offline"))).as("taken by alice").isFalse();
        assertThat(store().linkOfPhone(phone)).hasValue(new SmsLink(alice, phone, "offline"));
        assertThat(store().setForwarding(alice, "away")).isTrue();
        assertThat(store().setForwarding(bob, "away")).as("bob has no phone").isFalse();
        reopen();
        assertThat(store().linkOf(alice)).hasValue(new SmsLink(alice, phone, "away"));

        String other = phone();
        assertThat(store().link(new SmsLink(alice, other, "off"))).as("a new number replaces the old").isTrue();
        assertThat(store().linkOfPhone(phone)).isEmpty();
        assertThat(store().link(new SmsLink(bob, phone, "offline"))).as("the old number is free again").isTrue();
        assertThat(store().unlink(alice)).isTrue();
        assertThat(store().linkOf(alice)).isEmpty();
        assertThat(store().unlink(alice)).isFalse();
    }

    @Test
    void contactNumbersAreStableAndNotReusedWhileHigherOnesExist() {
        EntityBareJid alice = newJid("alice");
        assertThat(store().contactNumber(alice, "bob@example.org")).isEqualTo(1);
        assertThat(store().contactNumber(alice, "carol@example.org")).isEqualTo(2);
        assertThat(store().contactNumber(alice, "bob@example.org")).isEqualTo(1);
        assertThat(store().contactNumber(newJid("dave"), "carol@example.org")).as("per account").isEqualTo(1);
        assertThat(store().contact(alice, 2)).hasValue("carol@example.org");
        assertThat(store().contacts(alice)).containsExactly(java.util.Map.entry(1, "bob@example.org"),
                java.util.Map.entry(2, "carol@example.org"));
        assertThat(store().removeContact(alice, 1)).isTrue();
        assertThat(store().removeContact(alice, 1)).isFalse();
        assertThat(store().contact(alice, 1)).isEmpty();
        assertThat(store().contactNumber(alice, "erin@example.org")).isEqualTo(3);
    }

    @Test
    void theOutboxKeepsPendingSmsUntilSentAndOwesOneReceipt() {
        EntityBareJid alice = newJid("alice");
        String phone = phone();
        SmsOutgoing a = store().enqueue(SmsOutgoing.pending(alice, phone, "caf\u00e9 \u263a", "bob@example.org/r", "m1", NOW));
        SmsOutgoing b = store().enqueue(SmsOutgoing.pending(alice, phone, "later", null, null, NOW.plusSeconds(60)));
        assertThat(b.id()).isGreaterThan(a.id());
        assertThat(store().due(NOW, 100)).filteredOn(s -> s.account().equals(alice)).containsExactly(a);
        reopen();

        store().retryLater(a.id(), NOW.plusSeconds(10));
        assertThat(store().due(NOW, 100)).filteredOn(s -> s.account().equals(alice)).isEmpty();
        assertThat(store().due(NOW.plusSeconds(60), 100)).filteredOn(s -> s.account().equals(alice)).extracting(SmsOutgoing::id)
                .containsExactly(a.id(), b.id());
        assertThat(store().outgoing(a.id()).orElseThrow().attempts()).isEqualTo(1);

        String seg1 = "s1-" + phone;
        String seg2 = "s2-" + phone;
        assertThat(store().markSent(a.id(), List.of(seg1, seg2), List.of())).isTrue();
        assertThat(store().markSent(a.id(), List.of(seg1), List.of())).as("sent once").isFalse();
        assertThat(store().outgoing(a.id()).orElseThrow().status()).isEqualTo(SmsOutgoing.Status.SENT);
        SmsOutgoing owed = store().takeReceipt(seg2).orElseThrow();
        assertThat(owed.receiptTo()).isEqualTo("bob@example.org/r");
        assertThat(owed.receiptId()).isEqualTo("m1");
        assertThat(store().takeReceipt(seg1)).as("one receipt per SMS, not per segment").isEmpty();
        assertThat(store().takeReceipt("unknown-" + phone)).isEmpty();

        store().markFailed(b.id());
        assertThat(store().outgoing(b.id()).orElseThrow().status()).isEqualTo(SmsOutgoing.Status.FAILED);
        assertThat(store().due(NOW.plusSeconds(3600), 100)).filteredOn(s -> s.account().equals(alice)).isEmpty();
    }

    @Test
    void moKeysAreSeenOnceAndLastWritersRemembered() {
        String key = "smsc1:" + phone();
        assertThat(store().seen(key)).isFalse();
        assertThat(store().firstSeen(key, NOW, List.of())).isTrue();
        assertThat(store().seen(key)).isTrue();
        assertThat(store().firstSeen(key, NOW, List.of())).isFalse();
        EntityBareJid alice = newJid("alice");
        EntityBareJid bob = newJid("bob");
        String phone = phone();
        assertThat(store().lastWriter(phone)).isEmpty();
        store().setLastWriter(phone, alice);
        store().setLastWriter(phone, bob);
        assertThat(store().lastWriter(phone)).hasValue(bob);
    }

    private static ChargingRecord record(EntityBareJid user, String phone, String direction, long segments, String currency) {
        return new ChargingRecord(0, NOW, user, phone, "sms", direction, "segment", segments, new BigDecimal("0.12").multiply(
                BigDecimal.valueOf(segments)), currency, "sms");
    }

    private List<ChargingRecord> records(EntityBareJid user) {
        return stores.charging().records(user, NOW.minusSeconds(1), NOW.plusSeconds(1), 0, 100);
    }

    @Test
    void markingSentWritesTheRecordsInTheSameTransactionOnlyOnce() {
        EntityBareJid alice = newJid("alice");
        String phone = phone();
        SmsOutgoing sms = store().enqueue(SmsOutgoing.pending(alice, phone, "two parts", null, null, NOW));
        assertThat(store().markSent(sms.id(), List.of("a-" + phone, "b-" + phone), List.of(record(alice, phone, "out", 2, "GBP"))))
                .isTrue();
        reopen();
        assertThat(store().outgoing(sms.id()).orElseThrow().status()).isEqualTo(SmsOutgoing.Status.SENT);
        assertThat(records(alice)).singleElement().satisfies(r -> {
            assertThat(r.peer()).isEqualTo(phone);
            assertThat(r.direction()).isEqualTo("out");
            assertThat(r.quantity()).isEqualTo(2);
            assertThat(r.amount()).isEqualByComparingTo("0.24");
        });
        assertThat(store().markSent(sms.id(), List.of("c-" + phone), List.of(record(alice, phone, "out", 2, "GBP"))))
                .as("not pending any more: nothing written").isFalse();
        assertThat(records(alice)).hasSize(1);
    }

    @Test
    void aRecordThatCannotBeWrittenLeavesTheSmsPending() {
        EntityBareJid alice = newJid("alice");
        String phone = phone();
        SmsOutgoing sms = store().enqueue(SmsOutgoing.pending(alice, phone, "x", "bob@example.org/r", "m1", NOW));
        List<ChargingRecord> bad = List.of(record(alice, phone, "out", 1, "GBP"), record(alice, phone, "out", 1, null));
        assertThatThrownBy(() -> store().markSent(sms.id(), List.of("p-" + phone), bad)).as("currency NOT NULL")
                .isInstanceOf(RuntimeException.class);
        reopen();
        assertThat(store().outgoing(sms.id()).orElseThrow().status()).as("rolled back").isEqualTo(SmsOutgoing.Status.PENDING);
        assertThat(records(alice)).as("not even the first record").isEmpty();
        assertThat(store().takeReceipt("p-" + phone)).as("nor its parts").isEmpty();
        assertThat(store().markSent(sms.id(), List.of("p-" + phone), List.of(record(alice, phone, "out", 1, "GBP")))).isTrue();
        assertThat(records(alice)).hasSize(1);
    }

    @Test
    void aMoKeyIsStoredWithItsRecordsOnce() {
        EntityBareJid alice = newJid("alice");
        String phone = phone();
        String key = "smsc1:" + phone;
        assertThat(store().firstSeen(key, NOW, List.of(record(alice, phone, "in", 3, "GBP")))).isTrue();
        reopen();
        assertThat(store().seen(key)).isTrue();
        assertThat(records(alice)).singleElement().satisfies(r -> {
            assertThat(r.direction()).isEqualTo("in");
            assertThat(r.quantity()).isEqualTo(3);
        });
        assertThat(store().firstSeen(key, NOW, List.of(record(alice, phone, "in", 3, "GBP")))).as("a retry: nothing written")
                .isFalse();
        assertThat(records(alice)).hasSize(1);
    }

    @Test
    void aMoRecordThatCannotBeWrittenStoresNoKeySoTheRetryIsHandled() {
        EntityBareJid alice = newJid("alice");
        String phone = phone();
        String key = "smsc1:" + phone;
        assertThatThrownBy(() -> store().firstSeen(key, NOW, List.of(record(alice, phone, "in", 1, null))))
                .isInstanceOf(RuntimeException.class);
        reopen();
        assertThat(store().seen(key)).as("rolled back").isFalse();
        assertThat(records(alice)).isEmpty();
        assertThat(store().firstSeen(key, NOW, List.of(record(alice, phone, "in", 1, "GBP")))).isTrue();
        assertThat(records(alice)).hasSize(1);
    }

    private static SmsMoPart part(SmsMoText text, int sequence, String content, Instant received) {
        return new SmsMoPart(text, sequence, content, received);
    }

    @Test
    void moPartsAreKeptPerTextByPartNumberAndSurviveAReopen() {
        String phone = phone();
        SmsMoText text = new SmsMoText("smsc1", phone, 200, 3);
        SmsMoText otherPhone = new SmsMoText("smsc1", phone(), 200, 3);
        int waiting = store().moTextsWaiting();
        assertThat(store().addMoPart(part(text, 3, "c", NOW))).extracting(SmsMoPart::sequence).containsExactly(3);
        store().addMoPart(part(otherPhone, 1, "X", NOW));
        assertThat(store().addMoPart(part(text, 1, "a", NOW))).extracting(SmsMoPart::content).containsExactly("a", "c");
        assertThat(store().addMoPart(part(text, 1, "a", NOW.plusSeconds(1)))).as("received again: the first copy stays")
                .containsExactly(part(text, 1, "a", NOW), part(text, 3, "c", NOW));
        assertThat(store().moTextsWaiting()).isEqualTo(waiting + 2);
        reopen();
        assertThat(store().moParts(text)).extracting(SmsMoPart::content).containsExactly("a", "c");
        assertThat(store().moParts(new SmsMoText("smsc2", phone, 200, 3))).as("another SMSC").isEmpty();
        assertThat(store().moParts(new SmsMoText("smsc1", phone, 200, 2))).as("another total").isEmpty();
        store().deleteMoParts(otherPhone);
        assertThat(store().moParts(otherPhone)).isEmpty();
        assertThat(store().moParts(text)).hasSize(2);
    }

    @Test
    void completingATextStoresItsKeyAndRecordsAndDeletesItsPartsInOneCommit() {
        EntityBareJid alice = newJid("alice");
        String phone = phone();
        SmsMoText text = new SmsMoText("smsc1", phone, 7, 2);
        store().addMoPart(part(text, 1, "a", NOW));
        store().addMoPart(part(text, 2, "b", NOW));
        String key = "smsc1:" + phone;
        assertThat(store().firstSeen(key, NOW, List.of(record(alice, phone, "in", 2, "GBP")), text)).isTrue();
        reopen();
        assertThat(store().seen(key)).isTrue();
        assertThat(records(alice)).extracting(ChargingRecord::quantity).containsExactly(2L);
        assertThat(store().moParts(text)).isEmpty();

        store().addMoPart(part(text, 1, "a", NOW));
        store().addMoPart(part(text, 2, "b", NOW));
        assertThat(store().firstSeen(key, NOW, List.of(record(alice, phone, "in", 2, "GBP")), text)).as("a duplicate").isFalse();
        assertThat(records(alice)).as("nothing written").hasSize(1);
        assertThat(store().moParts(text)).as("nor deleted").hasSize(2);
    }

    @Test
    void aRecordThatCannotBeWrittenStoresNoKeyAndKeepsTheParts() {
        EntityBareJid alice = newJid("alice");
        String phone = phone();
        SmsMoText text = new SmsMoText("smsc1", phone, 8, 2);
        store().addMoPart(part(text, 1, "a", NOW));
        store().addMoPart(part(text, 2, "b", NOW));
        String key = "smsc1:" + phone;
        List<ChargingRecord> bad = List.of(record(alice, phone, "in", 2, "GBP"), record(alice, phone, "in", 2, null));
        assertThatThrownBy(() -> store().firstSeen(key, NOW, bad, text)).as("currency NOT NULL").isInstanceOf(RuntimeException.class);
        reopen();
        assertThat(store().seen(key)).as("rolled back").isFalse();
        assertThat(records(alice)).isEmpty();
        assertThat(store().moParts(text)).extracting(SmsMoPart::content).containsExactly("a", "b");
        assertThat(store().firstSeen(key, NOW, List.of(record(alice, phone, "in", 2, "GBP")), text)).as("the retry").isTrue();
        assertThat(records(alice)).hasSize(1);
        assertThat(store().moParts(text)).isEmpty();
    }

    @Test
    void textsWhoseLatestPartIsOldAreDeleted() {
        Instant old = NOW.minusSeconds(86_400);
        SmsMoText stale = new SmsMoText("smsc1", phone(), 1, 3);
        SmsMoText fresh = new SmsMoText("smsc1", phone(), 2, 2);
        store().addMoPart(part(stale, 1, "a", old));
        store().addMoPart(part(stale, 2, "b", old.plusSeconds(60)));
        store().addMoPart(part(fresh, 1, "a", old));
        store().addMoPart(part(fresh, 2, "b", old.plusSeconds(600)));
        Instant never = Instant.EPOCH; // no complete text goes in these two calls
        assertThat(store().deleteMoPartsBefore(old.plusSeconds(300), never)).isEqualTo(2);
        assertThat(store().moParts(stale)).isEmpty();
        assertThat(store().moParts(fresh)).as("complete, never handled: it waits for the retry of its last part").hasSize(2);
        assertThat(store().deleteMoPartsBefore(old.plusSeconds(601), never)).isZero();
        assertThat(store().deleteMoPartsBefore(old.plusSeconds(601), old.plusSeconds(601))).isEqualTo(2);
        assertThat(store().moParts(fresh)).isEmpty();
    }

    @Test
    void keysOfHandledTextsAreForgottenAfterAWhile() {
        String oldKey = "old-" + phone();
        String newKey = "new-" + phone();
        store().firstSeen(oldKey, NOW.minusSeconds(1000), List.of());
        store().firstSeen(newKey, NOW, List.of());
        assertThat(store().deleteSeenBefore(NOW.minusSeconds(500))).isGreaterThanOrEqualTo(1);
        assertThat(store().seen(oldKey)).isFalse();
        assertThat(store().seen(newKey)).isTrue();
    }

    @Test
    void onIsKeptWithTheLinkAndANewNumberStartsOff() {
        EntityBareJid alice = newJid("alice");
        String phone = phone();
        assertThat(store().setOnMobile(alice, true)).as("no phone linked").isFalse();
        store().link(new SmsLink(alice, phone, "offline"));
        assertThat(store().onMobile()).doesNotContain(alice);
        assertThat(store().setOnMobile(alice, true)).isTrue();
        reopen();
        assertThat(store().onMobile()).contains(alice);
        store().link(new SmsLink(alice, phone, "away")); // the same number, another mode
        assertThat(store().onMobile()).contains(alice);
        store().link(new SmsLink(alice, phone(), "away")); // another number
        assertThat(store().onMobile()).doesNotContain(alice);
        store().setOnMobile(alice, true);
        store().unlink(alice);
        assertThat(store().onMobile()).doesNotContain(alice);
    }

    @Test
    void deletingAnAccountRemovesItsData() {
        EntityBareJid alice = newJid("alice");
        String phone = phone();
        store().link(new SmsLink(alice, phone, "offline"));
        store().contactNumber(alice, "bob@example.org");
        store().setLastWriter(phone, alice);
        SmsOutgoing s = store().enqueue(SmsOutgoing.pending(alice, phone, "x", null, null, NOW));
        store().deleteAll(alice);
        assertThat(store().linkOfPhone(phone)).isEmpty();
        assertThat(store().contacts(alice)).isEmpty();
        assertThat(store().lastWriter(phone)).isEmpty();
        assertThat(store().outgoing(s.id())).isEmpty();
    }
}
