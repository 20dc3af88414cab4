package org.passerelle.gateway.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.Properties;

/**
 * Sends plain-text mails through the configured relay (Angus Mail), one SMTP connection per mail.
 * With {@code starttls} the upgrade is required, and with {@code starttls} or {@code tls} the
 * relay's certificate is checked against the JDK's trust store and its host name. Blocking: call
 * it on a worker thread.
 */
final class MailSender {
    /** A mail to send; {@code replyTo} may be null. */
    record OutgoingMail(String to, String subject, String text, String replyTo) {
    }

    private final MailOptions.RelayOptions relay;
    private final Session session;
    private final Clock clock;

    MailSender(MailOptions.RelayOptions relay, Clock clock) {
        this.relay = relay;
        this.clock = clock;
        this.session = Session.getInstance(properties(relay));
    }

    private static Properties properties(MailOptions.RelayOptions relay) {
        String p = relay.security().equals("tls") ? "mail.smtps." : "mail.smtp.";
        String timeout = Integer.toString(relay.timeoutSeconds() * 1000);
        Properties props = new Properties();
        props.put("mail.transport.protocol", relay.security().equals("tls") ? "smtps" : "smtp");
        props.put(p + "host", relay.host());
        props.put(p + "port", Integer.toString(relay.port()));
        props.put(p + "connectiontimeout", timeout);
        props.put(p + "timeout", timeout);
        props.put(p + "writetimeout", timeout);
        props.put(p + "auth", Boolean.toString(relay.username() != null));
        if (relay.security().equals("starttls")) {
            props.put(p + "starttls.enable", "true");
            props.put(p + "starttls.required", "true");
        }
        if (!relay.security().equals("none")) props.put(p + "ssl.checkserveridentity", "true");
        return props;
    }

    void send(OutgoingMail mail) throws MessagingException {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress(relay.from()));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to(), true));
        if (mail.replyTo() != null) m.setReplyTo(new InternetAddress[] {new InternetAddress(mail.replyTo(), true)});
        m.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        m.setText(mail.text(), StandardCharsets.UTF_8.name());
        m.setSentDate(Date.from(clock.instant()));
        // RFC 3834: automatic mail, so vacation responders stay quiet (and we refuse their replies).
        m.setHeader("Auto-Submitted", "auto-generated");
        m.saveChanges();
        if (relay.username() != null) {
            Transport.send(m, relay.username(), relay.password());
        } else {
            Transport.send(m);
        }
    }
}
