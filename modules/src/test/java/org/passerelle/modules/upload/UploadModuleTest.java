package org.passerelle.modules.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passerelle.core.http.HttpAnswer;
import org.passerelle.core.http.HttpCall;
import org.passerelle.core.http.HttpRoute;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.stanza.Namespaces;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.testing.TestServer;
import org.passerelle.core.testing.TestSession;
import org.passerelle.modules.disco.DiscoModule;
import org.passerelle.xml.Element;

/** The XMPP side: discovery and slot requests, each refusal of XEP-0363 §5. */
class UploadModuleTest {
    private static final String NS = UploadModule.NS;
    private static final String INFO = Namespaces.DISCO_INFO;

    @TempDir
    Path dir;
    private TestServer server;

    private TestServer start(String options) {
        return start(options, "");
    }

    private TestServer start(String options, String moreYaml) {
        server = new TestServer("domains: [{name: localhost}, {name: example.org}]\n" + moreYaml
                + "modules: {upload: {directory: '" + dir + "', maxFileBytes: 1000, quotaBytes: 2500, " + options + "}}",
                new DiscoModule(), new UploadModule());
        server.context().http().listening(true, 5443);
        return server;
    }

    @AfterEach
    void stop() {
        if (server != null) server.close();
    }

    private static String request(String filename, String size, String type) {
        return "<iq type='get' id='r' to='upload.localhost'><request xmlns='" + NS + "'"
                + (filename == null ? "" : " filename='" + filename + "'") + (size == null ? "" : " size='" + size + "'")
                + (type == null ? "" : " content-type='" + type + "'") + "/></iq>";
    }

    private static Element error(Stanza reply) {
        assertThat(reply.type()).isEqualTo("error");
        return reply.element().child("error", Namespaces.CLIENT);
    }

    private static String condition(Stanza reply) {
        return error(reply).children().stream().filter(n -> n instanceof Element e && e.namespace().equals(Namespaces.STANZA_ERRORS)
                && !e.name().equals("text")).map(n -> ((Element) n).name()).findFirst().orElseThrow();
    }

    @Test
    void theServiceIsListedAndDescribesItsLimit() {
        start("");
        TestSession alice = server.login("alice@localhost/a");
        server.send(alice, "<iq type='get' id='i' to='localhost'><query xmlns='http://jabber.org/protocol/disco#items'/></iq>");
        assertThat(alice.next().element().firstElement().children("item", "http://jabber.org/protocol/disco#items"))
                .extracting(i -> i.attr("jid")).contains("upload.localhost");

        server.send(alice, "<iq type='get' id='j' to='upload.localhost'><query xmlns='" + INFO + "'/></iq>");
        Element q = alice.next().element().firstElement();
        Element identity = q.child("identity", INFO);
        assertThat(identity.attr("category")).isEqualTo("store");
        assertThat(identity.attr("type")).isEqualTo("file");
        assertThat(q.children("feature", INFO)).extracting(f -> f.attr("var")).contains(NS);
        Element form = q.child("x", "jabber:x:data");
        assertThat(form.children("field", "jabber:x:data")).extracting(f -> f.attr("var") + "=" + f.childText("value", "jabber:x:data"))
                .containsExactly("FORM_TYPE=" + NS, "max-file-size=1000");
    }

    @Test
    void aSlotHasPutAndGetUrlsOnTheHttpsListenerAndAnAuthorizationHeader() {
        start("");
        TestSession alice = server.login("alice@localhost/a");
        server.send(alice, request("../../etc/passwd", "999", "image/jpeg"));
        Stanza reply = alice.next();
        assertThat(reply.type()).isEqualTo("result");
        Element slot = reply.element().child("slot", NS);
        Element put = slot.child("put", NS);
        String url = put.attr("url");
        assertThat(url).matches("https://localhost:5443/upload/[A-Za-z0-9_-]{22}/passwd");
        assertThat(slot.child("get", NS).attr("url")).isEqualTo(url);
        Element header = put.child("header", NS);
        assertThat(header.attr("name")).isEqualTo("Authorization");
        assertThat(header.text()).startsWith("Bearer ").hasSizeGreaterThan(40);
    }

    @Test
    void thePublicUrlWinsOverTheListeners() {
        start("", "web: {publicUrl: 'https://files.example.org/x/'}\n");
        TestSession alice = server.login("alice@localhost/a");
        server.send(alice, request("a b.txt", "10", null));
        String url = alice.next().element().child("slot", NS).child("get", NS).attr("url");
        assertThat(url).matches("https://files\\.example\\.org/x/upload/[A-Za-z0-9_-]{22}/a%20b\\.txt");
    }

    @Test
    void aFileOverTheLimitIsRefusedWithTheLimit() {
        start("");
        TestSession alice = server.login("alice@localhost/a");
        server.send(alice, request("big.bin", "1001", null));
        Stanza reply = alice.next();
        assertThat(condition(reply)).isEqualTo("not-acceptable");
        assertThat(error(reply).attr("type")).isEqualTo("modify");
        assertThat(error(reply).child("file-too-large", NS).childText("max-file-size", NS)).isEqualTo("1000");
    }

    @Test
    void badRequestsAreRefused() {
        start("");
        TestSession alice = server.login("alice@localhost/a");
        for (String bad : new String[] {request(null, "10", null), request("a", null, null), request("a", "-1", null),
                request("a", "ten", null), request("a", "10", "text/html&quot;&gt;&lt;script"), request("", "10", null)}) {
            server.send(alice, bad);
            assertThat(condition(alice.next())).as(bad).isEqualTo("bad-request");
        }
    }

    @Test
    void onlyAccountsOfTheDomainMayAsk() {
        start("");
        TestSession bob = server.login("bob@example.org/b");
        server.send(bob, request("a.txt", "10", null));
        Stanza reply = bob.next();
        assertThat(condition(reply)).isEqualTo("not-allowed");
        server.send(bob, request("a.txt", "10", null).replace("upload.localhost", "upload.example.org"));
        assertThat(bob.next().type()).as("its own domain's service").isEqualTo("result");
    }

    @Test
    void theQuotaCountsPendingSlots() {
        start("");
        TestSession alice = server.login("alice@localhost/a");
        for (int i = 0; i < 2; i++) {
            server.send(alice, request("f" + i, "1000", null));
            assertThat(alice.next().type()).isEqualTo("result");
        }
        server.send(alice, request("f3", "501", null));
        Stanza reply = alice.next();
        assertThat(condition(reply)).isEqualTo("resource-constraint");
        assertThat(error(reply).attr("type")).isEqualTo("wait");
        assertThat(error(reply).childText("text", Namespaces.STANZA_ERRORS)).contains("Quota");
        server.send(alice, request("f4", "500", null));
        assertThat(alice.next().type()).as("exactly the quota").isEqualTo("result");
    }

    @Test
    void slotRequestsAreRateLimitedPerAccount() {
        start("slotsPerMinute: 3");
        TestSession alice = server.login("alice@localhost/a");
        for (int i = 0; i < 3; i++) {
            server.send(alice, request("f", "1", null));
            assertThat(alice.next().type()).isEqualTo("result");
        }
        server.send(alice, request("f", "1", null));
        Stanza reply = alice.next();
        assertThat(condition(reply)).isEqualTo("resource-constraint");
        Instant retry = Instant.parse(error(reply).child("retry", NS).attr("stamp"));
        assertThat(retry).isAfter(Instant.now());
        TestSession carol = server.login("carol@localhost/c");
        server.send(carol, request("f", "1", null));
        assertThat(carol.next().type()).as("another account").isEqualTo("result");
    }

    @Test
    void theMountedRouteTakesTheUploadAndDeletingTheAccountDeletesTheFile() throws Exception {
        start("");
        TestSession alice = server.login("alice@localhost/a");
        server.send(alice, request("note.txt", "5", "text/plain"));
        Element put = alice.next().element().child("slot", NS).child("put", NS);
        String path = URI.create(put.attr("url")).getPath();
        HttpRoute route = server.context().http().find(path).orElseThrow().route();
        // As the web listener does: the body in a file of the route's directory.
        Path body = Files.writeString(Files.createTempFile(route.bodyDirectory(), "body-", ".part"), "hello");
        HttpAnswer created = route.handle(new HttpCall("PUT", path, Map.of(), Map.of("authorization", List.of(put.childText("header", NS)),
                "content-type", List.of("text/plain"), "content-length", List.of("5")), new byte[0], body,
                new InetSocketAddress("127.0.0.1", 1), "https://localhost:5443", true));
        assertThat(created.status()).isEqualTo(201);
        assertThat(body).as("moved into place").doesNotExist();
        HttpAnswer get = route.handle(call("GET", path, new byte[0], Map.of()));
        assertThat(Files.readString(get.file())).isEqualTo("hello");

        server.context().accounts().delete(Jids.of("alice@localhost").asEntityBareJidOrThrow());
        assertThat(get.file()).doesNotExist();
        assertThat(route.handle(call("GET", path, new byte[0], Map.of())).status()).isEqualTo(404);
    }

    private static HttpCall call(String method, String path, byte[] body, Map<String, List<String>> headers) {
        return new HttpCall(method, path, Map.of(), headers, body, new InetSocketAddress("127.0.0.1", 1), "https://localhost:5443", true);
    }

    @Test
    void withoutAWebListenerThereIsNoSlot() {
        server = new TestServer("modules: {upload: {directory: '" + dir + "'}}", new UploadModule());
        TestSession alice = server.login("alice@localhost/a");
        server.send(alice, request("a", "1", null));
        assertThat(condition(alice.next())).isEqualTo("service-unavailable");
    }

    @Test
    void disabledItIsNotThere() throws Exception {
        server = new TestServer("modules: {upload: {enabled: false, directory: '" + dir + "/x'}}", new UploadModule());
        TestSession alice = server.login("alice@localhost/a");
        server.send(alice, request("a", "1", null));
        assertThat(alice.next().type()).isEqualTo("error");
        assertThat(server.context().http().find("/upload/x")).isEmpty();
        assertThat(Files.exists(dir.resolve("x"))).isFalse();
    }
}
