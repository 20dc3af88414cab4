package org.passerelle.core.event;

import org.jxmpp.jid.EntityBareJid;

public record AccountCreated(EntityBareJid account) {
}
