package org.passerelle.core.event;

import org.jxmpp.jid.EntityBareJid;

/** The account is gone: every module deletes what it kept for it. */
public record AccountDeleted(EntityBareJid account) {
}
