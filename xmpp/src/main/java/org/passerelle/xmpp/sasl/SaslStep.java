package org.passerelle.xmpp.sasl;

import org.jxmpp.jid.EntityBareJid;

/**
 * The result of one SASL step: a challenge to send (not done), or success with optional
 * additional data and the authenticated account.
 */
public record SaslStep(byte[] data, EntityBareJid authenticated) {
    public static SaslStep challenge(byte[] data) {
        return new SaslStep(data, null);
    }

    public static SaslStep success(byte[] data, EntityBareJid account) {
        return new SaslStep(data, account);
    }

    public boolean done() {
        return authenticated != null;
    }
}
