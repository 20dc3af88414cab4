package org.passerelle.web;

import java.util.ArrayList;
import java.util.List;
import org.passerelle.web.bosh.BoshEndpoint;
import org.passerelle.xml.XmlWriter;

/**
 * XEP-0156 discovery documents listing the WebSocket and BOSH endpoints: {@code wss://} and
 * {@code https://} on the HTTPS listener, {@code ws://} and {@code http://} on the HTTP one, each
 * only when it listens, and the plain ones only when a client may log in there
 * ({@code tls.required: false}): a client that picked one could not log in otherwise.
 */
final class HostMeta {
    static final String WEBSOCKET_REL = "urn:xmpp:alt-connections:websocket";
    static final String BOSH_REL = "urn:xmpp:alt-connections:xbosh";

    /** One endpoint: its XEP-0156 relation and URL. */
    record Link(String rel, String href) {
    }

    private HostMeta() {
    }

    /** The endpoints for a request that named {@code host} (without port); a port below 0 is off. */
    static List<Link> endpoints(String host, int httpPort, int httpsPort, boolean tlsRequired) {
        List<Link> links = new ArrayList<>(4);
        if (httpsPort >= 0) {
            links.add(new Link(WEBSOCKET_REL, "wss://" + host + ":" + httpsPort + WebRequestHandler.WEBSOCKET_PATH));
            links.add(new Link(BOSH_REL, "https://" + host + ":" + httpsPort + BoshEndpoint.PATH));
        }
        if (httpPort >= 0 && !tlsRequired) {
            links.add(new Link(WEBSOCKET_REL, "ws://" + host + ":" + httpPort + WebRequestHandler.WEBSOCKET_PATH));
            links.add(new Link(BOSH_REL, "http://" + host + ":" + httpPort + BoshEndpoint.PATH));
        }
        return links;
    }

    static String xrd(List<Link> links) {
        StringBuilder sb = new StringBuilder("<?xml version='1.0' encoding='utf-8'?>\n"
                + "<XRD xmlns='http://docs.oasis-open.org/ns/xri/xrd-1.0'>\n");
        for (Link link : links) {
            sb.append("  <Link rel='").append(link.rel()).append("' href='");
            XmlWriter.escapeAttr(link.href(), sb);
            sb.append("'/>\n");
        }
        return sb.append("</XRD>\n").toString();
    }

    static String json(List<Link> links) {
        StringBuilder sb = new StringBuilder("{\"links\":[");
        for (int i = 0; i < links.size(); i++) {
            if (i > 0) sb.append(',');
            // The URLs are built from a validated host name and numbers: nothing to escape.
            sb.append("{\"rel\":\"").append(links.get(i).rel()).append("\",\"href\":\"").append(links.get(i).href()).append("\"}");
        }
        return sb.append("]}").toString();
    }
}
