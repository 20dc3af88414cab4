package org.passerelle.core.module;

import java.util.List;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.Jid;
import org.passerelle.core.stanza.StanzaException;

/**
 * One node of a hosted domain's service discovery tree (XEP-0030 §3.2, §4.2) that a module
 * answers, such as the ad-hoc commands list and each command (XEP-0050). Registered with
 * {@link ModuleContext#discoNode}; the disco module answers queries carrying a {@code node}
 * through {@link DiscoNodes}. Both methods may depend on who asks: throw {@code item-not-found}
 * or {@code forbidden} for a requester who may not see the node.
 */
public interface DiscoNode {
    /** The identities and features of the node for this requester. */
    Info info(Jid requester, DomainBareJid domain) throws StanzaException;

    /** The items below the node for this requester; none by default. */
    default List<Item> items(Jid requester, DomainBareJid domain) throws StanzaException {
        return List.of();
    }

    /** A disco#info answer: identities and feature vars. */
    record Info(List<Identity> identities, List<String> features) {
        public Info {
            identities = List.copyOf(identities);
            features = List.copyOf(features);
        }
    }

    /** A disco#items entry; {@code node} and {@code name} may be null. */
    record Item(Jid jid, String node, String name) {
    }
}
