package org.passerelle.core.event;

import org.jxmpp.jid.Jid;

/** A place announced with {@link PublicPlaceListed} is no longer to be found by location. */
public record PublicPlaceUnlisted(Jid jid) {
}
