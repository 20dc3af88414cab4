package org.passerelle.xmpp.c2s;

import io.netty.handler.ssl.SslContext;
import java.security.SecureRandom;
import org.passerelle.core.auth.RateLimiter;
import org.passerelle.core.module.ServerContext;
import org.passerelle.xml.XmlLimits;
import org.passerelle.xmpp.sm.ResumableSessions;

/**
 * What all client connections of a server share: the core, TLS, resumable sessions, the login
 * failure limiter and the secret that makes fake SCRAM salts for unknown accounts.
 */
public record C2sContext(ServerContext server, SslContext ssl, ResumableSessions<C2sSession> resumable,
                         RateLimiter loginFailures, byte[] fakeSaltKey, XmlLimits xmlLimits) {

    public static C2sContext create(ServerContext server, SslContext ssl) {
        var limits = server.config().limits();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return new C2sContext(server, ssl, new ResumableSessions<>(),
                new RateLimiter(limits.loginFailuresPerMinute(), 60_000, server.clock()), secret,
                new XmlLimits(limits.stanzaBytes(), limits.xmlDepth(), limits.xmlAttributes()));
    }

    boolean tlsRequired() {
        return ssl != null && server.config().tls().required();
    }
}
