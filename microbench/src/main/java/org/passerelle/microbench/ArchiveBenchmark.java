package org.passerelle.microbench;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.store.ArchiveFilter;
import org.passerelle.core.store.ArchivePage;
import org.passerelle.core.store.ArchivedMessage;
import org.passerelle.core.store.Stores;
import org.passerelle.store.sql.SqlStores;
import org.passerelle.xml.Element;

/**
 * XEP-0313 queries on one big archive through the real {@link SqlStores}: alice's archive of
 * {@code messages} chat messages (the {@link Samples#MESSAGE} stanza, one a second, with 100
 * contacts in turn, outgoing and incoming), filled in setup with batched inserts
 * ({@code ArchiveStore.appendAll}, 10,000 per transaction). One operation is one page of 50, as a
 * client asks when it opens: the newest (RSM {@code <before/>}), the oldest, the newest with one
 * contact; or the RSM count of the whole archive or of one conversation; or one durable append.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
@State(Scope.Benchmark)
public class ArchiveBenchmark {
    @Param({"sqlite", "postgresql"})
    public String backend;

    @Param("1000000")
    public int messages;

    static final int CONTACTS = 100;
    static final int PAGE = 50;
    private static final int BATCH = 10_000;

    BenchStores db;
    Stores stores;
    final EntityBareJid owner = Jids.of("alice@localhost").asEntityBareJidOrThrow();
    final Jid contact = Jids.of("contact7@example.org");
    final ArchiveFilter withContact = ArchiveFilter.with(contact);
    ArchivedMessage sample;
    /** How long the fill took, for the report. */
    Duration fill;

    @Setup
    public void open() throws IOException, SQLException {
        db = BenchStores.open(backend, "archive_bench");
        stores = db.stores();
        stores.archive().deleteAll(owner);
        Element stanza = Samples.MESSAGE.element().withAttr("from", "alice@localhost/phone");
        sample = new ArchivedMessage(null, Instant.now(), contact, true, stanza);
        Instant start = Instant.now().minusSeconds(messages);
        long began = System.nanoTime();
        List<ArchivedMessage> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < messages; i++) {
            Jid with = Jids.of("contact" + (i % CONTACTS) + "@example.org");
            batch.add(new ArchivedMessage(null, start.plusSeconds(i), with, i % 2 == 0, stanza));
            if (batch.size() == BATCH || i == messages - 1) {
                stores.archive().appendAll(owner, batch);
                batch.clear();
            }
        }
        fill = Duration.ofNanos(System.nanoTime() - began);
        System.out.printf("%n%s: %,d archived messages in %d s%n", backend, messages, fill.toSeconds());
    }

    @TearDown
    public void close() throws IOException {
        stores.archive().deleteAll(owner);
        db.close();
    }

    /** What a client asks first: the last page (RSM {@code <before/>}). */
    @Benchmark
    public ArchivePage newest50() {
        return stores.archive().page(owner, ArchiveFilter.ALL, null, null, true, PAGE);
    }

    @Benchmark
    public ArchivePage oldest50() {
        return stores.archive().page(owner, ArchiveFilter.ALL, null, null, false, PAGE);
    }

    /** The last page of one conversation (1 % of the archive). */
    @Benchmark
    public ArchivePage newest50WithContact() {
        return stores.archive().page(owner, withContact, null, null, true, PAGE);
    }

    /** RSM count of the whole archive: one row of {@code archive_counts}. */
    @Benchmark
    public long countAll() {
        return stores.archive().count(owner, ArchiveFilter.ALL);
    }

    /** RSM count of one conversation: an index range scan over its messages (1 % of the archive). */
    @Benchmark
    public long countWithContact() {
        return stores.archive().count(owner, withContact);
    }

    /** One archived message, committed (the archive grows by a few thousand during the run). */
    @Benchmark
    public ArchivedMessage append() {
        return stores.archive().append(owner, sample);
    }
}
