package org.passerelle.modules.nearby;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.event.BlockQuery;
import org.passerelle.core.event.PlaceBanQuery;
import org.passerelle.core.module.ServerContext;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.stanza.StanzaException;
import org.passerelle.core.store.PubsubItem;
import org.passerelle.core.store.RosterItem;
import org.passerelle.modules.forms.DataForm;
import org.passerelle.modules.forms.Field;
import org.passerelle.xml.Element;

/**
 * XEP-0055 search with a XEP-0004 form: people and public places within a radius of the
 * asker's own published location. A person is listed only if opted in, visible to the asker
 * (public, or sharing presence with the asker), not blocked either way, and with a recent
 * location; positions and distances use the person's rounded coordinates, never the exact ones.
 * A place is listed unless it bans the asker (a room's outcast) or the asker blocks it.
 */
final class NearbySearch {
    static final String NS = "jabber:iq:search";
    /** XEP-0055 §3: search forms carry the protocol's own namespace as FORM_TYPE (clients look for it). */
    static final String FORM_TYPE = NS;
    private static final BigDecimal PLACE_PRECISION = new BigDecimal("0.001");

    private final ServerContext server;
    private final OptIns optIns;
    private final Places places;
    private final NearbyOptions options;

    NearbySearch(ServerContext server, OptIns optIns, Places places, NearbyOptions options) {
        this.server = server;
        this.optIns = optIns;
        this.places = places;
        this.options = options;
    }

    /** One line of the result. */
    private record Hit(String jid, String kind, String name, Geo shown, BigDecimal precision, double km) {
    }

    Stanza handle(Stanza iq, EntityBareJid asker) throws StanzaException {
        // The form carries the instructions: a query-level <instructions/> means the legacy fields to clients (XEP-0055 §3).
        if ("get".equals(iq.type())) return iq.result(Element.builder("query", NS).child(form().toElement()).build());
        DataForm submitted = DataForm.find(iq.element().firstElement());
        if (submitted == null) throw new StanzaException("bad-request", "submit the search form");
        double radius = radius(submitted.value("radius"));
        String kind = submitted.value("kind") == null ? "all" : submitted.value("kind");
        if (!List.of("all", "people", "rooms").contains(kind)) throw new StanzaException("bad-request", "kind must be all, people or rooms");
        if (optIns.get(asker) == null) throw new StanzaException("registration-required", "opt in (register with this service) first");
        Geo center = location(asker);
        if (center == null) throw new StanzaException("not-acceptable", "publish your location (XEP-0080) first");
        List<Hit> hits = new ArrayList<>();
        if (!"rooms".equals(kind)) people(asker, center, radius, hits);
        if (!"people".equals(kind)) {
            for (Places.Place p : places.all()) {
                if (!visible(p, asker)) continue;
                double km = center.distanceKm(p.position());
                if (km <= radius) hits.add(new Hit(p.jid().toString(), "room", p.name(), p.position(), PLACE_PRECISION, km));
            }
        }
        hits.sort(Comparator.comparingDouble(Hit::km));
        return iq.result(Element.builder("query", NS).child(result(hits.subList(0, Math.min(hits.size(), options.maxResults())))).build());
    }

    private void people(EntityBareJid asker, Geo center, double radius, List<Hit> hits) {
        for (Map.Entry<EntityBareJid, OptIn> e : optIns.all().entrySet()) {
            EntityBareJid user = e.getKey();
            OptIn optIn = e.getValue();
            if (user.equals(asker) || !visible(user, optIn, asker)) continue;
            Geo at = location(user);
            if (at == null) continue;
            Geo shown = at.rounded(optIn.precision());
            double km = center.distanceKm(shown);
            if (km <= radius) hits.add(new Hit(user.toString(), "person", null, shown, optIn.precision(), km));
        }
    }

    private boolean visible(EntityBareJid user, OptIn optIn, EntityBareJid asker) {
        if (server.events().publish(new BlockQuery(user, asker)) || server.events().publish(new BlockQuery(asker, user))) return false;
        if (optIn.isPublic()) return true;
        return server.stores().roster().item(user, asker).map(RosterItem::subscription).filter(s -> s.hasFrom()).isPresent();
    }

    /** A place is hidden from a user it bans (a room's outcast) or who blocks it (XEP-0191). */
    private boolean visible(Places.Place place, EntityBareJid asker) {
        return !server.events().publish(new PlaceBanQuery(place.jid(), asker)) && !server.events().publish(new BlockQuery(asker, place.jid()));
    }

    /** The user's last published geolocation, if valid and recent enough. */
    private Geo location(EntityBareJid user) {
        List<PubsubItem> last = server.stores().pubsub().items(user, Geo.GEOLOC, 1);
        if (last.isEmpty()) return null;
        PubsubItem item = last.getFirst();
        if (options.maxAgeMinutes() > 0) {
            Instant oldest = server.clock().instant().minus(Duration.ofMinutes(options.maxAgeMinutes()));
            if (item.published().isBefore(oldest)) return null;
        }
        return Geo.of(item.payload());
    }

    private double radius(String value) throws StanzaException {
        if (value == null) return Math.min(10, options.maxRadiusKm());
        try {
            double r = Double.parseDouble(value.trim());
            if (r > 0 && r <= options.maxRadiusKm()) return r;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new StanzaException("not-acceptable", "radius must be a number of km above 0 and at most " + options.maxRadiusKm());
    }

    private DataForm form() {
        return DataForm.form(FORM_TYPE, "Nearby", "Find people and public rooms within a radius (km) of your published location.",
                Field.textSingle("radius", "Radius (km, at most " + options.maxRadiusKm() + ")").withValue("10"),
                Field.listSingle("kind", "Look for", List.of(new Field.Option("People and rooms", "all"),
                        new Field.Option("People", "people"), new Field.Option("Rooms", "rooms"))).withValue("all"));
    }

    /** A XEP-0004 §3.4 multi-item result: {@code <reported/>} then one {@code <item/>} per hit. */
    private static Element result(List<Hit> hits) {
        Element.Builder x = Element.builder("x", DataForm.NS).attr("type", "result")
                .child(Element.builder("field", DataForm.NS).attr("var", "FORM_TYPE").attr("type", "hidden")
                        .child(value(FORM_TYPE)).build());
        Element.Builder reported = Element.builder("reported", DataForm.NS);
        String[][] columns = {{"jid", "jid-single", "JID"}, {"kind", "text-single", "Kind"}, {"name", "text-single", "Name"},
                {"lat", "text-single", "Latitude"}, {"lon", "text-single", "Longitude"}, {"distance", "text-single", "Distance (km)"}};
        for (String[] c : columns) reported.child(Element.builder("field", DataForm.NS).attr("var", c[0]).attr("type", c[1]).attr("label", c[2]).build());
        x.child(reported.build());
        for (Hit h : hits) {
            x.child(Element.builder("item", DataForm.NS)
                    .child(field("jid", h.jid())).child(field("kind", h.kind())).child(field("name", h.name() == null ? "" : h.name()))
                    .child(field("lat", Geo.format(h.shown().lat(), h.precision())))
                    .child(field("lon", Geo.format(h.shown().lon(), h.precision())))
                    .child(field("distance", new BigDecimal(h.km()).setScale(1, java.math.RoundingMode.HALF_UP).toPlainString()))
                    .build());
        }
        return x.build();
    }

    private static Element field(String var, String value) {
        return Element.builder("field", DataForm.NS).attr("var", var).child(value(value)).build();
    }

    private static Element value(String v) {
        return Element.builder("value", DataForm.NS).text(v).build();
    }
}
