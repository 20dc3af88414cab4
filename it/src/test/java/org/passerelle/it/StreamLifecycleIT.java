package org.passerelle.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** RFC 6120 stream basics over a raw socket: features at each step, binding, conflicts, closing. */
class StreamLifecycleIT {
    private static ItServer server;

    @BeforeAll
    static void start() throws Exception {
        server = ItServer.start();
        server.user("dave", "pw-dave");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void featuresOfferTlsFirstThenSaslThenBind() throws Exception {
        try (RawClient c = new RawClient(server)) {
            String before = c.send(RawClient.HEADER).expect("</stream:features>");
            assertThat(before).contains("<starttls xmlns=\"urn:ietf:params:xml:ns:xmpp-tls\"><required/></starttls>")
                    .doesNotContain("<mechanisms");
        }
        try (RawClient c = new RawClient(server)) {
            String afterTls = c.startTlsFeatures();
            assertThat(afterTls).contains("<mechanism>SCRAM-SHA-256-PLUS</mechanism>").contains("<mechanism>SCRAM-SHA-1</mechanism>")
                    .contains("<mechanism>PLAIN</mechanism>").doesNotContain("<starttls");
        }
        try (RawClient c = new RawClient(server).authenticate("dave", "pw-dave")) {
            c.send("<iq type='set' id='b'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/></iq>");
            String bound = c.expect("</iq>");
            assertThat(bound).contains("type=\"result\"").containsPattern("<jid>dave@localhost/[^<]+</jid>");
        }
    }

    @Test
    void aSecondSessionWithTheSameResourceReplacesTheFirst() throws Exception {
        try (RawClient first = new RawClient(server).login("dave", "pw-dave", "desk");
             RawClient second = new RawClient(server).login("dave", "pw-dave", "desk")) {
            assertThat(first.expect("</stream:stream>")).contains("<conflict xmlns=\"urn:ietf:params:xml:ns:xmpp-streams\"/>");
            assertThat(first.closedByServer(3000)).isTrue();
            second.send("<iq type='get' id='still'><ping xmlns='urn:xmpp:ping'/></iq>");
            assertThat(second.expect("id=\"still\"")).contains("type=\"result\"");
        }
    }

    @Test
    void aQuietClientStillWorksAfterTheServerFreedItsParser() throws Exception {
        try (RawClient c = new RawClient(server).login("dave", "pw-dave", "quiet")) {
            Thread.sleep(6500); // past the 5 s after which an idle stream's parser buffers are dropped
            c.send("<iq type='get' id='after'><ping xmlns='urn:xmpp:ping'/></iq><message to='dave@localhost/quiet' id='m'><body>x</body></message>");
            assertThat(c.expect("id=\"after\"")).contains("type=\"result\"");
            assertThat(c.expect("</message>")).contains("<body>x</body>");
        }
    }

    @Test
    void closingTheStreamIsAnsweredAndTheConnectionClosed() throws Exception {
        try (RawClient c = new RawClient(server).login("dave", "pw-dave", "closing")) {
            c.send("</stream:stream>");
            c.expect("</stream:stream>");
            assertThat(c.closedByServer(3000)).isTrue();
        }
    }
}
