package org.passerelle.xmpp.sasl;

import org.jxmpp.jid.DomainBareJid;
import org.passerelle.core.store.ScramHash;

/**
 * Opens {@link ScramMechanism}'s constructor with a chosen server nonce (the one its RFC
 * test-vector tests use) to the microbenchmarks, so that a client proof can be computed once and
 * every measured exchange is the server's work only. The random nonce is measured on its own.
 */
public final class FixedNonceScram {
    private FixedNonceScram() {
    }

    public static ScramMechanism mechanism(ScramHash hash, DomainBareJid domain, CredentialSource credentials,
                                           String serverNonce) {
        return new ScramMechanism(hash, false, false, null, domain, credentials, new byte[32], 4096, () -> serverNonce);
    }
}
