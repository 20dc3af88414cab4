package org.passerelle.gateway.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The relay settings against GreenMail: SMTP AUTH, and STARTTLS that is required, never skipped. */
class MailSenderTest {
    private GreenMail relay;

    @BeforeEach
    void start() {
        relay = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort())
                .withConfiguration(GreenMailConfiguration.aConfig().withUser("relay-user", "relay-pw"));
        relay.start();
    }

    @AfterEach
    void stop() {
        relay.stop();
    }

    private MailSender sender(String security, String user, String password) {
        return new MailSender(new MailOptions.RelayOptions("127.0.0.1", relay.getSmtp().getPort(), security, user, password,
                "noreply@example.org", 5), Clock.systemUTC());
    }

    private static MailSender.OutgoingMail mail() {
        return new MailSender.OutgoingMail("alice@mail.test", "Caf\u00e9 \u263a", "line 1\nl\u00edne 2\n", "reply+abc@mail.example.org");
    }

    @Test
    void aMailGoesThroughWithAuthAsPlainUtf8Text() throws Exception {
        sender("none", "relay-user", "relay-pw").send(mail());
        assertThat(relay.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage m = relay.getReceivedMessages()[0];
        assertThat(m.getSubject()).isEqualTo("Caf\u00e9 \u263a");
        assertThat(m.getContent().toString().replace("\r", "").strip()).isEqualTo("line 1\nl\u00edne 2");
        assertThat(m.getFrom()[0].toString()).isEqualTo("noreply@example.org");
        assertThat(m.getReplyTo()[0].toString()).isEqualTo("reply+abc@mail.example.org");
        assertThat(m.getContentType()).contains("text/plain").containsIgnoringCase("utf-8");
    }

    @Test
    void wrongCredentialsAreAnError() {
        assertThatThrownBy(() -> sender("none", "relay-user", "wrong").send(mail())).isInstanceOf(AuthenticationFailedException.class);
        assertThat(relay.getReceivedMessages()).isEmpty();
    }

    @Test
    void starttlsIsRequiredAndTheRelaysCertificateChecked() {
        // GreenMail's certificate is self-signed: the upgrade fails and nothing is sent in clear instead.
        assertThatThrownBy(() -> sender("starttls", null, null).send(mail())).isInstanceOf(MessagingException.class);
        assertThat(relay.getReceivedMessages()).isEmpty();
    }
}
