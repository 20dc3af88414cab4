package org.passerelle.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.net.ssl.SSLContext;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.sasl.SASLErrorException;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Logging in with Smack: STARTTLS, direct TLS, SCRAM-SHA-1, PLAIN, wrong passwords. Smack 4.4
 * has no SCRAM-SHA-256 and derives tls-server-end-point wrongly (from the key algorithm), so the
 * -PLUS and SHA-256 variants are covered by {@link ChannelBindingIT} and ScramMechanismTest.
 */
class LoginIT {
    private static ItServer server;

    @BeforeAll
    static void start() throws Exception {
        server = ItServer.start();
        server.user("alice", "wonderland");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private XMPPTCPConnection login(String mechanism, String password) throws Exception {
        XMPPTCPConnection c = new XMPPTCPConnection(server.clientConfig("alice", password)
                .addEnabledSaslMechanism(mechanism).setResource("r-" + mechanism).build());
        c.setReplyTimeout(5000);
        c.connect().login();
        return c;
    }

    @Test
    void scramSha1OverStartTls() throws Exception {
        XMPPTCPConnection c = login("SCRAM-SHA-1", "wonderland");
        assertThat(c.isSecureConnection()).isTrue();
        assertThat(c.getUsedSaslMechansism()).isEqualTo("SCRAM-SHA-1");
        assertThat(c.getUser().toString()).isEqualTo("alice@localhost/r-SCRAM-SHA-1");
        c.disconnect();
    }

    @Test
    void plainInsideTls() throws Exception {
        XMPPTCPConnection c = login("PLAIN", "wonderland");
        assertThat(c.getUsedSaslMechansism()).isEqualTo("PLAIN");
        c.disconnect();
    }

    @Test
    void wrongPasswordIsRefused() {
        assertThatThrownBy(() -> login("SCRAM-SHA-1", "queen-of-hearts"))
                .isInstanceOf(SASLErrorException.class).hasMessageContaining("not-authorized");
    }

    @Test
    void unknownAccountLooksLikeAWrongPassword() {
        assertThatThrownBy(() -> {
            XMPPTCPConnection c = new XMPPTCPConnection(server.clientConfig("nobody", "x")
                    .addEnabledSaslMechanism("SCRAM-SHA-1").build());
            c.connect().login();
        }).isInstanceOf(SASLErrorException.class).hasMessageContaining("not-authorized");
    }

    @Test
    void directTls() throws Exception {
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, new javax.net.ssl.TrustManager[] {server.trustManager()}, null);
        XMPPTCPConnection c = new XMPPTCPConnection(server.clientConfig("alice", "wonderland")
                .setPort(server.directTlsPort())
                .setSecurityMode(SecurityMode.disabled)
                .setSocketFactory(tls.getSocketFactory())
                .addEnabledSaslMechanism("SCRAM-SHA-1")
                .setResource("direct").build());
        c.connect().login();
        assertThat(c.isAuthenticated()).isTrue();
        c.disconnect();
    }
}
