package org.passerelle.core.event;

import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;

/**
 * Asks whether {@code owner} blocks {@code other} (XEP-0191): publish it, and the blocking module
 * consumes it (publish returns true) when the block list matches. No listener means no block.
 */
public record BlockQuery(EntityBareJid owner, Jid other) {
}
