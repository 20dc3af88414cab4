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
    void closingTheStreamIsAnsweredAndTheConnectionClosed() throws Exception {
        try (RawClient c = new RawClient(server).login("dave", "pw-dave", "closing")) {
            c.send("</stream:stream>");
            c.expect("</stream:stream>");
            assertThat(c.closedByServer(3000)).isTrue();
        }
    }
}
