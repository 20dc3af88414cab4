package org.passerelle.gateway.mail;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jxmpp.jid.Jid;
import org.passerelle.core.charging.Chargeable;
import org.passerelle.core.module.ServerContext;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.stanza.Namespaces;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.store.ChargingRecord;
import org.passerelle.core.store.MailSubscription;
import org.passerelle.core.store.ReplyToken;
import org.passerelle.xml.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;

/**
 * One SMTP transaction to the reply receiver. Each recipient must be a live reply address (else
 * 550 at RCPT); the mail's From must be the verified address of the user the token belongs to;
 * bounces, automatic replies, malformed MIME and mails with no text are refused with 550/554.
 * What is left, quotes and signature stripped, goes to the peer as a chat message from the user's
 * bare JID, and is charged to the user, once per mail even when the client sends it again
 * ({@link RoutedReplies}). Nothing is routed or charged for a refused mail.
 */
final class ReplyHandler implements MessageHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ReplyHandler.class);

    private final ServerContext server;
    private final ReplyTokens tokens;
    private final RoutedReplies routed;
    private final Session mime;
    private final int maxChars;
    private final int maxBytes;
    private final List<ReplyToken> targets = new ArrayList<>();
    private String envelopeFrom;

    ReplyHandler(ServerContext server, ReplyTokens tokens, RoutedReplies routed, Session mime, int maxChars, int maxBytes) {
        this.server = server;
        this.tokens = tokens;
        this.routed = routed;
        this.mime = mime;
        this.maxChars = maxChars;
        this.maxBytes = maxBytes;
    }

    @Override
    public void from(String from) throws RejectException {
        if (from == null || from.isBlank()) throw new RejectException(550, "5.7.1 bounces are not accepted at reply addresses");
        envelopeFrom = from;
    }

    @Override
    public void recipient(String recipient) throws RejectException {
        Optional<ReplyToken> token = tokens.resolve(recipient);
        if (token.isEmpty()) {
            LOG.info("refused mail from {} to {}: not a live reply address", envelopeFrom, recipient);
            throw new RejectException(550, "5.1.1 unknown or expired reply address");
        }
        targets.add(token.get());
    }

    @Override
    public String data(InputStream data) throws RejectException, IOException {
        // SubEthaSMTP checks only the SIZE a client declares; the bytes are counted here.
        byte[] bytes = data.readNBytes(maxBytes + 1);
        if (bytes.length > maxBytes) {
            data.transferTo(OutputStream.nullOutputStream()); // read up to the final dot, so the session stays in step
            LOG.info("refused mail from {}: over {} bytes", envelopeFrom, maxBytes);
            throw new RejectException(552, "5.3.4 message exceeds the limit of " + maxBytes + " bytes");
        }
        MimeMessage message;
        String text;
        String from;
        String messageId;
        String date;
        try {
            message = new MimeMessage(mime, new ByteArrayInputStream(bytes));
            from = sender(message);
            messageId = message.getMessageID();
            date = message.getHeader("Date", null);
            String auto = message.getHeader("Auto-Submitted", null);
            if (auto != null && !auto.strip().toLowerCase(Locale.ROOT).startsWith("no")) {
                throw new RejectException(550, "5.7.1 automatic replies are not delivered");
            }
            text = MimeText.of(message);
        } catch (MessagingException | RuntimeException e) {
            LOG.info("refused mail from {}: malformed: {}", envelopeFrom, e.getMessage());
            throw new RejectException(554, "5.6.0 malformed message: " + e.getMessage());
        }
        List<ReplyToken> allowed = new ArrayList<>();
        for (ReplyToken t : targets) {
            Optional<MailSubscription> sub = server.stores().mail().subscription(t.user());
            if (sub.isPresent() && sub.get().verified() && sub.get().address().equalsIgnoreCase(from)) allowed.add(t);
        }
        if (allowed.isEmpty()) {
            LOG.info("refused mail from {} (From {}): not the verified address of the reply address", envelopeFrom, from);
            throw new RejectException(550, "5.7.1 this reply address takes mail from its owner's verified address only");
        }
        String reply = text == null ? "" : ReplyText.strip(text);
        if (reply.isEmpty()) throw new RejectException(550, "5.6.0 no text in the reply (quoted text is left out)");
        if (reply.length() > maxChars) reply = reply.substring(0, maxChars) + " [...]";
        try {
            for (ReplyToken t : allowed) deliver(t, reply, RoutedReplies.key(t.token(), messageId, date, reply));
        } catch (RuntimeException e) {
            LOG.error("mail reply from {}: store failure, the sender is asked to try again", from, e);
            throw new RejectException(451, "4.3.0 temporary failure, please try again later");
        }
        return null;
    }

    /** The one address in From, lower-cased; a malformed or missing From is malformed MIME. */
    private static String sender(MimeMessage message) throws MessagingException {
        Address[] from = message.getFrom();
        if (from == null || from.length != 1 || !(from[0] instanceof InternetAddress a) || a.getAddress() == null) {
            throw new MessagingException("one From address is required");
        }
        return a.getAddress().toLowerCase(Locale.ROOT);
    }

    private void deliver(ReplyToken token, String text, String key) {
        Jid peer = Jids.of(token.peer());
        Element body = Element.builder("body", Namespaces.CLIENT).text(text).build();
        Element element = Element.builder("message", Namespaces.CLIENT).attr("type", "chat").attr("id", UUID.randomUUID().toString())
                .child(body).build();
        Instant now = server.clock().instant();
        Stanza reply = Stanza.of(element, token.user(), peer);
        // The record rides with the message: written with its delivery, dropped if nobody takes it.
        for (ChargingRecord r : server.charging().price(new Chargeable(now, token.user(), token.peer(), "mail", "out", "message", 1))) {
            reply = reply.withCharge(r);
        }
        Stanza charged = reply;
        if (routed.routeOnce(token.user(), key, now, () -> server.router().route(charged))) {
            LOG.debug("mail reply from {} routed to {}", token.user(), peer);
        } else {
            LOG.debug("mail reply from {} to {} was routed before (sent again): accepted, not routed again", token.user(), peer);
        }
    }

    @Override
    public void done() {
    }
}
