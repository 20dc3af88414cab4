package org.passerelle.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ArchiveIdsTest {
    private static final Instant T = Instant.parse("2026-11-26T05:00:00.123Z");

    @Test
    void idsCarryTheirTimeAndSortInOneMillisecond() {
        ArchiveIds ids = new ArchiveIds(new Random(1));
        long previous = -1;
        for (int i = 0; i < 1000; i++) {
            long id = ids.next(T);
            assertThat(id).isGreaterThan(previous);
            assertThat(ArchiveIds.time(id)).isEqualTo(T);
            assertThat(id).isBetween(ArchiveIds.floor(T), ArchiveIds.ceiling(T));
            previous = id;
        }
        long earlier = ids.next(T.minusSeconds(60));
        assertThat(ArchiveIds.time(earlier)).as("an import keeps its time").isEqualTo(T.minusSeconds(60));
    }

    @Test
    void aBurstPastOneMillisecondStaysUniqueAndOrdered() {
        ArchiveIds ids = new ArchiveIds(new Random(3));
        long previous = -1;
        for (int i = 0; i < 300_000; i++) { // more than one millisecond holds
            long id = ids.next(T);
            assertThat(id).isGreaterThan(previous);
            previous = id;
        }
        assertThat(ArchiveIds.time(previous)).isAfter(T);
        assertThat(ids.next(T)).as("the same time again, still after").isGreaterThan(previous);
        assertThat(ids.next(T.minusSeconds(1))).as("an older time keeps its own").isLessThan(ArchiveIds.floor(T));
        assertThat(ids.next(T.plusSeconds(1))).isGreaterThan(previous);
        long older = ids.next(T.minusSeconds(5));
        for (int i = 0; i < 1000; i++) {
            long next = ids.next(T.minusSeconds(5));
            assertThat(next).as("an older burst keeps its order").isGreaterThan(older);
            older = next;
        }
    }

    @Test
    void textFormSortsLikeTheNumberAndHasOneSpelling() {
        ArchiveIds ids = new ArchiveIds(new Random(2));
        long a = ids.next(T);
        long b = ids.next(T.plusMillis(1));
        assertThat(ArchiveIds.format(a)).hasSize(13).isLessThan(ArchiveIds.format(b));
        assertThat(ArchiveIds.parse(ArchiveIds.format(a))).hasValue(a);
        assertThat(ArchiveIds.parse(ArchiveIds.format(a).toUpperCase())).isEmpty();
        assertThat(ArchiveIds.parse("-" + ArchiveIds.format(a).substring(1))).isEmpty();
        assertThat(ArchiveIds.parse("hello")).isEmpty();
        assertThat(ArchiveIds.parse(null)).isEmpty();
        assertThat(ArchiveIds.parse("zzzzzzzzzzzzz")).as("past the largest long").isEmpty();
    }
}
