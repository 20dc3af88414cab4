package org.passerelle.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each kind of bad input gets the RFC 6120 answer, the offending stream is closed where the RFC
 * says so, and a legitimate Smack session on the same server keeps working throughout.
 */
class BadInputIT {
    private static ItServer server;
    private static Bystander bystander;

    @BeforeAll
    static void start() throws Exception {
        server = ItServer.start("""
                limits: {stanzaBytes: 20000, xmlDepth: 10, authTimeout: 2, idleTimeout: 5}
                """);
        server.user("mallory", "evil");
        server.user("victim", "unlucky");
        bystander = Bystander.on(server);
    }

    @AfterAll
    static void stop() throws Exception {
        bystander.close();
        server.close();
    }

    /** After every bad client, the legitimate session still answers pings and gets messages. */
    @AfterEach
    void bystanderStillWorks() throws Exception {
        bystander.assertStillWorks();
    }

    private static void assertStreamError(RawClient c, String condition) throws Exception {
        String said = c.expect("</stream:stream>");
        assertThat(said).contains("<" + condition + " xmlns=\"urn:ietf:params:xml:ns:xmpp-streams\"/>");
        assertThat(c.closedByServer(3000)).as("server closes the connection").isTrue();
    }

    @Test
    void malformedXml() throws Exception {
        try (RawClient c = new RawClient(server)) {
            c.send(RawClient.HEADER).expect("</stream:features>");
            c.send("<message><body>x</message>");
            assertStreamError(c, "not-well-formed");
        }
    }

    @Test
    void invalidUtf8() throws Exception {
        try (RawClient c = new RawClient(server)) {
            c.send(RawClient.HEADER).expect("</stream:features>");
            c.send(new byte[] {'<', 'a', '>', (byte) 0xC3, (byte) 0x28, '<', '/', 'a', '>', '<', 'b', '/', '>'});
            assertStreamError(c, "not-well-formed");
        }
    }

    @Test
    void dtdWithEntityDeclaration() throws Exception {
        try (RawClient c = new RawClient(server)) {
            c.send("<?xml version='1.0'?><!DOCTYPE lol [<!ENTITY lol 'lol'><!ENTITY lol2 '&lol;&lol;'>]>" + RawClient.HEADER);
            assertStreamError(c, "restricted-xml");
        }
    }

    @Test
    void undeclaredEntityReference() throws Exception {
        try (RawClient c = new RawClient(server)) {
            c.send(RawClient.HEADER).expect("</stream:features>");
            c.send("<message><body>&lol2;</body></message><presence/>");
            String said = c.expect("</stream:stream>");
            assertThat(said).containsAnyOf("restricted-xml", "not-well-formed");
            assertThat(c.closedByServer(3000)).isTrue();
        }
    }

    @Test
    void comment() throws Exception {
        try (RawClient c = new RawClient(server)) {
            c.send(RawClient.HEADER).expect("</stream:features>");
            c.send("<!-- hello -->");
            assertStreamError(c, "restricted-xml");
        }
    }

    @Test
    void processingInstruction() throws Exception {
        try (RawClient c = new RawClient(server)) {
            c.send(RawClient.HEADER).expect("</stream:features>");
            c.send("<?evil instruction?>");
            assertStreamError(c, "restricted-xml");
        }
    }

    @Test
    void stanzaOverTheSizeLimit() throws Exception {
        try (RawClient c = new RawClient(server).login("mallory", "evil", "big")) {
            c.send("<message to='bob@localhost'><body>" + "x".repeat(30_000) + "</body></message>");
            assertStreamError(c, "policy-violation");
        }
    }

    @Test
    void nestingDeeperThanTheLimit() throws Exception {
        try (RawClient c = new RawClient(server).login("mallory", "evil", "deep")) {
            c.send("<message>" + "<a>".repeat(20) + "</a>".repeat(20) + "</message>");
            assertStreamError(c, "policy-violation");
        }
    }

    @Test
    void stanzaBeforeAuthentication() throws Exception {
        try (RawClient c = new RawClient(server)) {
            c.startTls();
            c.send("<message to='bob@localhost'><body>unauthenticated</body></message>");
            assertStreamError(c, "not-authorized");
        }
    }

    @Test
    void bindingTwice() throws Exception {
        try (RawClient c = new RawClient(server).login("mallory", "evil", "twice")) {
            c.send("<iq type='set' id='b2'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><resource>again</resource></bind></iq>");
            String said = c.expect("</iq>");
            assertThat(said).contains("id=\"b2\"").contains("type=\"error\"").contains("<not-allowed");
            c.send("<iq type='get' id='p'><ping xmlns='urn:xmpp:ping'/></iq>");
            assertThat(c.expect("id=\"p\"")).contains("type=\"result\"");
        }
    }

    @Test
    void forgedFrom() throws Exception {
        try (RawClient c = new RawClient(server).login("mallory", "evil", "forger")) {
            c.send("<message from='bob@localhost/bystander' to='victim@localhost'><body>it was bob</body></message>");
            assertStreamError(c, "invalid-from");
        }
    }

    @Test
    void invalidJids() throws Exception {
        try (RawClient c = new RawClient(server).login("mallory", "evil", "jids")) {
            c.send("<message id='j1' to='@localhost'><body>x</body></message>");
            assertThat(c.expect("</message>")).contains("id=\"j1\"").contains("<jid-malformed");
            c.send("<message id='j2' to='" + "a".repeat(1024) + "@localhost'><body>x</body></message>");
            assertThat(c.expect("</message>")).contains("id=\"j2\"").contains("<jid-malformed");
            c.send("<message id='j3' to='bad user@localhost'><body>x</body></message>");
            assertThat(c.expect("</message>")).contains("id=\"j3\"").contains("<jid-malformed");
            c.send("<message id='j4' to='bob@localhost/'><body>x</body></message>");
            assertThat(c.expect("</message>")).contains("id=\"j4\"").contains("<jid-malformed");
        }
    }

    @Test
    void saslWithBadBase64() throws Exception {
        try (RawClient c = new RawClient(server)) {
            c.startTls();
            c.send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>not*base64!</auth>");
            assertThat(c.expect("</failure>")).contains("<incorrect-encoding");
        }
    }

    @Test
    void saslWithAWrongScramProof() throws Exception {
        try (RawClient c = new RawClient(server)) {
            c.startTls();
            String first = "n,,n=victim,r=abcdefghijklmnop";
            c.send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='SCRAM-SHA-1'>" + b64(first) + "</auth>");
            String challenge = c.expect("</challenge>");
            String serverFirst = new String(java.util.Base64.getDecoder().decode(
                    challenge.substring(challenge.indexOf('>', challenge.indexOf("<challenge")) + 1, challenge.indexOf("</challenge>"))));
            String nonce = serverFirst.substring(2, serverFirst.indexOf(','));
            String fin = "c=biws,r=" + nonce + ",p=" + java.util.Base64.getEncoder().encodeToString(new byte[20]);
            c.send("<response xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>" + b64(fin) + "</response>");
            assertThat(c.expect("</failure>")).contains("<not-authorized");
        }
    }

    @Test
    void silentConnectionTimesOut() throws Exception {
        try (RawClient c = new RawClient(server)) {
            c.send(RawClient.HEADER).expect("</stream:features>");
            assertThat(c.expect("</stream:stream>")).contains("connection-timeout");
            assertThat(c.closedByServer(3000)).isTrue();
        }
    }

    @Test
    void silentAuthenticatedClientIsPingedThenClosed() throws Exception {
        try (RawClient c = new RawClient(server).login("mallory", "evil", "silent")) {
            String ping = c.expect("</iq>");
            assertThat(ping).contains("<ping xmlns=\"urn:xmpp:ping\"/>").contains("type=\"get\"");
            assertThat(c.expect("</stream:stream>")).contains("connection-timeout");
            assertThat(c.closedByServer(3000)).isTrue();
        }
    }

    @Test
    void whitespaceKeepalivesKeepAnIdleClientConnected() throws Exception {
        try (RawClient c = new RawClient(server).login("mallory", "evil", "keepalive")) {
            for (int i = 0; i < 8; i++) {
                Thread.sleep(1000);
                c.send(" ");
            }
            c.send("<iq type='get' id='alive'><ping xmlns='urn:xmpp:ping'/></iq>");
            String said = c.expect("id=\"alive\"");
            assertThat(said).doesNotContain("<ping").doesNotContain("stream:error");
        }
    }

    @Test
    void unknownHostAndWrongVersion() throws Exception {
        try (RawClient c = new RawClient(server)) {
            c.send(RawClient.HEADER.replace("to='localhost'", "to='elsewhere.example'"));
            assertStreamError(c, "host-unknown");
        }
        try (RawClient c = new RawClient(server)) {
            c.send(RawClient.HEADER.replace("version='1.0'>", "version='0.9'>"));
            assertStreamError(c, "unsupported-version");
        }
    }

    @Test
    void messagesStillFlowForTheBystander() throws Exception {
        XMPPTCPConnection other = server.connect("bob", "builder", "second");
        var received = new java.util.concurrent.LinkedBlockingQueue<Message>();
        bystander.connection().addAsyncStanzaListener(s -> received.add((Message) s), s -> s instanceof Message m && m.getBody() != null);
        other.sendStanza(other.getStanzaFactory().buildMessageStanza().to(bystander.connection().getUser()).setBody("still here").build());
        Message m = received.poll(5, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(m).isNotNull();
        assertThat(m.getBody()).isEqualTo("still here");
        other.disconnect();
    }

    private static String b64(String s) {
        return java.util.Base64.getEncoder().encodeToString(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
