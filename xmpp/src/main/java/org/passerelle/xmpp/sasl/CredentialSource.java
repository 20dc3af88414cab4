package org.passerelle.xmpp.sasl;

import java.util.Optional;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.store.Account;

/** Where mechanisms find accounts. Blocking. */
@FunctionalInterface
public interface CredentialSource {
    Optional<Account> account(EntityBareJid jid);
}
