package org.passerelle.gateway.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class MoPartsTest {
    private static final Instant T0 = Instant.parse("2026-11-26T08:00:00Z");
    private final MoParts parts = new MoParts();

    @Test
    void partsOfOneTextAreJoinedInOrderAndKeptApartFromOthers() {
        assertThat(parts.add("s", "+331", 9, 3, 3, "c", T0)).isEqualTo(new MoParts.Result.Waiting());
        assertThat(parts.add("s", "+332", 9, 3, 1, "X", T0)).as("another phone, same reference").isEqualTo(new MoParts.Result.Waiting());
        assertThat(parts.add("s", "+331", 9, 3, 1, "a", T0)).isEqualTo(new MoParts.Result.Waiting());
        assertThat(parts.add("s", "+331", 9, 3, 2, "b", T0)).isEqualTo(new MoParts.Result.Complete("abc"));
        assertThat(parts.add("s", "+331", 9, 3, 2, "b", T0)).as("not handled yet: the last part's retry completes it again")
                .isEqualTo(new MoParts.Result.Complete("abc"));
        parts.done("s", "+331", 9, 3);
        assertThat(parts.add("s", "+331", 9, 3, 2, "b", T0)).as("a late retry starts a new text").isEqualTo(new MoParts.Result.Waiting());
    }

    @Test
    void oldPartsExpireAndBadSequencesAreRefused() {
        parts.add("s", "+331", 1, 2, 1, "a", T0);
        assertThat(parts.add("s", "+331", 1, 2, 2, "b", T0.plus(MoParts.MAX_AGE).plusSeconds(1)))
                .as("the first part expired").isEqualTo(new MoParts.Result.Waiting());
        assertThat(parts.add("s", "+331", 1, 2, 3, "c", T0)).isInstanceOf(MoParts.Result.Refused.class);
        assertThat(parts.add("s", "+331", 1, 2, 0, "c", T0)).isInstanceOf(MoParts.Result.Refused.class);
    }
}
