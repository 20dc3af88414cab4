package org.passerelle.gateway.mail;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/** A mail client writing straight to the reply receiver, reporting the SMTP code of a refusal. */
final class SmtpClient {
    private final Session session;

    SmtpClient(int port) {
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", Integer.toString(port));
        p.put("mail.smtp.timeout", "5000");
        session = Session.getInstance(p);
    }

    /** A plain-text mail. */
    MimeMessage text(String from, String to, String body) throws MessagingException {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress(from));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        m.setSubject("Re: messages");
        m.setText(body, "UTF-8");
        return m;
    }

    /**
     * The mail with a fixed Message-ID (none when null) that sending keeps: Jakarta Mail makes a
     * new one on every send, a resending mail client keeps its own.
     */
    MimeMessage withMessageId(MimeMessage m, String id) throws MessagingException {
        return new MimeMessage(m) {
            @Override
            protected void updateMessageID() throws MessagingException {
                if (id == null) removeHeader("Message-ID");
                else setHeader("Message-ID", id);
            }
        };
    }

    /** A mail from its raw text (headers, blank line, body). */
    MimeMessage raw(String text) throws MessagingException {
        return new MimeMessage(session, new ByteArrayInputStream(text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
    }

    /** Sends with this envelope; returns 250 when accepted, else the refusal's code. */
    int send(MimeMessage m, String envelopeFrom, String... recipients) throws MessagingException {
        Properties p = session.getProperties();
        p.put("mail.smtp.from", envelopeFrom);
        Address[] to = new Address[recipients.length];
        for (int i = 0; i < recipients.length; i++) to[i] = new InternetAddress(recipients[i]);
        try {
            Transport.send(m, to);
            return 250;
        } catch (MessagingException e) {
            for (Exception x = e; x != null; x = x instanceof MessagingException me ? me.getNextException() : null) {
                if (x instanceof SMTPAddressFailedException a) return a.getReturnCode();
                if (x instanceof SMTPSendFailedException s) return s.getReturnCode();
            }
            throw e;
        }
    }
}
