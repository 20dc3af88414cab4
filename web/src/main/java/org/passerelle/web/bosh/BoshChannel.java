package org.passerelle.web.bosh;

import io.netty.channel.AbstractChannel;
import io.netty.channel.ChannelConfig;
import io.netty.channel.ChannelMetadata;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.ChannelPromise;
import io.netty.channel.DefaultChannelConfig;
import io.netty.channel.EventLoop;
import java.net.SocketAddress;
import java.util.function.Consumer;
import org.passerelle.xmpp.c2s.StreamOutput;

/**
 * The XMPP stream of one BOSH session as a Netty channel without a socket: the client stream
 * handler runs in its pipeline exactly as on TCP, the session fires the stream events of each
 * request into it, and what the handler writes ({@link StreamOutput}) goes to the session as it is,
 * with no encoding. It outlives the HTTP connections that carry the requests; closing it is the
 * end of the stream.
 */
final class BoshChannel extends AbstractChannel {
    private static final ChannelMetadata METADATA = new ChannelMetadata(false);

    private final ChannelConfig config = new DefaultChannelConfig(this);
    private final SocketAddress client;
    private final Consumer<StreamOutput> output;
    private final Runnable closed;
    private volatile boolean open = true;

    /**
     * @param client the address of the HTTP client that created the session (login rate limits use it)
     * @param output receives each message the handler writes, in order, on the event loop
     * @param closed runs once on the event loop when the stream is closed by either side
     */
    BoshChannel(SocketAddress client, Consumer<StreamOutput> output, Runnable closed) {
        super(null);
        this.client = client;
        this.output = output;
        this.closed = closed;
    }

    @Override
    protected AbstractUnsafe newUnsafe() {
        return new AbstractUnsafe() {
            @Override
            public void connect(SocketAddress remote, SocketAddress local, ChannelPromise promise) {
                promise.setFailure(new UnsupportedOperationException("a BOSH stream is not connected anywhere"));
            }
        };
    }

    /** No I/O handle is registered: any event loop can run this channel. */
    @Override
    protected boolean isCompatible(EventLoop loop) {
        return true;
    }

    @Override
    protected SocketAddress localAddress0() {
        return null;
    }

    @Override
    protected SocketAddress remoteAddress0() {
        return client;
    }

    @Override
    protected void doBind(SocketAddress local) {
        throw new UnsupportedOperationException();
    }

    @Override
    protected void doDisconnect() {
        doClose();
    }

    @Override
    protected void doClose() {
        if (!open) return;
        open = false;
        closed.run();
    }

    @Override
    protected void doBeginRead() {
        // Reads are pushed by the session, one request at a time.
    }

    @Override
    protected void doWrite(ChannelOutboundBuffer in) {
        Object msg;
        while ((msg = in.current()) != null) {
            if (!(msg instanceof StreamOutput out)) {
                in.remove(new UnsupportedOperationException("a BOSH stream carries StreamOutput, not " + msg.getClass().getName()));
                continue;
            }
            in.remove();
            output.accept(out);
        }
    }

    @Override
    public ChannelConfig config() {
        return config;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public boolean isActive() {
        return open;
    }

    @Override
    public ChannelMetadata metadata() {
        return METADATA;
    }
}
