package org.passerelle.web;

import java.util.ArrayList;
import java.util.List;
import org.passerelle.xml.XmlWriter;

/**
 * XEP-0156 discovery documents listing the WebSocket endpoints: {@code ws://} on the HTTP
 * listener and {@code wss://} on the HTTPS one, each only when it listens. BOSH is not served,
 * so it is not listed.
 */
final class HostMeta {
    static final String WEBSOCKET_REL = "urn:xmpp:alt-connections:websocket";

    private HostMeta() {
    }

    /** The endpoint URLs for a request that named {@code host} (without port); a port below 0 is off. */
    static List<String> endpoints(String host, int httpPort, int httpsPort) {
        List<String> urls = new ArrayList<>(2);
        if (httpsPort >= 0) urls.add("wss://" + host + ":" + httpsPort + WebRequestHandler.WEBSOCKET_PATH);
        if (httpPort >= 0) urls.add("ws://" + host + ":" + httpPort + WebRequestHandler.WEBSOCKET_PATH);
        return urls;
    }

    static String xrd(List<String> urls) {
        StringBuilder sb = new StringBuilder("<?xml version='1.0' encoding='utf-8'?>\n"
                + "<XRD xmlns='http://docs.oasis-open.org/ns/xri/xrd-1.0'>\n");
        for (String url : urls) {
            sb.append("  <Link rel='").append(WEBSOCKET_REL).append("' href='");
            XmlWriter.escapeAttr(url, sb);
            sb.append("'/>\n");
        }
        return sb.append("</XRD>\n").toString();
    }

    static String json(List<String> urls) {
        StringBuilder sb = new StringBuilder("{\"links\":[");
        for (int i = 0; i < urls.size(); i++) {
            if (i > 0) sb.append(',');
            // The URLs are built from a validated host name and numbers: nothing to escape.
            sb.append("{\"rel\":\"").append(WEBSOCKET_REL).append("\",\"href\":\"").append(urls.get(i)).append("\"}");
        }
        return sb.append("]}").toString();
    }
}
