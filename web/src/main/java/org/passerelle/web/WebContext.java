package org.passerelle.web;

import org.passerelle.web.bosh.BoshEndpoint;
import org.passerelle.xmpp.c2s.C2sContext;

/**
 * What the web listeners share: the client stream context (for WebSocket and BOSH sessions), the
 * BOSH sessions, the web client, and the bound ports, which host-meta lists. A port is -1 until
 * its listener is bound, and when it is off.
 */
final class WebContext {
    private final C2sContext c2s;
    private final BoshEndpoint bosh;
    private final WebClient client;

    WebContext(C2sContext c2s) {
        this.c2s = c2s;
        this.bosh = new BoshEndpoint(c2s);
        var server = c2s.server();
        this.client = WebClient.create(server.config(), WebContext.class.getClassLoader(), () -> server.domains().all().stream()
                .flatMap(d -> server.http().publicBase(d.toString()).stream()).toList());
    }

    BoshEndpoint bosh() {
        return bosh;
    }

    WebClient client() {
        return client;
    }

    C2sContext c2s() {
        return c2s;
    }

    /** The bound port of the HTTP listener, or -1; kept in the server's HTTP routes, which modules read too. */
    int httpPort() {
        return c2s.server().http().port(false).orElse(-1);
    }

    int httpsPort() {
        return c2s.server().http().port(true).orElse(-1);
    }

    void bound(boolean tls, int port) {
        c2s.server().http().listening(tls, port);
    }
}
