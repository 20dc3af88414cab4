package org.passerelle.web;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageCodec;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.util.List;
import org.passerelle.xml.XmlLimits;
import org.passerelle.xmpp.c2s.StreamEvent;
import org.passerelle.xmpp.c2s.StreamOutput;

/**
 * RFC 7395 framing between WebSocket frames and the client stream handler: each text frame in
 * becomes one {@link StreamEvent} ({@code <open/>} a stream header, {@code <close/>} the end of
 * the stream); each {@link StreamOutput} the handler writes becomes one text frame. A frame
 * that is not exactly one element breaks the stream, and nothing after it is read.
 */
final class WebSocketFraming extends MessageToMessageCodec<WebSocketFrame, StreamOutput> {
    private final XmlLimits limits;
    private boolean broken;
    private boolean closing;

    WebSocketFraming(XmlLimits limits) {
        this.limits = limits;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, WebSocketFrame frame, List<Object> events) {
        if (broken) return;
        switch (frame) {
            case TextWebSocketFrame text -> {
                StreamEvent event = FrameReader.read(text.text(), limits);
                broken = event instanceof StreamEvent.Broken;
                events.add(event);
            }
            case PingWebSocketFrame ping -> ctx.writeAndFlush(new PongWebSocketFrame(ping.content().retain()));
            case CloseWebSocketFrame close -> events.add(new StreamEvent.Closed());
            case BinaryWebSocketFrame bin -> {
                broken = true;
                events.add(new StreamEvent.Broken("unsupported-encoding", "XMPP over WebSocket uses text frames"));
            }
            default -> { // pong, or a continuation the aggregator has already joined
            }
        }
    }

    /**
     * The stream handler closes the channel after its {@code <close/>}: end the WebSocket with a
     * close frame first (RFC 6455 §5.5.1), after everything already written, so the client reads
     * the last frames and a clean close instead of a bare end of the TCP connection.
     */
    @Override
    public void close(ChannelHandlerContext ctx, io.netty.channel.ChannelPromise promise) throws Exception {
        if (closing || !ctx.channel().isActive()) {
            super.close(ctx, promise);
            return;
        }
        closing = true;
        ctx.writeAndFlush(new CloseWebSocketFrame(1000, "")).addListener(f -> ctx.close(promise));
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, StreamOutput msg, List<Object> frames) {
        frames.add(new TextWebSocketFrame(ByteBufUtil.writeUtf8(ctx.alloc(), FrameWriter.frame(msg))));
    }
}
