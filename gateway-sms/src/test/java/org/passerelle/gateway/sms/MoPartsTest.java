package org.passerelle.gateway.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.passerelle.core.store.SmsMoText;
import org.passerelle.core.store.SmsStore;
import org.passerelle.core.testing.MemoryStores;

class MoPartsTest {
    private static final Instant T0 = Instant.parse("2026-11-26T08:00:00Z");
    private final SmsStore store = new MemoryStores().sms();
    private final MoParts parts = new MoParts(store);

    @Test
    void partsOfOneTextAreJoinedInOrderAndKeptApartFromOthersUntilHandled() {
        SmsMoText text = new SmsMoText("s", "+331", 9, 3);
        assertThat(parts.add(text, 3, "c", T0)).isEqualTo(new MoParts.Result.Waiting());
        assertThat(parts.add(new SmsMoText("s", "+332", 9, 3), 1, "X", T0)).as("another phone, same reference")
                .isEqualTo(new MoParts.Result.Waiting());
        assertThat(parts.add(text, 1, "a", T0.plusSeconds(1))).isEqualTo(new MoParts.Result.Waiting());
        assertThat(parts.add(text, 2, "b", T0.plusSeconds(2))).isEqualTo(new MoParts.Result.Complete("abc", T0));
        assertThat(parts.add(text, 2, "b", T0.plusSeconds(30))).as("not handled yet: the last part's retry completes it again, "
                + "from the same first part").isEqualTo(new MoParts.Result.Complete("abc", T0));
        assertThat(store.firstSeen("k", T0, List.of(), text)).isTrue();
        assertThat(parts.add(text, 2, "b", T0.plusSeconds(40))).as("handled: a late retry waits alone")
                .isEqualTo(new MoParts.Result.Waiting());
    }

    @Test
    void textsExpireAfterTheirLatestPartAndBadSequencesAreRefused() {
        SmsMoText slow = new SmsMoText("s", "+331", 1, 3);
        SmsMoText stalled = new SmsMoText("s", "+331", 2, 2);
        parts.add(slow, 1, "a", T0);
        parts.add(slow, 2, "b", T0.plus(MoParts.MAX_AGE).minusSeconds(10));
        parts.add(stalled, 1, "a", T0);
        parts.expire(T0.plus(MoParts.MAX_AGE).plusSeconds(1));
        assertThat(store.moParts(slow)).as("its latest part is recent").hasSize(2);
        assertThat(parts.add(stalled, 2, "b", T0.plus(MoParts.MAX_AGE).plusSeconds(2))).as("its first part expired")
                .isEqualTo(new MoParts.Result.Waiting());
        assertThat(parts.add(stalled, 3, "c", T0)).isInstanceOf(MoParts.Result.Refused.class);
        assertThat(parts.add(stalled, 0, "c", T0)).isInstanceOf(MoParts.Result.Refused.class);
    }

    @Test
    void aCompleteTextNeverHandledWaitsDaysForTheRetryOfItsLastPart() {
        SmsMoText text = new SmsMoText("s", "+332", 9, 2);
        parts.add(text, 1, "a", T0);
        assertThat(parts.add(text, 2, "b", T0)).isInstanceOf(MoParts.Result.Complete.class); // then a crash before its commit
        parts.expire(T0.plus(MoParts.MAX_AGE).plusSeconds(1));
        assertThat(parts.add(text, 2, "b", T0.plus(Duration.ofHours(6)))).as("the SMSC's retry hours later")
                .isEqualTo(new MoParts.Result.Complete("ab", T0));
        parts.expire(T0.plus(MoParts.COMPLETE_MAX_AGE).plusSeconds(1));
        assertThat(store.moParts(text)).isEmpty();
    }

    @Test
    void aReferenceReusedForAnotherTextDropsTheOldIncompleteOne() {
        SmsMoText text = new SmsMoText("s", "+331", 5, 3);
        parts.add(text, 1, "old ", T0);
        parts.add(text, 2, "text", T0);
        assertThat(parts.add(text, 2, "new ", T0.plusSeconds(60))).isEqualTo(new MoParts.Result.Waiting());
        assertThat(store.moParts(text)).extracting(p -> p.content()).containsExactly("new ");
        parts.add(text, 1, "a ", T0.plusSeconds(61));
        assertThat(parts.add(text, 3, "text", T0.plusSeconds(62))).isEqualTo(new MoParts.Result.Complete("a new text", T0.plusSeconds(60)));
    }

    @Test
    void atMostMaxPendingTextsWaitButTheirPartsStillCome() {
        for (int i = 0; i < MoParts.MAX_PENDING; i++) parts.add(new SmsMoText("s", "+33" + i, 1, 2), 1, "a", T0);
        assertThat(parts.add(new SmsMoText("s", "+44", 1, 2), 1, "a", T0)).isInstanceOf(MoParts.Result.Refused.class);
        assertThat(parts.add(new SmsMoText("s", "+330", 1, 2), 2, "b", T0)).isEqualTo(new MoParts.Result.Complete("ab", T0));
    }
}
