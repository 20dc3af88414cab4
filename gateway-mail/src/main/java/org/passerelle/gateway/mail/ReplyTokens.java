package org.passerelle.gateway.mail;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.store.MailStore;
import org.passerelle.core.store.ReplyToken;

/**
 * Reply addresses {@code reply+<token>@<domain>}: one token per conversation (user, peer), 160
 * random bits in hex, valid {@code ttl} after the last mail that carried it. Knowing the token is
 * what lets a mail speak for the user, so it is compared exactly and never derived from names.
 */
final class ReplyTokens {
    static final String PREFIX = "reply+";
    private static final int TOKEN_BYTES = 20;

    private final MailStore store;
    private final Clock clock;
    private final String domain;
    private final Duration ttl;
    private final SecureRandom random = new SecureRandom();

    ReplyTokens(MailStore store, Clock clock, String domain, Duration ttl) {
        this.store = store;
        this.clock = clock;
        this.domain = domain.toLowerCase(Locale.ROOT);
        this.ttl = ttl;
    }

    /** The reply address of the conversation, reusing its live token (valid again for the full ttl) or making one. */
    String addressFor(EntityBareJid user, String peer) {
        Instant now = clock.instant();
        String token = store.tokenFor(user, peer).filter(t -> t.expires().isAfter(now)).map(ReplyToken::token)
                .orElseGet(this::newToken);
        store.saveToken(new ReplyToken(token, user, peer, now.plus(ttl)));
        return PREFIX + token + "@" + domain;
    }

    /** The live token an envelope recipient names; empty for another address, an unknown or an expired token. */
    Optional<ReplyToken> resolve(String recipient) {
        String token = tokenOf(recipient);
        if (token == null) return Optional.empty();
        Instant now = clock.instant();
        return store.token(token).filter(t -> t.expires().isAfter(now));
    }

    /** The token of {@code reply+<token>@<domain>} (case-insensitive, angle brackets allowed), or null. */
    String tokenOf(String recipient) {
        String a = recipient.strip();
        if (a.startsWith("<") && a.endsWith(">")) a = a.substring(1, a.length() - 1);
        a = a.toLowerCase(Locale.ROOT);
        int at = a.lastIndexOf('@');
        if (at < 0 || !a.substring(at + 1).equals(domain) || !a.startsWith(PREFIX)) return null;
        String token = a.substring(PREFIX.length(), at);
        return token.length() == TOKEN_BYTES * 2 && token.chars().allMatch(c -> Character.digit(c, 16) >= 0) ? token : null;
    }

    /**
     * Deletes the expired tokens, and the keys of replies routed longer ago than a token lives:
     * a mail client resends within days, and a mail to an expired address is refused anyway.
     */
    void deleteExpired() {
        Instant now = clock.instant();
        store.deleteExpiredTokens(now);
        store.deleteRepliesSeen(now.minus(ttl));
    }

    private String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
