package org.passerelle.web.bosh;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.timeout.ReadTimeoutHandler;
import org.passerelle.xml.XmlLimits;
import org.passerelle.xmpp.c2s.C2sContext;

/**
 * XMPP over BOSH (XEP-0124, XEP-0206) at {@value #PATH}: POST carries {@code <body/>} wrappers,
 * OPTIONS answers browsers' CORS preflight, GET says what is here. A body may not exceed the
 * stanza limit ({@code 413}); every BOSH answer, errors included, is HTTP 200 with a body.
 */
public final class BoshEndpoint {
    public static final String PATH = "/http-bind";

    private final BoshSessions sessions;
    private final XmlLimits limits;

    public BoshEndpoint(C2sContext c2s) {
        this.sessions = new BoshSessions(c2s, c2s.server().config().bosh());
        this.limits = c2s.xmlLimits();
    }

    /** Answers one request at {@value #PATH}, now or, for a held BOSH request, later. */
    public void handle(ChannelHandlerContext ctx, FullHttpRequest req, boolean tls) {
        HttpMethod method = req.method();
        BoshExchange x = new BoshExchange(ctx, HttpUtil.isKeepAlive(req), req.content().readableBytes());
        if (method.equals(HttpMethod.OPTIONS)) {
            x.send(HttpResponseStatus.OK, "text/plain; charset=utf-8", "");
        } else if (method.equals(HttpMethod.GET) || method.equals(HttpMethod.HEAD)) {
            x.send(HttpResponseStatus.OK, "text/plain; charset=utf-8",
                    method.equals(HttpMethod.HEAD) ? "" : "XMPP over BOSH (XEP-0206): POST <body/> requests here.\n");
        } else if (!method.equals(HttpMethod.POST)) {
            x.send(HttpResponseStatus.METHOD_NOT_ALLOWED, "text/plain; charset=utf-8", "405 Method Not Allowed\n");
        } else if (req.content().readableBytes() > limits.maxStanzaBytes()) {
            x.send(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, "text/plain; charset=utf-8", "413 Request Entity Too Large\n");
        } else {
            longPolling(ctx);
            switch (BoshBody.read(ByteBufUtil.getBytes(req.content()), limits)) {
                case BoshBody.Unreadable u -> sessions.unreadable(x, u);
                case BoshBody.Body b -> {
                    String sid = b.body().attr("sid");
                    if (sid == null) sessions.create(ctx, x, b.body(), tls);
                    else sessions.request(x, sid, b.body());
                }
            }
        }
    }

    /**
     * A connection that carries BOSH is silent while its request is held: its read timeout
     * becomes longer than the longest wait.
     */
    private void longPolling(ChannelHandlerContext ctx) {
        ChannelHandler t = ctx.pipeline().get("http-timeout");
        if (t != null && !(t instanceof LongPollTimeout)) {
            ctx.pipeline().replace(t, "http-timeout", new LongPollTimeout(sessions.settings().maxWait() + 30));
        }
    }

    private static final class LongPollTimeout extends ReadTimeoutHandler {
        LongPollTimeout(int seconds) {
            super(seconds);
        }
    }

    /** Browsers may use BOSH from other origins; no cookies are involved, so any origin may. */
    static void cors(HttpResponse res) {
        res.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        res.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_METHODS, "GET, POST, OPTIONS");
        res.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, "Content-Type");
        res.headers().set(HttpHeaderNames.ACCESS_CONTROL_MAX_AGE, "86400");
    }
}
