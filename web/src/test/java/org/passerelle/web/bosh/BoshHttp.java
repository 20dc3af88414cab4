package org.passerelle.web.bosh;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import org.passerelle.xml.Element;
import org.passerelle.xml.XmlFragment;
import org.passerelle.xml.XmlLimits;

/** A raw BOSH client for tests: POSTs text to /http-bind over HTTP/1.1 and reads the answer. */
final class BoshHttp {
    static final String NS = "http://jabber.org/protocol/httpbind";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI uri;

    BoshHttp(int port) {
        this.uri = URI.create("http://127.0.0.1:" + port + "/http-bind");
    }

    HttpResponse<String> post(String body) throws Exception {
        return http.send(request(body), HttpResponse.BodyHandlers.ofString());
    }

    CompletableFuture<HttpResponse<String>> postAsync(String body) {
        return http.sendAsync(request(body), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return http.send(b.uri(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String body) {
        return HttpRequest.newBuilder(uri).header("Content-Type", "text/xml; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** Posts and reads a 200 text/xml answer as a {@code <body/>} element. */
    Element body(String body) throws Exception {
        return parse(post(body));
    }

    static Element parse(HttpResponse<String> res) throws Exception {
        assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
        assertThat(res.headers().firstValue("content-type")).hasValue("text/xml; charset=utf-8");
        Element e = XmlFragment.parse(res.body(), XmlLimits.DEFAULT);
        assertThat(e.is("body", NS)).as(res.body()).isTrue();
        return e;
    }

    /** A session creation request (XEP-0206 §4) with the given rid and wait. */
    static String create(long rid, int wait) {
        return "<body xmlns='" + NS + "' content='text/xml; charset=utf-8' hold='1' rid='" + rid + "' to='localhost' ver='1.6'"
                + " wait='" + wait + "' xml:lang='en' xmlns:xmpp='urn:xmpp:xbosh' xmpp:version='1.0'/>";
    }

    static String request(String sid, long rid, String payload) {
        return "<body xmlns='" + NS + "' rid='" + rid + "' sid='" + sid + "'>" + payload + "</body>";
    }
}
