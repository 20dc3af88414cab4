package org.passerelle.modules.blocking;

import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.passerelle.core.routing.Domains;
import org.passerelle.core.routing.Router;
import org.passerelle.core.session.Session;
import org.passerelle.core.stanza.Namespaces;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.xml.Element;

/** Keeps stanzas away from and out of accounts that blocked their peer (see the package documentation). */
final class BlockingEnforcer {
    static final String ERRORS = "urn:xmpp:blocking:errors";

    private final BlockList lists;
    private final Domains domains;
    private final Router router;

    BlockingEnforcer(BlockList lists, Domains domains, Router router) {
        this.lists = lists;
        this.domains = domains;
        this.router = router;
    }

    /** Inbound interceptor: what a client sends. */
    Stanza fromClient(Session sender, Stanza stanza) {
        Jid to = stanza.to();
        if (to == null || exempt(sender.bareJid(), to)) return stanza;
        if (lists.blocks(sender.bareJid(), to)) {
            rejectOutbound(sender, stanza);
            return null;
        }
        // IQs to a bare JID are answered by the server at once, without passing the handlers.
        if (stanza.isIq() && isAccount(to) && !to.hasResource() && lists.blocks(to.asEntityBareJidIfPossible(), stanza.from())) {
            refuse(stanza);
            return null;
        }
        return stanza;
    }

    /** Messages and presence to an account (bare or full JID) from anywhere: true when refused. */
    boolean toAccount(Stanza stanza) {
        Jid from = stanza.from();
        EntityBareJid owner = stanza.to().asEntityBareJidIfPossible();
        if (from == null || owner == null || exempt(owner, from) || !lists.blocks(owner, from)) return false;
        refuse(stanza);
        return true;
    }

    /** Delivery interceptor: anything given to a session. */
    Stanza toSession(Session recipient, Stanza stanza) {
        Jid from = stanza.from();
        if (from == null || exempt(recipient.bareJid(), from)) return stanza;
        if (lists.blocks(recipient.bareJid(), from)) {
            refuse(stanza);
            return null;
        }
        // Presence broadcasts and other stanzas the server sends for an account that blocked the recipient;
        // errors pass, as they carry the refusals above back to the blocked sender.
        if (!"error".equals(stanza.type()) && isAccount(from) && lists.blocks(from.asEntityBareJidIfPossible(), recipient.jid())) return null;
        return stanza;
    }

    /** §3.3: inbound from a blocked JID: the account looks offline. */
    private void refuse(Stanza stanza) {
        if (stanza.isMessage() || stanza.isIqRequest()) router.bounce(stanza, "service-unavailable", null);
    }

    /** §3.3: outbound to a blocked JID: not-acceptable with the blocked condition, on the sender's own stream. */
    private static void rejectOutbound(Session sender, Stanza stanza) {
        if ("error".equals(stanza.type()) || (stanza.isIq() && !stanza.isIqRequest())) return;
        Stanza error = stanza.error("not-acceptable", null);
        Element element = error.element().mapElements(e -> e.is("error", Namespaces.CLIENT) ? e.withChild(Element.of("blocked", ERRORS)) : e);
        sender.deliver(error.withElement(element));
    }

    private boolean isAccount(Jid jid) {
        return jid.hasLocalpart() && domains.isLocal(jid);
    }

    /** The account's own JIDs and the bare hosted domain are never blocked for it. */
    private boolean exempt(EntityBareJid account, Jid other) {
        return other.asBareJid().equals(account) || (!other.hasLocalpart() && !other.hasResource() && domains.isLocal(other));
    }
}
