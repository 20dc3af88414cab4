package org.passerelle.core.module;

import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.passerelle.core.stanza.StanzaException;

/**
 * Answers disco#info for a node of an account's bare JID, such as a PEP node (XEP-0060 §5.3).
 * The disco module asks each registered answerer in turn; {@code null} means "not mine".
 */
@FunctionalInterface
public interface AccountNodeInfo {
    DiscoNode.Info info(EntityBareJid account, String node, Jid requester) throws StanzaException;
}
