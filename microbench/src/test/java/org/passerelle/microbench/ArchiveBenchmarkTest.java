package org.passerelle.microbench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.passerelle.core.store.ArchivePage;
import org.passerelle.core.store.ArchivedMessage;

class ArchiveBenchmarkTest {
    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void eachQueryReadsOnePageOfTheFilledArchive(String backend) throws Exception {
        ArchiveBenchmark benchmark = new ArchiveBenchmark();
        benchmark.backend = backend;
        benchmark.messages = 25_000; // three batches, the last one partial
        benchmark.open();
        try {
            assertThat(benchmark.countAll()).isEqualTo(25_000);
            assertThat(benchmark.countWithContact()).isEqualTo(25_000 / ArchiveBenchmark.CONTACTS);
            ArchivePage newest = benchmark.newest50();
            ArchivePage oldest = benchmark.oldest50();
            assertThat(newest.messages()).hasSize(ArchiveBenchmark.PAGE);
            assertThat(newest.complete()).isFalse();
            assertThat(oldest.messages().getLast().stamp()).isBefore(newest.messages().getFirst().stamp());
            assertThat(newest.messages().getLast().id()).isGreaterThan(newest.messages().getFirst().id());
            ArchivePage mine = benchmark.newest50WithContact();
            assertThat(mine.messages()).hasSize(ArchiveBenchmark.PAGE)
                    .allSatisfy(m -> assertThat(m.with().toString()).isEqualTo("contact7@example.org"));
            ArchivedMessage added = benchmark.append();
            assertThat(benchmark.newest50().messages().getLast()).isEqualTo(added);
            assertThat(benchmark.countAll()).isEqualTo(25_001);
        } finally {
            benchmark.close();
        }
    }
}
