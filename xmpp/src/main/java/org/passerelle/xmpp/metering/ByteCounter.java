package org.passerelle.xmpp.metering;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;

/**
 * Counts the bytes of a connection as they cross the socket, into its {@link DataMeter}. It sits
 * first in the pipeline, before TLS: what is counted is what a mobile operator bills, TLS records
 * and handshakes included. Reports when the connection closes.
 */
public final class ByteCounter extends ChannelDuplexHandler {
    /** Its name in the pipeline; a TLS handler added later (STARTTLS) goes right after it. */
    public static final String NAME = "bytes";

    private final DataMeter meter;

    public ByteCounter(DataMeter meter) {
        this.meter = meter;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        meter.start(ctx.channel(), ctx.executor());
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        meter.received(size(msg));
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        meter.sent(size(msg));
        ctx.write(msg, promise);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        meter.end();
        ctx.fireChannelInactive();
    }

    private static long size(Object msg) {
        if (msg instanceof ByteBuf b) return b.readableBytes();
        if (msg instanceof ByteBufHolder h) return h.content().readableBytes();
        return 0;
    }
}
