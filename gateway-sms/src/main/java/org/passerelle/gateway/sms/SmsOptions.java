package org.passerelle.gateway.sms;

import java.util.List;

/**
 * {@code modules.sms}. Off unless {@code enabled} (it needs an SMSC). The gateway lives at
 * {@code <subdomain>.<domain>} (default {@code sms}); SMS leave from {@code sourceAddress} (the
 * gateway's number or short code, the one phones answer to); a text takes at most
 * {@code maxParts} concatenated SMS (default 4); the outbox tries a message {@code maxAttempts}
 * times (default 10); a lost bind is retried after {@code reconnectMinSeconds}, doubling up to
 * {@code reconnectMaxSeconds} (1 and 60); enquire_link every {@code enquireLinkSeconds} (30);
 * an SMSC answers within {@code responseTimeoutSeconds} (10); a link code is valid
 * {@code codeMinutes} (10); at most {@code window} submit_sm are outstanding per bind (10).
 */
public record SmsOptions(Boolean enabled, String subdomain, String sourceAddress, List<SmscOptions> smscs, Integer maxParts,
                         Integer maxAttempts, Integer reconnectMinSeconds, Integer reconnectMaxSeconds, Integer enquireLinkSeconds,
                         Integer responseTimeoutSeconds, Integer codeMinutes, Integer window) {
    public SmsOptions {
        if (enabled == null) enabled = false;
        if (subdomain == null) subdomain = "sms";
        smscs = smscs == null ? List.of() : List.copyOf(smscs);
        if (maxParts == null) maxParts = 4;
        if (maxAttempts == null) maxAttempts = 10;
        if (reconnectMinSeconds == null) reconnectMinSeconds = 1;
        if (reconnectMaxSeconds == null) reconnectMaxSeconds = 60;
        if (enquireLinkSeconds == null) enquireLinkSeconds = 30;
        if (responseTimeoutSeconds == null) responseTimeoutSeconds = 10;
        if (codeMinutes == null) codeMinutes = 10;
        if (window == null) window = 10;
        if (!subdomain.matches("[a-z0-9-]{1,63}")) throw new IllegalArgumentException("subdomain must be one DNS label, not " + subdomain);
        if (enabled && smscs.isEmpty()) throw new IllegalArgumentException("modules.sms is enabled but lists no smscs");
        if (enabled && (sourceAddress == null || sourceAddress.isBlank())
                && smscs.stream().anyMatch(s -> s.sourceAddress() == null)) {
            throw new IllegalArgumentException("modules.sms needs a sourceAddress (the gateway's number)");
        }
        if (maxParts < 1 || maxParts > 255) throw new IllegalArgumentException("maxParts must be between 1 and 255");
        if (window < 1 || window > 1000) throw new IllegalArgumentException("window must be between 1 and 1000");
        if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be at least 1");
        if (reconnectMinSeconds < 1 || reconnectMaxSeconds < reconnectMinSeconds) {
            throw new IllegalArgumentException("reconnectMinSeconds must be >= 1 and <= reconnectMaxSeconds");
        }
        if (enquireLinkSeconds < 1 || responseTimeoutSeconds < 1 || codeMinutes < 1) {
            throw new IllegalArgumentException("enquireLinkSeconds, responseTimeoutSeconds and codeMinutes must be positive");
        }
    }
}
