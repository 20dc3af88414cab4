package org.passerelle.gateway.mail;

/**
 * {@code modules.mail}: off unless {@code enabled} (it sends mail and may open a port).
 *
 * @param relay              the SMTP relay that sends the mails (required when enabled)
 * @param replies            the embedded SMTP receiver for replies; none when absent
 * @param batchSeconds       how long messages collect after the first one before the mail goes (default 300)
 * @param maxPendingPerUser  messages waiting per user; more are not forwarded (default 200)
 * @param maxMessagesPerMail messages in one mail; the rest go in the next one (default 50)
 * @param maxBodyChars       characters of one message's text in a mail, and of a reply's text (default 4000)
 * @param codeMinutes        how long a verification code is valid (default 60)
 * @param maxCodeAttempts    wrong codes before the pending address is dropped (default 5)
 */
public record MailOptions(Boolean enabled, RelayOptions relay, ReceiverOptions replies, Integer batchSeconds,
                          Integer maxPendingPerUser, Integer maxMessagesPerMail, Integer maxBodyChars, Integer codeMinutes,
                          Integer maxCodeAttempts) {
    public MailOptions {
        if (enabled == null) enabled = false;
        if (batchSeconds == null) batchSeconds = 300;
        if (maxPendingPerUser == null) maxPendingPerUser = 200;
        if (maxMessagesPerMail == null) maxMessagesPerMail = 50;
        if (maxBodyChars == null) maxBodyChars = 4000;
        if (codeMinutes == null) codeMinutes = 60;
        if (maxCodeAttempts == null) maxCodeAttempts = 5;
        if (enabled && relay == null) throw new IllegalArgumentException("relay (host, from, ...) is required when enabled");
        if (batchSeconds < 1 || batchSeconds > 86_400) throw new IllegalArgumentException("batchSeconds must be between 1 and 86400");
        if (maxPendingPerUser < 1) throw new IllegalArgumentException("maxPendingPerUser must be at least 1");
        if (maxMessagesPerMail < 1 || maxMessagesPerMail > 1000) throw new IllegalArgumentException("maxMessagesPerMail must be between 1 and 1000");
        if (maxBodyChars < 100) throw new IllegalArgumentException("maxBodyChars must be at least 100");
        if (codeMinutes < 1 || codeMinutes > 10_080) throw new IllegalArgumentException("codeMinutes must be between 1 and 10080");
        if (maxCodeAttempts < 1 || maxCodeAttempts > 100) throw new IllegalArgumentException("maxCodeAttempts must be between 1 and 100");
    }

    /**
     * {@code modules.mail.relay}: where mails are sent from ({@code from}, required) and through
     * ({@code host}, required; {@code port} default 587; {@code security} {@code starttls} (default,
     * required, not opportunistic), {@code tls} (SMTPS) or {@code none}; {@code username} and
     * {@code password} for SMTP AUTH when set; {@code timeoutSeconds} for connecting and each reply, default 30).
     */
    public record RelayOptions(String host, Integer port, String security, String username, String password, String from,
                               Integer timeoutSeconds) {
        public RelayOptions {
            if (port == null) port = 587;
            if (security == null) security = "starttls";
            if (timeoutSeconds == null) timeoutSeconds = 30;
            if (host == null || host.isBlank()) throw new IllegalArgumentException("relay.host is required");
            if (from == null || !from.contains("@")) throw new IllegalArgumentException("relay.from must be an e-mail address");
            if (port < 1 || port > 65535) throw new IllegalArgumentException("relay.port must be between 1 and 65535");
            if (!security.equals("starttls") && !security.equals("tls") && !security.equals("none")) {
                throw new IllegalArgumentException("relay.security must be starttls, tls or none, not " + security);
            }
            if (username != null && password == null) throw new IllegalArgumentException("relay.password is required with relay.username");
            if (timeoutSeconds < 1 || timeoutSeconds > 600) throw new IllegalArgumentException("relay.timeoutSeconds must be between 1 and 600");
        }

        @Override
        public String toString() {
            return "RelayOptions[" + host + ":" + port + " " + security + (username == null ? "" : " as " + username) + "]";
        }
    }

    /**
     * {@code modules.mail.replies}: the embedded SMTP receiver listens on {@code listenHost}
     * (default 0.0.0.0):{@code port} (required; 0 picks a free port) for mail to
     * {@code reply+token@domain} ({@code domain} required: the MX of that name must lead here).
     * A mail is at most {@code maxMessageBytes} (default 1 MiB; more is refused with 552), with at
     * most {@code maxRecipients} recipients (default 5); a reply address stays valid
     * {@code tokenDays} (default 30) after the last mail that carried it; at most
     * {@code maxConnections} (default 50) SMTP connections at once.
     */
    public record ReceiverOptions(String domain, String listenHost, Integer port, Integer maxMessageBytes,
                                  Integer maxRecipients, Integer tokenDays, Integer maxConnections) {
        public ReceiverOptions {
            if (listenHost == null) listenHost = "0.0.0.0";
            if (maxMessageBytes == null) maxMessageBytes = 1024 * 1024;
            if (maxRecipients == null) maxRecipients = 5;
            if (tokenDays == null) tokenDays = 30;
            if (maxConnections == null) maxConnections = 50;
            if (domain == null || !domain.matches("[A-Za-z0-9.-]+\\.[A-Za-z0-9-]+")) {
                throw new IllegalArgumentException("replies.domain must be a domain name, not " + domain);
            }
            if (port == null || port < 0 || port > 65535) throw new IllegalArgumentException("replies.port must be between 0 and 65535");
            if (maxMessageBytes < 1024) throw new IllegalArgumentException("replies.maxMessageBytes must be at least 1024");
            if (maxRecipients < 1 || maxRecipients > 100) throw new IllegalArgumentException("replies.maxRecipients must be between 1 and 100");
            if (tokenDays < 1 || tokenDays > 3650) throw new IllegalArgumentException("replies.tokenDays must be between 1 and 3650");
            if (maxConnections < 1) throw new IllegalArgumentException("replies.maxConnections must be at least 1");
        }
    }
}
