package org.passerelle.microbench;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jxmpp.jid.EntityBareJid;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
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
import org.passerelle.core.store.OfflineMessage;
import org.passerelle.core.store.RosterItem;
import org.passerelle.core.store.Stores;
import org.passerelle.core.store.Subscription;
import org.passerelle.store.sql.SqlStores;
import org.passerelle.xml.Element;

/**
 * Durable writes through the real {@link SqlStores}: an offline message (what an undeliverable
 * chat message costs) and a roster item with one group (a subscription change). SQLite runs as
 * configured in production (WAL, synchronous=NORMAL: no fsync per commit) in a temporary
 * directory. PostgreSQL is the embedded server of store-sql's tests over local TCP, with
 * {@code synchronous_commit} back on (PostgreSQL's default; zonky turns it off), but zonky starts
 * it with {@code -F} (fsync off), which no setting can undo: its commits cost the round trips and
 * the WAL write, not the flush to disk that a production server adds.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
@State(Scope.Thread)
public class StoreBenchmark {
    @Param({"sqlite", "postgresql"})
    public String backend;

    /** Contacts the roster writes cycle through. */
    static final int CONTACTS = 50;

    BenchStores db;
    Stores stores;
    final EntityBareJid owner = Jids.of("alice@localhost").asEntityBareJidOrThrow();
    final RosterItem[] items = new RosterItem[CONTACTS];
    OfflineMessage message;
    int next;

    @Setup
    public void open() throws IOException, SQLException {
        db = BenchStores.open(backend, "microbench");
        stores = db.stores();
        for (int i = 0; i < CONTACTS; i++) {
            items[i] = new RosterItem(Jids.of("contact" + i + "@example.org").asBareJid(), "Contact number " + i,
                    Set.of(i % 3 == 0 ? "Work" : "Friends"), Subscription.BOTH, false, false, false);
        }
        Element stanza = Samples.MESSAGE.element().withAttr("from", "bob@localhost/device1")
                .withAttr("to", "alice@localhost");
        message = new OfflineMessage(0, Instant.now(), stanza);
    }

    /** Each iteration starts from an empty queue, so the table does not grow without bound. */
    @Setup(Level.Iteration)
    public void emptyQueue() {
        stores.offline().deleteAll(owner);
    }

    @TearDown
    public void close() throws IOException {
        stores.offline().deleteAll(owner);
        stores.roster().deleteAll(owner);
        db.close();
    }

    @Benchmark
    public boolean offlineStore() {
        return stores.offline().store(owner, message, Integer.MAX_VALUE);
    }

    /** Replaces one of 50 items in turn: upsert, its group, the roster version. */
    @Benchmark
    public long rosterPut() {
        RosterItem item = items[next];
        next = (next + 1) % CONTACTS;
        return stores.roster().put(owner, item);
    }
}
