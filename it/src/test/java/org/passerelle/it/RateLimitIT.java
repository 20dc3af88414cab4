package org.passerelle.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Failed logins are limited per account and per address, registrations per address, and a
 * session that was already up is not affected. Each test speaks from its own 127.0.0.x address.
 */
class RateLimitIT {
    private static ItServer server;
    private static Bystander bystander;

    @BeforeAll
    static void start() throws Exception {
        server = ItServer.start("""
                domains: [{name: localhost, registration: true}]
                limits: {loginFailuresPerMinute: 3, registrationsPerHour: 2}
                """);
        server.user("victim", "unlucky");
        server.user("other", "fine");
        bystander = Bystander.on(server);
    }

    @AfterAll
    static void stop() throws Exception {
        bystander.close();
        server.close();
    }

    @AfterEach
    void bystanderStillWorks() throws Exception {
        bystander.assertStillWorks();
    }

    private static String plain(String user, String password) {
        return "<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>"
                + Base64.getEncoder().encodeToString(("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8)) + "</auth>";
    }

    private static String attempt(String from, String user, String password) throws Exception {
        try (RawClient c = new RawClient(server, from)) {
            c.startTls();
            c.send(plain(user, password));
            return c.expect(">").contains("<success") ? "success" : c.expect("</failure>");
        }
    }

    @Test
    void anAccountIsProtectedWhateverTheAddress() throws Exception {
        for (int i = 0; i < 3; i++) assertThat(attempt("127.0.0.11", "victim", "wrong" + i)).contains("<not-authorized");
        // The right password, from another address, is refused while the account's window lasts.
        assertThat(attempt("127.0.0.12", "victim", "unlucky")).contains("<temporary-auth-failure");
    }

    @Test
    void anAddressIsLimitedWhateverTheAccount() throws Exception {
        for (int i = 0; i < 3; i++) assertThat(attempt("127.0.0.21", "nobody" + i, "x")).contains("<not-authorized");
        assertThat(attempt("127.0.0.21", "other", "fine")).contains("<temporary-auth-failure");
        assertThat(attempt("127.0.0.22", "other", "fine")).isEqualTo("success");
    }

    @Test
    void registrationsAreLimitedPerAddress() throws Exception {
        for (int i = 1; i <= 3; i++) {
            try (RawClient c = new RawClient(server, "127.0.0.31")) {
                c.startTls();
                c.send("<iq type='set' id='reg" + i + "'><query xmlns='jabber:iq:register'><username>newbie" + i
                        + "</username><password>pw" + i + "</password></query></iq>");
                String answer = c.expect("id=\"reg" + i + "\"");
                if (i <= 2) assertThat(answer).contains("type=\"result\"");
                else assertThat(answer + c.expect("</iq>")).contains("type=\"error\"").contains("<resource-constraint");
            }
        }
        assertThat(attempt("127.0.0.32", "newbie2", "pw2")).isEqualTo("success");
    }
}
