package org.passerelle.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.iqregister.AccountManager;
import org.jxmpp.jid.parts.Localpart;
import org.junit.jupiter.api.Test;

/** XEP-0077 through Smack's AccountManager: open on a domain that allows it, refused on the default server. */
class RegistrationIT {

    /** Connected (TLS) but not logged in, as a client that wants to register. */
    private static XMPPTCPConnection anonymousStream(ItServer server) throws Exception {
        XMPPTCPConnection c = new XMPPTCPConnection(server.clientConfig("unused", "unused").build());
        c.setReplyTimeout(5000);
        c.connect();
        assertThat(c.isSecureConnection()).isTrue();
        return c;
    }

    @Test
    void registerThenLogIn() throws Exception {
        try (ItServer server = ItServer.start("domains: [{name: localhost, registration: true}]\n")) {
            XMPPTCPConnection c = anonymousStream(server);
            AccountManager accounts = AccountManager.getInstance(c);
            assertThat(c.hasFeature("register", "http://jabber.org/features/iq-register")).as("the stream feature").isTrue();
            assertThat(accounts.supportsAccountCreation()).isTrue();
            assertThat(accounts.getAccountAttributes()).contains("username", "password");
            accounts.createAccount(Localpart.from("newcomer"), "chosen-pw");
            assertThatThrownBy(() -> accounts.createAccount(Localpart.from("newcomer"), "again"))
                    .isInstanceOfSatisfying(XMPPErrorException.class,
                            e -> assertThat(e.getStanzaError().getCondition()).isEqualTo(StanzaError.Condition.conflict));
            c.login("newcomer", "chosen-pw");
            assertThat(c.getUser().toString()).startsWith("newcomer@localhost/");
            c.disconnect();

            XMPPTCPConnection again = server.connect("newcomer", "chosen-pw", "second");
            assertThat(again.isAuthenticated()).isTrue();
            again.disconnect();
        }
    }

    @Test
    void refusedWhereRegistrationIsOff() throws Exception {
        try (ItServer server = ItServer.start()) {
            XMPPTCPConnection c = anonymousStream(server);
            AccountManager accounts = AccountManager.getInstance(c);
            assertThat(c.hasFeature("register", "http://jabber.org/features/iq-register")).as("no stream feature").isFalse();
            assertThatThrownBy(accounts::getAccountAttributes).as("XEP-0077 §3.1: no registration here")
                    .isInstanceOfSatisfying(XMPPErrorException.class,
                            e -> assertThat(e.getStanzaError().getCondition()).isEqualTo(StanzaError.Condition.service_unavailable));
            // The set itself, as a client that skips the form would send it.
            assertThatThrownBy(() -> accounts.createAccount(Localpart.from("intruder"), "pw", new java.util.HashMap<>()))
                    .isInstanceOfSatisfying(XMPPErrorException.class,
                            e -> assertThat(e.getStanzaError().getCondition()).isEqualTo(StanzaError.Condition.not_allowed));
            c.disconnect();
            assertThat(server.server().context().accounts().exists(
                    org.passerelle.core.stanza.Jids.of("intruder@localhost").asEntityBareJidIfPossible())).isFalse();
        }
    }
}
