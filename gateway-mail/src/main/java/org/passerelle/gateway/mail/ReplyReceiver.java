package org.passerelle.gateway.mail;

import jakarta.mail.Session;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.passerelle.core.module.ServerContext;
import org.subethamail.smtp.server.SMTPServer;

/**
 * The embedded SMTP receiver (SubEthaSMTP) for reply mails: plain SMTP on its own port, no AUTH
 * (mail comes from other servers), limits on size (552 beyond), recipients and connections.
 * Each connection has its own thread; the handlers block on the store and the router there.
 */
final class ReplyReceiver implements AutoCloseable {
    private final SMTPServer smtp;

    ReplyReceiver(ServerContext server, MailOptions.ReceiverOptions options, ReplyTokens tokens, int maxChars)
            throws UnknownHostException {
        Session mime = Session.getInstance(new Properties());
        RoutedReplies routed = new RoutedReplies(server.stores().mail());
        this.smtp = SMTPServer.port(options.port())
                .bindAddress(InetAddress.getByName(options.listenHost()))
                .hostName(options.domain())
                .softwareName("Passerelle")
                .maxMessageSize(options.maxMessageBytes())
                .maxRecipients(options.maxRecipients())
                .maxConnections(options.maxConnections())
                .connectionTimeout(60, TimeUnit.SECONDS)
                .messageHandlerFactory(ctx -> new ReplyHandler(server, tokens, routed, mime, maxChars, options.maxMessageBytes()))
                .build();
    }

    void start() {
        smtp.start();
    }

    /** The port it listens on (the configured one, or the one picked for 0). */
    int port() {
        return smtp.getPortAllocated();
    }

    @Override
    public void close() {
        smtp.stop();
    }
}
