package org.passerelle.modules.nearby;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jxmpp.jid.Jid;
import org.passerelle.core.event.PublicPlaceListed;
import org.passerelle.core.event.PublicPlaceUnlisted;

/**
 * Public places (rooms) announced by other modules through {@link PublicPlaceListed} and
 * {@link PublicPlaceUnlisted}: the seam for the MUC module, which need not know this one.
 */
final class Places {
    /** One listed place. */
    record Place(Jid jid, String name, Geo position) {
    }

    private final Map<Jid, Place> places = new ConcurrentHashMap<>();

    boolean listed(PublicPlaceListed e) {
        if (Geo.valid(e.latitude(), e.longitude())) places.put(e.jid(), new Place(e.jid(), e.name(), new Geo(e.latitude(), e.longitude())));
        else places.remove(e.jid());
        return false;
    }

    boolean unlisted(PublicPlaceUnlisted e) {
        places.remove(e.jid());
        return false;
    }

    Collection<Place> all() {
        return List.copyOf(places.values());
    }
}
