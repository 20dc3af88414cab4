package org.passerelle.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jivesoftware.smack.StanzaListener;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.Stanza;
import org.jxmpp.jid.Jid;

/**
 * The stanzas of one kind a connection receives, in arrival order (a synchronous listener keeps
 * Smack's order). Every wait is bounded, so a stanza that never comes fails the test.
 */
final class Inbox<T extends Stanza> implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(5);

    private final XMPPConnection connection;
    private final String what;
    private final LinkedBlockingQueue<T> queue = new LinkedBlockingQueue<>();
    private final StanzaListener listener;

    private Inbox(XMPPConnection connection, Class<T> type, Predicate<T> filter, String what) {
        this.connection = connection;
        this.what = what;
        this.listener = s -> queue.add(type.cast(s));
        connection.addSyncStanzaListener(listener, s -> type.isInstance(s) && filter.test(type.cast(s)));
    }

    static <T extends Stanza> Inbox<T> of(XMPPConnection c, Class<T> type, Predicate<T> filter, String what) {
        return new Inbox<>(c, type, filter, what);
    }

    /** Messages with a body. */
    static Inbox<Message> messages(XMPPConnection c) {
        return of(c, Message.class, m -> m.getBody() != null, "a message with a body");
    }

    /** Presence stanzas from any resource of {@code from}. */
    static Inbox<Presence> presences(XMPPConnection c, Jid from) {
        return of(c, Presence.class, p -> p.getFrom() != null && p.getFrom().asBareJid().equals(from.asBareJid()),
                "presence from " + from + " to " + c.getUser());
    }

    /** The next stanza; fails when none arrives within {@link #WAIT}. */
    T next() throws InterruptedException {
        T s = queue.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(s).as("expected " + what + " within " + WAIT.toSeconds() + " s").isNotNull();
        return s;
    }

    /** Fails if anything more arrives within {@code millis}. */
    void assertNothingMore(long millis) throws InterruptedException {
        T s = queue.poll(millis, TimeUnit.MILLISECONDS);
        assertThat(s).as("no more " + what).isNull();
    }

    @Override
    public void close() {
        connection.removeSyncStanzaListener(listener);
    }
}
