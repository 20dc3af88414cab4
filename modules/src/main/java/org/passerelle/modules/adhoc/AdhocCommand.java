package org.passerelle.modules.adhoc;

import java.util.List;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.passerelle.core.module.DiscoNode;
import org.passerelle.core.module.Identity;
import org.passerelle.core.stanza.StanzaException;
import org.passerelle.modules.forms.DataForm;

/**
 * One ad-hoc command offered on the hosted domains. Register it with
 * {@code ctx.discoNode(command.node(), command)}; the adhoc module finds it there, lists it for
 * requesters it {@link #allowed allows} and runs it. Its disco#info (XEP-0050 §2.2) comes from
 * the default {@link #info}: forbidden to requesters who may not run it.
 */
public interface AdhocCommand extends DiscoNode {
    /** The disco node that names the command, unique on the server. */
    String node();

    /** The label shown in command menus. */
    String name();

    /** Whether this requester may see and run the command on this domain; asked at every stage. */
    boolean allowed(Jid requester, DomainBareJid domain);

    /** The usual rule for a user's own settings: any account of this very domain. */
    static boolean accountOf(Jid requester, DomainBareJid domain) {
        EntityBareJid account = requester.asEntityBareJidIfPossible();
        return account != null && account.asDomainBareJid().equals(domain);
    }

    /**
     * Answers one stage: the first with no forms, each later one with every form submitted so far.
     * A {@link StanzaException} ends the session with that error ({@code bad-request} is sent with
     * XEP-0050's {@code <bad-payload/>}).
     */
    Step execute(CommandRequest request) throws StanzaException;

    @Override
    default Info info(Jid requester, DomainBareJid domain) throws StanzaException {
        if (!allowed(requester, domain)) throw new StanzaException("forbidden", "not allowed to run this command");
        return new Info(List.of(new Identity("automation", "command-node", name())), List.of(AdhocModule.NS, DataForm.NS));
    }
}
