package org.passerelle.modules.register;

import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.auth.Accounts;
import org.passerelle.core.routing.Router;
import org.passerelle.core.session.Session;
import org.passerelle.core.session.SessionRegistry;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.stanza.StanzaException;
import org.passerelle.xml.Element;

/**
 * {@code jabber:iq:register} from a logged-in user, to the own account or its domain: a get shows
 * the registration (XEP-0077 §3.1, {@code <registered/>}), a set changes the password (§3.3) or,
 * with {@code <remove/>}, deletes the account (§3.2): the result goes out first, then every
 * session of the account is closed with the {@code not-authorized} stream error.
 */
final class AccountRegistration {
    private final Accounts accounts;
    private final SessionRegistry sessions;
    private final Router router;
    private final RegisterOptions options;

    AccountRegistration(Accounts accounts, SessionRegistry sessions, Router router, RegisterOptions options) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.router = router;
        this.options = options;
    }

    Stanza handle(Stanza iq) throws StanzaException {
        EntityBareJid account = iq.from() == null ? null : iq.from().asEntityBareJidIfPossible();
        // Only a user's own account, addressed as itself or as its domain, is ours to answer for.
        if (account == null || !(iq.to().equals(account) || iq.to().equals(account.asDomainBareJid()))
                || !accounts.exists(account)) {
            throw new StanzaException("service-unavailable", null);
        }
        Element query = iq.element().child("query", RegisterModule.NS);
        if ("get".equals(iq.type())) {
            return iq.result(Element.builder("query", RegisterModule.NS)
                    .textChild("instructions", RegisterModule.NS, "You are registered; you may change your password or remove the account.")
                    .child(Element.of("registered", RegisterModule.NS))
                    .textChild("username", RegisterModule.NS, account.getLocalpart().toString()).build());
        }
        Submission s = Submission.read(query);
        return s.remove() ? remove(iq, account, query) : changePassword(iq, account, s);
    }

    private Stanza remove(Stanza iq, EntityBareJid account, Element query) throws StanzaException {
        if (query.elements().size() != 1) throw new StanzaException("bad-request", "<remove/> must be alone");
        if (!options.cancel()) throw new StanzaException("not-allowed", "accounts cannot be removed in-band here");
        if (!accounts.delete(account)) throw new StanzaException("registration-required", null);
        router.route(iq.result(null));
        for (Session session : sessions.sessions(account)) session.close("not-authorized", "the account was removed");
        return null;
    }

    private Stanza changePassword(Stanza iq, EntityBareJid account, Submission s) throws StanzaException {
        if (!options.passwordChange()) throw new StanzaException("not-allowed", "passwords cannot be changed in-band here");
        if (s.username() != null && !s.username().isEmpty()
                && !Registration.account(s.username(), account.asDomainBareJid()).equals(account)) {
            throw new StanzaException("not-allowed", "only your own password can be changed");
        }
        // XEP-0077 §3.3: an empty password never replaces the current one.
        if (!s.hasPassword()) throw new StanzaException("bad-request", "the new password is empty");
        try {
            if (!accounts.changePassword(account, s.password())) throw new StanzaException("registration-required", null);
        } catch (IllegalArgumentException e) {
            throw new StanzaException("not-acceptable", e.getMessage());
        }
        return iq.result(null);
    }
}
