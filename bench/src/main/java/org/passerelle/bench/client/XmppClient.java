package org.passerelle.bench.client;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.passerelle.xml.Element;
import org.passerelle.xml.XmlLimits;
import org.passerelle.xml.XmlStreamException;
import org.passerelle.xml.XmlStreamListener;
import org.passerelle.xml.XmlStreamParser;

/**
 * One client connection: the whole login state machine (stream, STARTTLS, SASL, bind, session,
 * roster, presence) as one small object that is also the channel's only handler. Runs on the
 * channel's event loop; {@link #send} may be called from any thread.
 */
public final class XmppClient extends ChannelInboundHandlerAdapter implements XmlStreamListener {
    static final String STREAMS = XmlStreamParser.STREAM_NS;
    static final String TLS = "urn:ietf:params:xml:ns:xmpp-tls";
    static final String SASL = "urn:ietf:params:xml:ns:xmpp-sasl";
    static final String BIND = "urn:ietf:params:xml:ns:xmpp-bind";
    static final String SESSION = "urn:ietf:params:xml:ns:xmpp-session";
    private static final XmlLimits LIMITS = new XmlLimits(4 * 1024 * 1024, 64, 64);

    enum State { CONNECTING, FEATURES, STARTTLS, AUTH, BIND, SESSION, ROSTER, ONLINE, CLOSED }

    private final ClientConfig config;
    private final SslContext ssl;
    private final int index;
    private final String user;
    private final String password;
    private final ClientListener listener;
    private final long startNanos = System.nanoTime();
    private Channel channel;
    private XmlStreamParser parser;
    private State state = State.CONNECTING;
    private boolean secured;
    private boolean authenticated;
    private boolean sessionRequired;
    private ScramClient scram;
    private String jid;

    XmppClient(ClientConfig config, SslContext ssl, int index, String user, String password, ClientListener listener) {
        this.config = config;
        this.ssl = ssl;
        this.index = index;
        this.user = user;
        this.password = password;
        this.listener = listener;
    }

    /** The scenario's number for this user (0..N-1). */
    public int index() { return index; }

    public String user() { return user; }

    /** The bound full JID, once bound. */
    public String jid() { return jid; }

    public boolean online() { return state == State.ONLINE; }

    /** True while the socket can take more without queueing in memory. */
    public boolean writable() { return channel != null && channel.isWritable(); }

    public void send(String xml) {
        Channel c = channel;
        if (c != null && c.isActive()) c.writeAndFlush(ByteBufUtil.writeUtf8(c.alloc(), xml), c.voidPromise());
    }

    /** Ends the stream politely and closes the socket. */
    public void close() {
        Channel c = channel;
        if (c == null) return;
        if (c.isActive()) {
            c.writeAndFlush(ByteBufUtil.writeUtf8(c.alloc(), "</stream:stream>")).addListener(ChannelFutureListener.CLOSE);
        } else {
            c.close();
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        // A server that accepts the socket and then says nothing must not hold a login forever.
        ctx.executor().schedule(() -> {
            if (state != State.ONLINE) fail("login timed out during " + state);
        }, config.loginTimeoutSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        openStream();
    }

    private void openStream() {
        parser = new XmlStreamParser(LIMITS, this);
        state = State.FEATURES;
        send("<?xml version='1.0'?><stream:stream to='" + config.domain() + "' version='1.0' xml:lang='en'"
                + " xmlns='jabber:client' xmlns:stream='" + STREAMS + "'>");
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf buf = (ByteBuf) msg;
        try {
            if (state != State.CLOSED) parser.feed(buf.nioBuffer());
        } catch (XmlStreamException e) {
            fail("bad XML from server: " + e.getMessage());
        } catch (RuntimeException e) {
            fail(e.toString());
        } finally {
            buf.release();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        fail(state == State.ONLINE ? "closed" : "connection closed during " + state);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        fail(cause.toString());
    }

    /** Connecting failed before the channel became active. */
    void connectFailed(Throwable cause) {
        fail("connect: " + cause.getMessage());
    }

    private void fail(String reason) {
        if (state == State.CLOSED) return;
        boolean wasOnline = state == State.ONLINE;
        state = State.CLOSED;
        if (channel != null) channel.close();
        listener.closed(this, wasOnline, reason);
    }

    @Override
    public void streamOpened(Element header) {
    }

    @Override
    public void streamClosed() {
        fail("server closed the stream");
    }

    @Override
    public void element(Element e) {
        if (e.is("error", STREAMS)) {
            Element cond = e.firstElement();
            fail("stream error " + (cond == null ? "" : cond.name()));
            return;
        }
        switch (state) {
            case FEATURES -> features(e);
            case STARTTLS -> proceed(e);
            case AUTH -> sasl(e);
            case BIND -> bound(e);
            case SESSION -> expectResult(e, "sess", this::afterSession);
            case ROSTER -> expectResult(e, "roster", this::becomeOnline);
            case ONLINE -> onlineStanza(e);
            default -> { }
        }
    }

    private void features(Element f) {
        if (!f.is("features", STREAMS)) return;
        if (authenticated) {
            if (f.child("bind", BIND) == null) { fail("no resource binding offered"); return; }
            Element session = f.child("session", SESSION);
            sessionRequired = session != null && session.child("optional", SESSION) == null;
            state = State.BIND;
            send("<iq type='set' id='bind'><bind xmlns='" + BIND + "'><resource>bench</resource></bind></iq>");
            return;
        }
        if (config.tls() && !secured) {
            if (f.child("starttls", TLS) == null) { fail("server offers no STARTTLS"); return; }
            state = State.STARTTLS;
            send("<starttls xmlns='" + TLS + "'/>");
            return;
        }
        Element mechs = f.child("mechanisms", SASL);
        List<String> offered = mechs == null ? List.of() : mechs.children("mechanism", SASL).stream().map(Element::text).toList();
        String mechanism = config.choose(offered);
        if (mechanism == null) { fail("no usable SASL mechanism in " + offered); return; }
        state = State.AUTH;
        String initial;
        if (mechanism.equals("PLAIN")) {
            initial = "\0" + user + "\0" + password;
        } else {
            scram = new ScramClient(mechanism, user, password);
            initial = scram.clientFirst();
        }
        send("<auth xmlns='" + SASL + "' mechanism='" + mechanism + "'>" + base64(initial) + "</auth>");
    }

    private void proceed(Element e) {
        if (!e.is("proceed", TLS)) { fail("STARTTLS refused"); return; }
        SslHandler handler = ssl.newHandler(channel.alloc(), config.host(), config.port());
        channel.pipeline().addFirst("tls", handler);
        handler.handshakeFuture().addListener(f -> {
            if (!f.isSuccess()) { fail("TLS handshake: " + f.cause()); return; }
            secured = true;
            openStream();
        });
    }

    private void sasl(Element e) {
        if (e.is("challenge", SASL) && scram != null) {
            String serverFirst = unbase64(e.text());
            send("<response xmlns='" + SASL + "'>" + base64(scram.clientFinal(serverFirst)) + "</response>");
        } else if (e.is("success", SASL)) {
            String text = e.text();
            if (scram != null && !text.isEmpty() && !scram.verifyServerFinal(unbase64(text))) {
                fail("server signature does not verify");
                return;
            }
            authenticated = true;
            openStream();
        } else if (e.is("failure", SASL)) {
            Element cond = e.firstElement();
            fail("SASL failure " + (cond == null ? "" : cond.name()));
        }
    }

    private void bound(Element e) {
        if (!e.name().equals("iq") || !"bind".equals(e.attr("id"))) return;
        Element b = e.child("bind", BIND);
        if (!"result".equals(e.attr("type")) || b == null) { fail("bind failed"); return; }
        jid = b.childText("jid", BIND);
        if (!sessionRequired) { afterSession(); return; }
        state = State.SESSION;
        send("<iq type='set' id='sess'><session xmlns='" + SESSION + "'/></iq>");
    }

    private void afterSession() {
        if (config.rosterAndPresence()) {
            state = State.ROSTER;
            send("<iq type='get' id='roster'><query xmlns='jabber:iq:roster'/></iq>");
        } else {
            becomeOnline();
        }
    }

    private void expectResult(Element e, String id, Runnable next) {
        if (!e.name().equals("iq") || !id.equals(e.attr("id"))) return;
        if ("result".equals(e.attr("type"))) next.run();
        else fail(id + " failed");
    }

    private void becomeOnline() {
        if (config.rosterAndPresence()) send("<presence/>");
        state = State.ONLINE;
        listener.online(this, System.nanoTime() - startNanos);
    }

    private void onlineStanza(Element e) {
        if (e.name().equals("iq")) {
            String type = e.attr("type");
            if ("get".equals(type) || "set".equals(type)) {
                if (e.attr("from") != null) send("<iq type='result' id='" + escape(e.attr("id")) + "' to='" + escape(e.attr("from")) + "'/>");
                return;
            }
        }
        listener.stanza(this, e);
    }

    static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("'", "&apos;").replace("<", "&lt;");
    }

    private static String base64(String s) {
        return s.isEmpty() ? "=" : Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String unbase64(String s) {
        return s.isEmpty() || s.equals("=") ? "" : new String(Base64.getDecoder().decode(s.strip()), StandardCharsets.UTF_8);
    }
}
