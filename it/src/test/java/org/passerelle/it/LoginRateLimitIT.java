package org.passerelle.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Failed logins are limited per account and per address, and a client that keeps failing is cut off. */
class LoginRateLimitIT {
    private static ItServer server;

    @BeforeAll
    static void start() throws Exception {
        server = ItServer.start("limits: {loginFailuresPerMinute: 3}\n");
        server.user("victim", "unlucky");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static String plain(String user, String password) {
        return "<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>"
                + Base64.getEncoder().encodeToString(("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8)) + "</auth>";
    }

    @Test
    void theRightPasswordIsRefusedAfterTooManyFailures() throws Exception {
        for (int i = 0; i < 3; i++) {
            try (RawClient c = new RawClient(server)) {
                c.startTls();
                c.send(plain("victim", "wrong" + i));
                assertThat(c.expect("</failure>")).contains("<not-authorized");
            }
        }
        try (RawClient c = new RawClient(server)) {
            c.startTls();
            c.send(plain("victim", "unlucky"));
            assertThat(c.expect("</failure>")).contains("<temporary-auth-failure");
        }
    }
}
