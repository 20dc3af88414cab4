package org.passerelle.web;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.passerelle.xmpp.c2s.FramedStreams;
import org.passerelle.xmpp.metering.ByteCounter;
import org.passerelle.xmpp.metering.DataMeter;

/**
 * Switches an HTTP connection to XMPP over WebSocket (RFC 7395 §3.1): only a GET that asks
 * for the {@code xmpp} subprotocol is upgraded; then the pipeline becomes
 * [byte counter] → [TLS] → WebSocket codec → frame aggregator → idle timer → framing → client stream handler.
 */
final class WebSocketUpgrade {
    static final String SUBPROTOCOL = "xmpp";

    private WebSocketUpgrade() {
    }

    static void upgrade(ChannelHandlerContext ctx, FullHttpRequest req, WebContext web, boolean tls) {
        if (!req.method().equals(HttpMethod.GET)) {
            WebRequestHandler.respond(ctx, req, HttpResponseStatus.METHOD_NOT_ALLOWED, null, null);
            return;
        }
        String asked = req.headers().get(HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL);
        boolean xmpp = asked != null && Arrays.stream(asked.split(",")).map(String::trim).anyMatch(SUBPROTOCOL::equals);
        if (!"websocket".equalsIgnoreCase(req.headers().get(HttpHeaderNames.UPGRADE)) || !xmpp) {
            WebRequestHandler.respond(ctx, req, HttpResponseStatus.BAD_REQUEST, null, null);
            return;
        }
        int maxFrame = web.c2s().xmlLimits().maxStanzaBytes();
        String url = (tls ? "wss://" : "ws://") + req.headers().get(HttpHeaderNames.HOST) + WebRequestHandler.WEBSOCKET_PATH;
        WebSocketServerHandshaker handshaker = new WebSocketServerHandshakerFactory(url, SUBPROTOCOL,
                WebSocketDecoderConfig.newBuilder().maxFramePayloadLength(maxFrame).allowExtensions(false).build())
                .newHandshaker(req);
        if (handshaker == null) {
            WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel());
            return;
        }
        ChannelPipeline p = ctx.pipeline();
        handshaker.handshake(ctx.channel(), req);
        p.remove(ctx.handler());
        p.remove("http-timeout");
        p.remove("body-spool");
        p.remove("body-limit");
        p.remove("chunked");
        int idle = web.c2s().server().config().limits().idleTimeout();
        p.addLast("ws-aggregator", new WebSocketFrameAggregator(maxFrame));
        p.addLast("idle", new IdleStateHandler(idle, 0, 0, TimeUnit.SECONDS));
        p.addLast("framing", new WebSocketFraming(web.c2s().xmlLimits()));
        p.addLast("stream", FramedStreams.streamHandler(web.c2s(), tls));
        // Billing counts the WebSocket's bytes on the wire from here on: not the upgrade request and answer.
        DataMeter meter = DataMeter.create(web.c2s().server(), "websocket");
        if (meter != null) p.addFirst(ByteCounter.NAME, new ByteCounter(meter));
    }
}
