package org.passerelle.web.bosh;

import io.netty.channel.ChannelHandlerContext;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.jxmpp.jid.Jid;
import org.passerelle.core.config.BoshConfig;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.stanza.StanzaException;
import org.passerelle.xml.Element;
import org.passerelle.xmpp.c2s.C2sContext;
import org.passerelle.xmpp.c2s.FramedStreams;
import org.passerelle.xmpp.metering.DataMeter;

/**
 * The BOSH sessions of a server by {@code sid}: creates them from a session request (XEP-0124 §7)
 * and hands every other request to its session's event loop. A sid is 128 random bits.
 */
final class BoshSessions {
    static final String VERSION = "1.11";

    private final C2sContext c2s;
    private final BoshConfig settings;
    private final SecureRandom random = new SecureRandom();
    private final ConcurrentHashMap<String, BoshSession> sessions = new ConcurrentHashMap<>();
    /** Sessions not yet authenticated, by client address (bosh.loginsPerAddress). */
    private final ConcurrentHashMap<String, Integer> logins = new ConcurrentHashMap<>();

    BoshSessions(C2sContext c2s, BoshConfig settings) {
        this.c2s = c2s;
        this.settings = settings;
    }

    BoshConfig settings() {
        return settings;
    }

    /** A body without a sid: a new session, on the event loop of the connection that asked. */
    void create(ChannelHandlerContext ctx, BoshExchange x, Element body, boolean tls) {
        long rid = BoshBody.number(body, "rid");
        long wait = BoshBody.number(body, "wait");
        long hold = BoshBody.number(body, "hold");
        if (rid < 0 || (body.attr("wait") != null && wait < 0) || (body.attr("hold") != null && hold < 0)) {
            x.send(BoshResponse.terminate("bad-request", List.of()));
            return;
        }
        String domain = localDomain(body.attr("to"));
        if (domain == null) {
            x.send(BoshResponse.terminate("host-unknown", List.of()));
            return;
        }
        String address = ctx.channel().remoteAddress() instanceof InetSocketAddress a ? a.getAddress().getHostAddress() : "?";
        if (!loginStarted(address)) {
            x.send(BoshResponse.terminate("policy-violation", List.of()));
            return;
        }
        String lang = body.attr("xml:lang");
        var terms = new BoshTerms(domain, lang == null ? "en" : lang,
                (int) (wait < 0 ? settings.maxWait() : Math.min(wait, settings.maxWait())),
                (int) (hold < 0 ? 1 : Math.min(hold, 1)), version(body.attr("ver")), settings.inactivity(), settings.polling());
        String sid = newSid();
        BoshSession s = new BoshSession(sid, this, ctx.channel().eventLoop(), ctx.channel().remoteAddress(), address,
                FramedStreams.streamHandler(c2s, tls, "bosh"), terms, rid, DataMeter.create(c2s.server(), "bosh"));
        sessions.put(sid, s);
        s.loop().execute(() -> s.start(x));
    }

    /** A body for a session: answered on that session's loop, or terminated when the sid is unknown (§17.2). */
    void request(BoshExchange x, String sid, Element body) {
        BoshSession s = sessions.get(sid);
        if (s == null) {
            x.send(BoshResponse.terminate("item-not-found", List.of()));
            return;
        }
        s.loop().execute(() -> s.request(x, body));
    }

    /** An unreadable body: {@code bad-request}, and the end of the session it names, if any. */
    void unreadable(BoshExchange x, BoshBody.Unreadable u) {
        BoshSession s = u.sid() == null ? null : sessions.get(u.sid());
        if (s == null) {
            x.send(BoshResponse.terminate("bad-request", List.of()));
            return;
        }
        s.loop().execute(() -> s.unreadable(x, u.condition(), u.reason()));
    }

    /** Counts a session of {@code address} that has yet to authenticate; false when it has too many. */
    private boolean loginStarted(String address) {
        boolean[] allowed = {true};
        logins.compute(address, (a, n) -> {
            int open = n == null ? 0 : n;
            if (open >= settings.loginsPerAddress()) {
                allowed[0] = false;
                return n;
            }
            return open + 1;
        });
        return allowed[0];
    }

    /** A session of {@code address} authenticated or ended before. */
    void loginOver(String address) {
        logins.computeIfPresent(address, (a, n) -> n <= 1 ? null : n - 1);
    }

    void remove(BoshSession s) {
        sessions.remove(s.sid(), s);
    }

    private String localDomain(String to) {
        if (to == null) return null;
        try {
            Jid jid = Jids.parse(to);
            if (jid.hasLocalpart() || jid.hasResource() || !c2s.server().domains().isLocal(jid)) return null;
            return jid.asDomainBareJid().toString();
        } catch (StanzaException e) {
            return null;
        }
    }

    /** XEP-0124 §7.2: the lower of the client's version and ours. */
    static String version(String asked) {
        if (asked == null || !asked.matches("\\d{1,4}\\.\\d{1,4}")) return VERSION;
        String[] a = asked.split("\\.");
        String[] o = VERSION.split("\\.");
        int major = Integer.parseInt(a[0]) - Integer.parseInt(o[0]);
        int minor = Integer.parseInt(a[1]) - Integer.parseInt(o[1]);
        return major < 0 || (major == 0 && minor < 0) ? asked : VERSION;
    }

    private String newSid() {
        byte[] b = new byte[16];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
