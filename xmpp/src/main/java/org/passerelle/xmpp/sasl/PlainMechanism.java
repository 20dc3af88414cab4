package org.passerelle.xmpp.sasl;

import java.nio.charset.StandardCharsets;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityBareJid;

/**
 * RFC 4616 PLAIN: {@code [authzid] NUL authcid NUL passwd}. Offered only on encrypted streams.
 * The password is checked against the stored SCRAM credential, so plain passwords are never kept.
 */
public final class PlainMechanism implements SaslMechanism {
    /** Checks a password for an account (blocking: derives the SCRAM key). */
    @FunctionalInterface
    public interface PasswordCheck {
        boolean verify(EntityBareJid account, String password);
    }

    private final DomainBareJid domain;
    private final PasswordCheck check;
    private String claimed;

    public PlainMechanism(DomainBareJid domain, PasswordCheck check) {
        this.domain = domain;
        this.check = check;
    }

    @Override
    public SaslStep step(byte[] response) throws SaslException {
        if (response.length == 0) return SaslStep.challenge(new byte[0]);
        String s = new String(response, StandardCharsets.UTF_8);
        String[] parts = s.split("\u0000", -1);
        if (parts.length != 3) throw new SaslException("malformed-request", "PLAIN needs authzid, authcid and password");
        claimed = parts[1];
        EntityBareJid account = SaslNames.account(parts[1], domain);
        claimed = account.toString();
        SaslNames.checkAuthzid(parts[0], account);
        if (parts[2].isEmpty() || !check.verify(account, parts[2])) throw new SaslException("not-authorized", "wrong credentials");
        return SaslStep.success(null, account);
    }

    /** The account's bare JID once the username was read (the raw username if it was invalid). */
    @Override
    public String claimedUser() {
        return claimed;
    }
}
