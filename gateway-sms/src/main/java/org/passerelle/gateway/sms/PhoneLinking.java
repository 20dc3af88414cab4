package org.passerelle.gateway.sms;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.auth.RateLimiter;
import org.passerelle.core.store.SmsLink;

/**
 * The rules for linking a phone, shared by the ad-hoc command and in-band registration: a
 * six-digit code sent by SMS to the number, valid {@code codeMinutes}, three tries; one number
 * belongs to one account; the same number again only changes the forwarding mode. Codes wait
 * in memory (a restart forgets them: the user asks for a new one). Codes are texts the operator
 * pays for and a stranger's phone receives, so at most one is sent per account a minute and
 * {@value #CODES_PER_NUMBER} per number an hour.
 */
final class PhoneLinking {
    static final int MAX_TRIES = 3;
    static final int CODES_PER_NUMBER = 3;

    /** What a number (and mode) given by the user led to; {@code phone} is the normalised number, or what was typed when invalid. */
    record Choice(Kind kind, String phone) {
        enum Kind { CODE_SENT, TOO_SOON, MODE_CHANGED, TAKEN, INVALID, UNLINKED, NOTHING_TO_UNLINK }
    }

    /** What a typed code led to; {@code phone} is the number the code was for (null when none was waiting). */
    record Confirmation(Kind kind, String phone) {
        enum Kind { LINKED, WRONG, TOO_MANY_TRIES, EXPIRED, TAKEN }
    }

    /** A code sent and not yet confirmed. */
    private record Pending(String phone, String mode, String code, Instant expires, int tries) {
    }

    private final Gateway gateway;
    private final Duration codeValidity;
    private final SecureRandom random = new SecureRandom();
    private final Map<EntityBareJid, Pending> pending = new ConcurrentHashMap<>();
    private final RateLimiter perAccount;
    private final RateLimiter perNumber;

    PhoneLinking(Gateway gateway, Duration codeValidity) {
        this.gateway = gateway;
        this.codeValidity = codeValidity;
        this.perAccount = new RateLimiter(1, Duration.ofMinutes(1).toMillis(), gateway.server.clock());
        this.perNumber = new RateLimiter(CODES_PER_NUMBER, Duration.ofHours(1).toMillis(), gateway.server.clock());
    }

    /**
     * A number typed by the user: empty unlinks, the linked number changes the mode, another
     * number free for this account gets a code by SMS.
     */
    Choice choose(EntityBareJid user, String typed, String mode) {
        SmsLink current = gateway.store.linkOf(user).orElse(null);
        if (typed == null || typed.isBlank()) {
            if (current == null) return new Choice(Choice.Kind.NOTHING_TO_UNLINK, null);
            unlink(user);
            return new Choice(Choice.Kind.UNLINKED, current.phone());
        }
        String phone = Phones.normalise(typed);
        if (phone == null) return new Choice(Choice.Kind.INVALID, typed);
        if (current != null && current.phone().equals(phone)) {
            gateway.store.setForwarding(user, mode);
            return new Choice(Choice.Kind.MODE_CHANGED, phone);
        }
        if (gateway.store.linkOfPhone(phone).isPresent()) return new Choice(Choice.Kind.TAKEN, phone);
        if (!perAccount.allowed(user.toString()) || !perNumber.allowed(phone)) return new Choice(Choice.Kind.TOO_SOON, phone);
        perAccount.record(user.toString());
        perNumber.record(phone);
        String code = String.format("%06d", random.nextInt(1_000_000));
        pending.put(user, new Pending(phone, mode, code, gateway.server.clock().instant().plus(codeValidity), 0));
        gateway.text(user, phone, "Your code for " + user + ": " + code, null);
        return new Choice(Choice.Kind.CODE_SENT, phone);
    }

    /**
     * A typed code for the number waiting for one ({@code phone}, when given, must be that number);
     * {@code mode} replaces the mode chosen with the number when not null.
     */
    Confirmation confirm(EntityBareJid user, String phone, String typed, String mode) {
        Pending p = pending.get(user);
        if (p == null || (phone != null && !phone.equals(p.phone()))) return new Confirmation(Confirmation.Kind.EXPIRED, null);
        if (gateway.server.clock().instant().isAfter(p.expires())) {
            pending.remove(user);
            return new Confirmation(Confirmation.Kind.EXPIRED, p.phone());
        }
        String code = typed == null ? "" : typed.strip();
        if (!code.equals(p.code())) {
            if (p.tries() + 1 >= MAX_TRIES) {
                pending.remove(user);
                return new Confirmation(Confirmation.Kind.TOO_MANY_TRIES, p.phone());
            }
            pending.put(user, new Pending(p.phone(), p.mode(), p.code(), p.expires(), p.tries() + 1));
            return new Confirmation(Confirmation.Kind.WRONG, p.phone());
        }
        pending.remove(user);
        boolean linked = gateway.store.link(new SmsLink(user, p.phone(), mode == null ? p.mode() : mode));
        return new Confirmation(linked ? Confirmation.Kind.LINKED : Confirmation.Kind.TAKEN, p.phone());
    }

    /** The number a code was sent to and not yet confirmed, or null. */
    String waiting(EntityBareJid user) {
        Pending p = pending.get(user);
        return p == null || gateway.server.clock().instant().isAfter(p.expires()) ? null : p.phone();
    }

    /** Ends the link (and the mobile session) and forgets any code waiting; the link that was, or null. */
    SmsLink unlink(EntityBareJid user) {
        pending.remove(user);
        SmsLink current = gateway.store.linkOf(user).orElse(null);
        if (current == null) return null;
        gateway.forget(user);
        gateway.store.unlink(user);
        return current;
    }
}
