package org.passerelle.core.event;

import org.jxmpp.jid.Jid;

/**
 * A public place with a location, such as a public chat room (XEP-0045) with a XEP-0080 position,
 * offered to location searches (the nearby module). Publish it again to move or rename the place;
 * publish {@link PublicPlaceUnlisted} when it stops being public or goes away. Coordinates are
 * WGS84 degrees, already checked by the publisher (latitude ±90, longitude ±180).
 */
public record PublicPlaceListed(Jid jid, String name, double latitude, double longitude) {
}
