package org.passerelle.xmpp.metering;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.EventExecutor;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.charging.Chargeable;
import org.passerelle.core.module.ServerContext;
import org.passerelle.core.store.ChargingRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bytes one client connection received ({@code out}: sent by the user) and sent ({@code in}:
 * received by the user), billed as channel {@code data}, unit {@code byte}, peer the transport.
 * Bytes count from the first one, also before authentication: they are the user's once SASL
 * names the account. A connection that never authenticates is billed to nobody.
 *
 * <p>Reported every {@link org.passerelle.core.charging.Charging#reportInterval} while it lasts and
 * at its end; each report is one record per direction (rounded up on its own by the tariff's
 * {@code per}). Confined to one event loop: the counters are plain fields. A report is priced
 * there and written by a worker.
 */
public final class DataMeter {
    public static final String CHANNEL = "data";
    private static final Logger LOG = LoggerFactory.getLogger(DataMeter.class);
    private static final AttributeKey<DataMeter> KEY = AttributeKey.valueOf(DataMeter.class, "meter");

    private final ServerContext server;
    private final String transport;
    private long received;
    private long sent;
    private EntityBareJid user;
    private ScheduledFuture<?> timer;
    private boolean ended;

    private DataMeter(ServerContext server, String transport) {
        this.server = server;
        this.transport = transport;
    }

    /** A meter for a new connection of this transport ({@code c2s}, {@code websocket}, {@code bosh}), or null when data is not billed. */
    public static DataMeter create(ServerContext server, String transport) {
        return server.charging().bills(CHANNEL) ? new DataMeter(server, transport) : null;
    }

    /** The meter of the connection whose stream runs on this channel, or null. */
    public static DataMeter of(Channel channel) {
        return channel.hasAttr(KEY) ? channel.attr(KEY).get() : null;
    }

    /** Makes this the meter of the stream on {@code channel} and reports it periodically on {@code loop} until {@link #end}. */
    public void start(Channel channel, EventExecutor loop) {
        channel.attr(KEY).set(this);
        if (timer != null || ended) return;
        long every = server.charging().reportInterval().toMillis();
        timer = loop.scheduleAtFixedRate(this::report, every, every, TimeUnit.MILLISECONDS);
    }

    /** Bytes that came from the client. */
    public void received(long bytes) {
        received += bytes;
    }

    /** Bytes that went to the client. */
    public void sent(long bytes) {
        sent += bytes;
    }

    /** The connection authenticated: its bytes, those before included, are this account's. */
    public void attribute(EntityBareJid account) {
        user = account;
    }

    /** The connection is over: reports what is left, once. */
    public void end() {
        if (ended) return;
        ended = true;
        if (timer != null) timer.cancel(false);
        report();
    }

    private void report() {
        EntityBareJid who = user;
        if (who == null || (received == 0 && sent == 0)) return;
        long in = sent;
        long out = received;
        sent = 0;
        received = 0;
        // Priced here (cheap, no I/O), so that a report at shutdown is priced before the charging module stops.
        Instant at = server.clock().instant();
        List<ChargingRecord> records = server.charging().price(
                new Chargeable(at, who, transport, CHANNEL, "in", "byte", in),
                new Chargeable(at, who, transport, CHANNEL, "out", "byte", out));
        if (records.isEmpty()) return;
        try {
            server.workers().execute(() -> write(records, who, in, out));
        } catch (RejectedExecutionException e) {
            LOG.error("data volume of {} over {} not recorded ({} bytes in, {} out): the server has stopped", who, transport, in, out);
        }
    }

    private void write(List<ChargingRecord> records, EntityBareJid who, long in, long out) {
        try {
            server.stores().charging().addAll(records);
        } catch (RuntimeException e) {
            LOG.error("data volume of {} over {} not recorded ({} bytes in, {} out): {}", who, transport, in, out, e.toString(), e);
        }
    }
}
