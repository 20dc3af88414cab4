package org.passerelle.gateway.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MimeTextTest {
    private static MimeMessage parse(String raw) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void alternativePrefersPlainTextAndDecodesTransferEncodings() throws Exception {
        MimeMessage m = parse("""
                From: a@example.org
                MIME-Version: 1.0
                Content-Type: multipart/alternative; boundary="b1"

                --b1
                Content-Type: text/html; charset=UTF-8

                <p>html</p>
                --b1
                Content-Type: text/plain; charset=UTF-8
                Content-Transfer-Encoding: quoted-printable

                Caf=C3=A9 tonight?
                --b1--
                """);
        assertThat(MimeText.of(m).strip()).isEqualTo("Café tonight?");
    }

    @Test
    void attachmentsAreSkippedAndHtmlIsTheFallback() throws Exception {
        MimeMessage m = parse("""
                From: a@example.org
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="m"

                --m
                Content-Type: text/plain
                Content-Disposition: attachment; filename="notes.txt"

                not this
                --m
                Content-Type: text/html; charset=UTF-8
                Content-Transfer-Encoding: base64

                PGI+WWVzPC9iPiAmYW1wOyBubw==
                --m--
                """);
        assertThat(MimeText.of(m).strip()).isEqualTo("Yes & no");
    }

    @Test
    void aMailWithoutTextHasNone() throws Exception {
        MimeMessage m = parse("""
                From: a@example.org
                MIME-Version: 1.0
                Content-Type: image/png
                Content-Transfer-Encoding: base64

                iVBORw0KGgo=
                """);
        assertThat(MimeText.of(m)).isNull();
    }
}
