package org.passerelle.xmpp.c2s;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageEncoder;
import java.util.List;

/** {@link StreamOutput} as the bytes of a TCP stream: UTF-8 stream text (see {@link StreamWriter}). */
public final class TcpStreamEncoder extends MessageToMessageEncoder<StreamOutput> {
    public TcpStreamEncoder() {
        super(StreamOutput.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, StreamOutput msg, List<Object> out) {
        out.add(encode(ctx.alloc(), msg));
    }

    /** One message's bytes, in a buffer from {@code alloc}. */
    public static ByteBuf encode(ByteBufAllocator alloc, StreamOutput msg) {
        return ByteBufUtil.writeUtf8(alloc, StreamWriter.text(msg));
    }
}
