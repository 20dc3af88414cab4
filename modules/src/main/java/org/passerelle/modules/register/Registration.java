package org.passerelle.modules.register;

import java.util.Set;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.passerelle.core.auth.Accounts;
import org.passerelle.core.auth.RateLimiter;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.stanza.StanzaException;
import org.passerelle.xml.Element;

/**
 * Registration of a new account on a stream that has not authenticated (XEP-0077 §3.1): the
 * fields on a get, the account on a set. Errors, as the XEP lists them: {@code service-unavailable}
 * (get) or {@code not-allowed} (set) where registration is off, {@code not-acceptable} for a
 * missing or invalid username or an empty password, {@code conflict} for a taken username, and
 * {@code resource-constraint} once the address has used its registrations for the hour.
 */
final class Registration {
    private final Set<DomainBareJid> open;
    private final Accounts accounts;
    private final RateLimiter perAddress;
    private final String instructions;

    Registration(Set<DomainBareJid> open, Accounts accounts, RateLimiter perAddress, String instructions) {
        this.open = Set.copyOf(open);
        this.accounts = accounts;
        this.perAddress = perAddress;
        this.instructions = instructions;
    }

    /** Whether new accounts may register on this domain. */
    boolean open(DomainBareJid domain) {
        return open.contains(domain);
    }

    /** Answers a pre-authentication IQ; null for an IQ that is not a request. */
    Element handle(Element iq, DomainBareJid domain, String remoteAddress) throws StanzaException {
        String type = iq.attr("type");
        if (!"get".equals(type) && !"set".equals(type)) return null;
        Element query = iq.child("query", RegisterModule.NS);
        if (query == null) throw new StanzaException("bad-request", "no query");
        if (!open(domain)) {
            if (type.equals("get")) throw new StanzaException("service-unavailable", null);
            throw new StanzaException("not-allowed", "registration is closed on " + domain);
        }
        if (type.equals("get")) {
            return result(iq, Element.builder("query", RegisterModule.NS).textChild("instructions", RegisterModule.NS, instructions)
                    .child(Element.of("username", RegisterModule.NS)).child(Element.of("password", RegisterModule.NS)).build());
        }
        Submission s = Submission.read(query);
        if (s.remove()) throw new StanzaException("unexpected-request", "log in to remove an account");
        EntityBareJid jid = account(s.username(), domain);
        if (!s.hasPassword()) throw new StanzaException("not-acceptable", "the password is empty");
        if (!perAddress.allowed(remoteAddress)) throw new StanzaException("resource-constraint", "too many registrations, try again later");
        // Every attempt to create counts, taken names too, so the limit also slows down probing.
        perAddress.record(remoteAddress);
        boolean created;
        try {
            created = accounts.create(jid, s.password(), false);
        } catch (IllegalArgumentException e) {
            throw new StanzaException("not-acceptable", e.getMessage());
        }
        if (!created) throw new StanzaException("conflict", "the username is taken");
        return result(iq, null);
    }

    /** The account for a username on the domain, PRECIS-normalised (RFC 7622); not-acceptable when invalid. */
    static EntityBareJid account(String username, DomainBareJid domain) throws StanzaException {
        if (username == null || username.isEmpty() || username.indexOf('@') >= 0 || username.indexOf('/') >= 0) {
            throw new StanzaException("not-acceptable", "invalid username");
        }
        Jid jid;
        try {
            jid = Jids.parse(username + "@" + domain);
        } catch (StanzaException e) {
            throw new StanzaException("not-acceptable", "invalid username");
        }
        EntityBareJid bare = jid.asEntityBareJidIfPossible();
        if (bare == null || jid.hasResource()) throw new StanzaException("not-acceptable", "invalid username");
        return bare;
    }

    private static Element result(Element iq, Element payload) {
        return Element.builder("iq", iq.namespace()).attr("type", "result").attr("id", iq.attr("id")).child(payload).build();
    }
}
