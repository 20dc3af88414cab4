package org.passerelle.xmpp.c2s;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateEvent;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.passerelle.core.module.ServerContext;
import org.passerelle.core.routing.PreAuthIqHandler;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.stanza.Namespaces;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.stanza.StanzaErrors;
import org.passerelle.core.stanza.StanzaException;
import org.passerelle.xml.Element;
import org.passerelle.xmpp.metering.ByteCounter;
import org.passerelle.xmpp.metering.DataMeter;
import org.passerelle.xmpp.tls.ChannelBindings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stream-level state machine of one client connection: stream header and features,
 * STARTTLS, SASL, then resource binding or XEP-0198 resumption, then stanzas. Runs on the
 * channel's event loop; anything that blocks goes to a worker and comes back through
 * {@link #resumeOnLoop}. Events that arrive while such work is under way wait in order.
 */
final class C2sStreamHandler extends SimpleChannelInboundHandler<StreamEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(C2sStreamHandler.class);
    private static final int MAX_SASL_FAILURES = 3;

    private enum State { HEADER, NEGOTIATING, BINDING, ACTIVE, CLOSED }

    private final C2sContext c2s;
    private final ServerContext server;
    private final XmlStreamDecoder decoder;
    private final SessionLifecycle lifecycle;
    private final boolean startTlsOffered;
    private final Deque<StreamEvent> waiting = new ArrayDeque<>();
    private State state = State.HEADER;
    private boolean tls;
    private boolean busy;
    private boolean pingSent;
    private DomainBareJid domain;
    private EntityBareJid account;
    private SaslExchange sasl;
    private int saslFailures;
    private C2sSession session;
    private ChannelHandlerContext ctx;
    private ScheduledFuture<?> authTimer;
    private String remote = "?";

    C2sStreamHandler(C2sContext c2s, XmlStreamDecoder decoder, boolean directTls) {
        this(c2s, decoder, directTls, true, "c2s");
    }

    /**
     * @param decoder the byte decoder to restart after SASL, or null when a framed transport
     *     (WebSocket, BOSH) parses each frame itself and needs no restart
     * @param startTlsOffered false where TLS comes from the transport (HTTPS) or cannot be added
     * @param transport the metrics tag of the sessions this stream starts ("c2s", "websocket", "bosh")
     */
    C2sStreamHandler(C2sContext c2s, XmlStreamDecoder decoder, boolean tls, boolean startTlsOffered, String transport) {
        this.c2s = c2s;
        this.server = c2s.server();
        this.decoder = decoder;
        this.lifecycle = new SessionLifecycle(server, transport);
        this.tls = tls;
        this.startTlsOffered = startTlsOffered;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        // A WebSocket adds this handler after the HTTP upgrade, to a channel already active.
        if (ctx.channel().isActive()) start(ctx);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        start(ctx);
        ctx.fireChannelActive();
    }

    private void start(ChannelHandlerContext ctx) {
        if (this.ctx != null) return;
        this.ctx = ctx;
        if (ctx.channel().remoteAddress() instanceof InetSocketAddress a) remote = a.getAddress().getHostAddress();
        LOG.info("connection from {}", remote);
        authTimer = ctx.executor().schedule(() -> {
            if (state != State.ACTIVE) closeWithError("connection-timeout", "authentication took too long");
        }, server.config().limits().authTimeout(), TimeUnit.SECONDS);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, StreamEvent event) {
        pingSent = false;
        if (busy || !waiting.isEmpty()) {
            waiting.add(event);
            return;
        }
        handle(event);
    }

    private void handle(StreamEvent event) {
        if (state == State.CLOSED) return;
        switch (event) {
            case StreamEvent.Opened o -> streamOpened(o.header());
            case StreamEvent.Received r -> received(r.element());
            case StreamEvent.Closed c -> clientClosed();
            case StreamEvent.Broken b -> closeWithError(b.condition(), b.reason());
        }
    }

    private void streamOpened(Element header) {
        if (state != State.HEADER) {
            closeWithError("not-well-formed", "unexpected stream header");
            return;
        }
        String to = header.attr("to");
        Jid toJid = null;
        try {
            toJid = to == null ? null : Jids.parse(to);
        } catch (StanzaException e) {
            // handled below as host-unknown
        }
        DomainBareJid requested = toJid == null || toJid.hasLocalpart() || toJid.hasResource() ? null : toJid.asDomainBareJid();
        if (requested == null || !server.domains().isLocal(requested) || (domain != null && !domain.equals(requested))) {
            openAndFail("host-unknown", "this server does not serve " + to, requested);
            return;
        }
        domain = requested;
        if (!Namespaces.CLIENT.equals(header.attr("xmlns"))) {
            openAndFail("invalid-namespace", "the content namespace must be jabber:client", domain);
            return;
        }
        String version = header.attr("version");
        if (version == null || !version.matches("[1-9][0-9]*\\.[0-9]+")) {
            openAndFail("unsupported-version", "XMPP 1.0 is required", domain);
            return;
        }
        write(new StreamOutput.StreamOpen(domain.toString(), newStreamId()));
        if (account == null) {
            state = State.NEGOTIATING;
            boolean cb = tls && channelBinding() != null;
            write(StreamFeatures.beforeAuth(tls, startTlsOffered && c2s.ssl() != null, c2s.tlsRequired(), cb,
                    server.features().streamFeatures(false, domain)));
        } else {
            state = State.BINDING;
            write(StreamFeatures.afterAuth(server.features().streamFeatures(true, domain)));
        }
    }

    private void received(Element e) {
        switch (state) {
            case NEGOTIATING -> negotiating(e);
            case BINDING -> binding(e);
            case ACTIVE -> active(e);
            default -> closeWithError("not-authorized", "stanza before the stream header");
        }
    }

    private void negotiating(Element e) {
        if (e.is("starttls", Namespaces.TLS)) {
            startTls();
        } else if (Namespaces.SASL.equals(e.namespace())) {
            authenticate(e);
        } else if (e.is("iq", Namespaces.CLIENT) && preAuthIq(e)) {
            return;
        } else {
            closeWithError("not-authorized", "authenticate first");
        }
    }

    private void startTls() {
        if (tls || !startTlsOffered || c2s.ssl() == null) {
            write(new StreamOutput.StreamElement(Element.of("failure", Namespaces.TLS)), StreamOutput.CLOSE);
            closeQuietly();
            return;
        }
        // startTls=true: the first write (<proceed/>) leaves unencrypted, everything after is TLS.
        SslHandler ssl = new SslHandler(c2s.ssl().newEngine(ctx.alloc()), true);
        ssl.setHandshakeTimeout(server.config().limits().authTimeout(), TimeUnit.SECONDS);
        // After the byte counter, if any: it counts the encrypted bytes on the wire.
        if (ctx.pipeline().get(ByteCounter.NAME) != null) ctx.pipeline().addAfter(ByteCounter.NAME, "tls", ssl);
        else ctx.pipeline().addFirst("tls", ssl);
        tls = true;
        decoder.restart();
        state = State.HEADER;
        write(Element.of("proceed", Namespaces.TLS));
    }

    private void authenticate(Element e) {
        if (c2s.tlsRequired() && !tls) {
            write(SaslExchange.failure("encryption-required", null).reply());
            return;
        }
        if (!c2s.loginFailures().allowed("ip:" + remote)) {
            write(SaslExchange.failure("temporary-auth-failure", "too many failed logins; wait a minute").reply());
            LOG.warn("login from {} refused: too many failures", remote);
            return;
        }
        if (sasl == null) sasl = new SaslExchange(c2s, domain, tls, tls ? channelBinding() : null, remote);
        SaslExchange exchange = sasl;
        offload(() -> {
            SaslExchange.Outcome out = exchange.handle(e);
            return () -> saslOutcome(out);
        });
    }

    private void saslOutcome(SaslExchange.Outcome out) {
        write(out.reply());
        if (out.account() != null) {
            account = out.account();
            sasl = null; // the exchange is over; keep nothing of it on a long-lived connection
            DataMeter meter = DataMeter.of(ctx.channel());
            if (meter != null) meter.attribute(account);
            LOG.info("{} authenticated from {}", account, remote);
            c2s.loginFailures().reset(SaslExchange.failureKey(account.toString()));
            if (decoder != null) decoder.restart();
            state = State.HEADER;
        } else if (out.failure() != null && !out.failure().equals("aborted")) {
            c2s.loginFailures().record("ip:" + remote);
            if (out.claimedUser() != null) c2s.loginFailures().record(SaslExchange.failureKey(out.claimedUser()));
            LOG.warn("authentication failure from {} for '{}': {}", remote, out.claimedUser(), out.failure());
            if (++saslFailures >= MAX_SASL_FAILURES) closeWithError("policy-violation", "too many authentication failures");
        }
    }

    private boolean preAuthIq(Element iq) {
        Element payload = iq.firstElement();
        PreAuthIqHandler handler = payload == null ? null : server.features().preAuthIq(payload.namespace());
        if (handler == null) return false;
        DomainBareJid d = domain;
        String ip = remote;
        offload(() -> {
            Element reply;
            try {
                reply = handler.handle(iq, d, ip);
            } catch (StanzaException ex) {
                reply = Element.builder("iq", Namespaces.CLIENT).attr("type", "error").attr("id", iq.attr("id"))
                        .child(StanzaErrors.errorElement(ex.condition(), ex.getMessage())).build();
            }
            Element r = reply != null ? reply : Element.builder("iq", Namespaces.CLIENT).attr("type", "error").attr("id", iq.attr("id"))
                    .child(StanzaErrors.errorElement("bad-request", null)).build();
            return () -> write(r);
        });
        return true;
    }

    private void binding(Element e) {
        if (e.is("resume", StreamFeatures.SM)) {
            StreamManagementFrames.resume(this, e);
            return;
        }
        Element bind = e.is("iq", Namespaces.CLIENT) && "set".equals(e.attr("type")) ? e.child("bind", Namespaces.BIND) : null;
        if (bind == null) {
            closeWithError("not-authorized", "bind a resource first");
            return;
        }
        ResourceBinding.bind(this, e, bind);
    }

    private void active(Element e) {
        C2sSession s = session;
        if (StreamFeatures.SM.equals(e.namespace())) {
            StreamManagementFrames.handle(this, e);
        } else if (e.is("iq", Namespaces.CLIENT) && e.child("bind", Namespaces.BIND) != null) {
            answerDirectly(s, ResourceBinding.error(e, "not-allowed", "a resource is bound already"));
        } else if (e.is("iq", Namespaces.CLIENT) && "set".equals(e.attr("type")) && e.child("session", Namespaces.SESSION) != null) {
            // RFC 3921 session establishment: a no-op kept for old clients.
            answerDirectly(s, Element.builder("iq", Namespaces.CLIENT).attr("type", "result").attr("id", e.attr("id")).build());
        } else if (Namespaces.CLIENT.equals(e.namespace())) {
            s.worker.execute(() -> {
                try {
                    server.clientStanzas().process(s, e);
                } catch (org.passerelle.core.routing.StreamErrorException ex) {
                    s.close(ex.condition(), ex.getMessage());
                } finally {
                    s.handled();
                }
            });
        } else {
            var handler = server.features().streamElement(e.namespace());
            if (handler == null) {
                closeWithError("unsupported-stanza-type", "unknown element " + e.name());
                return;
            }
            s.worker.execute(() -> handler.accept(s, e));
        }
    }

    /** Answers a stanza the frontend handles itself, in order and counted for XEP-0198 like any other. */
    private static void answerDirectly(C2sSession s, Element reply) {
        s.worker.execute(() -> {
            s.deliver(Stanza.of(reply, null, s.jid()));
            s.handled();
        });
    }

    private void clientClosed() {
        state = State.CLOSED;
        write(StreamOutput.CLOSE);
        if (session != null) endSession("client closed the stream");
        closeQuietly();
    }

    /** The session is bound or resumed: stanzas may flow. */
    void activate(C2sSession s) {
        session = s;
        state = State.ACTIVE;
        if (authTimer != null) authTimer.cancel(false);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (authTimer != null) authTimer.cancel(false);
        C2sSession s = session;
        if (s != null && s.channel() != ctx.channel()) {
            s = null; // the session was resumed on another connection: nothing to end here
        }
        if (s != null && state != State.CLOSED) {
            if (!s.closedByServer && s.streamManagementEnabled() && s.resumeId() != null
                    && server.config().streamManagement().resumeTimeout() > 0) {
                s.detach();
                int timeout = server.config().streamManagement().resumeTimeout();
                LOG.info("{} lost its connection; resumable for {} s", s.jid(), timeout);
                C2sSession detached = s;
                Runnable expire = () -> detached.worker.execute(() -> {
                    if (detached.channel() == null) {
                        c2s.resumable().remove(detached.resumeId(), detached);
                        lifecycle.end(detached, "not resumed in time");
                    }
                });
                s.expire = expire;
                s.resumeTimer = server.scheduler().schedule(expire, timeout, TimeUnit.SECONDS);
            } else {
                endSession("connection lost");
            }
        }
        state = State.CLOSED;
        LOG.info("connection from {} closed", remote);
        ctx.fireChannelInactive();
    }

    void endSession(String reason) {
        C2sSession s = session;
        if (s == null) return;
        c2s.resumable().remove(s.resumeId(), s);
        s.worker.execute(() -> lifecycle.end(s, reason));
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent idle && idle.state() == io.netty.handler.timeout.IdleState.ALL_IDLE) {
            if (decoder != null) decoder.releaseIdleParser();
            return;
        }
        if (evt instanceof IdleStateEvent) {
            if (state != State.ACTIVE) {
                closeWithError("connection-timeout", "idle");
            } else if (pingSent) {
                closeWithError("connection-timeout", "no answer to ping");
            } else {
                pingSent = true;
                // Through the session, so that stream management counts it like any stanza.
                session.deliver(Stanza.of(Element.builder("iq", Namespaces.CLIENT).attr("type", "get")
                        .attr("id", server.iqTracker().nextId()).child(Element.of("ping", "urn:xmpp:ping")).build(), domain, session.jid()));
            }
            return;
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("connection from {} failed: {}", remote, cause.toString());
        if (state != State.CLOSED) closeWithError("internal-server-error", null);
    }

    /** Runs blocking work on a worker, then the returned step back on this connection's event loop. */
    void offload(java.util.concurrent.Callable<Runnable> work) {
        busy = true;
        server.workers().execute(() -> {
            Runnable next;
            try {
                next = work.call();
            } catch (Exception ex) {
                LOG.error("connection from {}: {}", remote, ex.toString(), ex);
                next = () -> closeWithError("internal-server-error", null);
            }
            resumeOnLoop(next);
        });
    }

    private void resumeOnLoop(Runnable next) {
        ctx.executor().execute(() -> {
            busy = false;
            next.run();
            while (!busy && !waiting.isEmpty() && state != State.CLOSED) handle(waiting.poll());
        });
    }

    /** RFC 6120 §4.9.1.2: a stream error before our header still opens the stream first. */
    private void openAndFail(String condition, String text, DomainBareJid from) {
        write(new StreamOutput.StreamOpen(from == null ? null : from.toString(), newStreamId()));
        closeWithError(condition, text);
    }

    void closeWithError(String condition, String text) {
        if (state == State.CLOSED) return;
        LOG.info("closing stream from {} ({}): {}{}", remote, account == null ? "unauthenticated" : account, condition,
                text == null ? "" : " - " + text);
        if (state == State.HEADER && domain == null) write(new StreamOutput.StreamOpen(null, newStreamId()));
        state = State.CLOSED;
        write(StreamWriter.streamError(condition, text), StreamOutput.CLOSE);
        if (session != null) endSession(condition);
        closeQuietly();
    }

    private void closeQuietly() {
        state = State.CLOSED;
        ctx.channel().close();
    }

    private byte[] channelBinding() {
        SslHandler ssl = ctx.pipeline().get(SslHandler.class);
        return ssl == null ? null : ChannelBindings.tlsServerEndPoint(ssl.engine().getSession());
    }

    private static String newStreamId() {
        return org.passerelle.core.auth.Scram.nonce();
    }

    /** Writes and flushes; may be called from any thread (workers answer through it). */
    void write(Element e) {
        StreamWriter.write(ctx.channel(), e);
    }

    /** Writes the messages in order, flushed once. */
    void write(StreamOutput... messages) {
        StreamWriter.write(ctx.channel(), messages);
    }

    // Accessors for the small collaborators in this package.
    C2sContext c2s() { return c2s; }
    Channel channel() { return ctx.channel(); }
    EntityBareJid account() { return account; }
    String remote() { return remote; }
    C2sSession session() { return session; }
    SessionLifecycle lifecycle() { return lifecycle; }
}
