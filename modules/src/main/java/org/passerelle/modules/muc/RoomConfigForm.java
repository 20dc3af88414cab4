package org.passerelle.modules.muc;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jxmpp.jid.BareJid;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.stanza.StanzaException;
import org.passerelle.modules.forms.DataForm;
import org.passerelle.modules.forms.Field;
import org.passerelle.xml.Element;

/**
 * The muc#roomconfig form (XEP-0045 §10.2): what the owner is shown, and how a submitted form
 * becomes a new {@link RoomConfig}. A submission is checked whole before anything changes: an
 * unknown field, a value of the wrong type or out of range is a {@code bad-request}. The
 * archiving switch is shown only when an archive module serves rooms. The room's location is
 * this service's own pair of fields ({@link #LAT}, {@link #LON}: XEP-0068 custom names, no
 * registered muc#roomconfig field exists): decimal degrees, both or neither (empty: no location).
 */
final class RoomConfigForm {
    private static final String P = "muc#roomconfig_";
    static final String LOCATION_NS = "urn:passerelle:muc:location";
    static final String LAT = "{" + LOCATION_NS + "}lat";
    static final String LON = "{" + LOCATION_NS + "}lon";
    private static final Set<String> KNOWN = Set.of("FORM_TYPE", P + "roomname", P + "roomdesc", P + "persistentroom",
            P + "publicroom", P + "membersonly", P + "moderatedroom", P + "passwordprotectedroom", P + "roomsecret",
            P + "whois", P + "maxusers", P + "allowinvites", P + "changesubject", P + "allowpm", P + "roomowners",
            P + "roomadmins", P + "enablearchiving", LAT, LON);
    static final String OWNERS = P + "roomowners";
    static final String ADMINS = P + "roomadmins";
    /** Plain decimal degrees: no exponent, NaN, infinity or type suffix that Double.parseDouble would take. */
    private static final Pattern DEGREES = Pattern.compile("[-+]?\\d{1,3}(\\.\\d{1,12})?");

    private RoomConfigForm() {
    }

    static Element form(RoomConfig c, int serviceMaxUsers, List<BareJid> owners, List<BareJid> admins, boolean archiving) {
        List<Field.Option> sizes = new ArrayList<>();
        for (int n : new int[] {10, 20, 50, 100, 200, 500, 1000}) {
            if (n < serviceMaxUsers) sizes.add(new Field.Option(null, Integer.toString(n)));
        }
        sizes.add(new Field.Option(null, Integer.toString(serviceMaxUsers)));
        List<Field> fields = new ArrayList<>(List.of(
                Field.textSingle(P + "roomname", "Name").withValue(c.name()),
                Field.textSingle(P + "roomdesc", "Description").withValue(c.description()),
                bool(P + "persistentroom", "Keep the room when the last occupant leaves", c.persistent()),
                bool(P + "publicroom", "List the room in the directory", c.publicRoom()),
                bool(P + "membersonly", "Members only", c.membersOnly()),
                bool(P + "moderatedroom", "Moderated (only participants speak)", c.moderated()),
                bool(P + "passwordprotectedroom", "Password required to enter", c.passwordProtected()),
                Field.textPrivate(P + "roomsecret", "Password").withValue(c.password()),
                Field.listSingle(P + "whois", "Who may see real JIDs", List.of(
                        new Field.Option("Moderators only", "moderators"), new Field.Option("Anyone", "anyone")))
                        .withValue(c.nonAnonymous() ? "anyone" : "moderators"),
                Field.listSingle(P + "maxusers", "Maximum number of occupants", sizes)
                        .withValue(Integer.toString(c.maxUsers() == 0 ? serviceMaxUsers : c.maxUsers())),
                bool(P + "allowinvites", "Occupants may invite others", c.allowInvites()),
                bool(P + "changesubject", "Occupants may change the subject", c.changeSubject()),
                Field.listSingle(P + "allowpm", "Who may send private messages", RoomConfig.PM_VALUES.stream()
                        .map(v -> new Field.Option(null, v)).toList()).withValue(c.allowPm()),
                Field.jidMulti(OWNERS, "Room owners").withValues(owners.stream().map(Object::toString).toList()),
                Field.jidMulti(ADMINS, "Room admins").withValues(admins.stream().map(Object::toString).toList())));
        RoomConfig.Location at = c.location();
        fields.add(Field.textSingle(LAT, "Latitude, to be found nearby (decimal degrees, -90 to 90)")
                .withValue(at == null ? "" : plain(at.lat())));
        fields.add(Field.textSingle(LON, "Longitude (decimal degrees, -180 to 180)").withValue(at == null ? "" : plain(at.lon())));
        if (archiving) fields.add(bool(P + "enablearchiving", "Archive the messages (XEP-0313)", c.archive()));
        return DataForm.form(Muc.ROOMCONFIG, "Room configuration", "Submit an empty form for the values shown.",
                fields.toArray(Field[]::new)).toElement();
    }

    /** The configuration after the submitted form; fields left out keep their current value. */
    static RoomConfig apply(RoomConfig c, DataForm f, int serviceMaxUsers) throws StanzaException {
        Map<String, String> v = new HashMap<>();
        for (Field field : f.fields()) {
            if (field.var() == null || !KNOWN.contains(field.var())) {
                throw new StanzaException("bad-request", "unknown field " + field.var());
            }
            if (field.var().equals(OWNERS) || field.var().equals(ADMINS)) {
                jids(f, field.var()); // checked here, applied by the owner's request
                continue;
            }
            if (field.values().size() > 1) throw new StanzaException("bad-request", field.var() + " takes one value");
            v.put(field.var(), field.value() == null ? "" : field.value());
        }
        if (v.containsKey("FORM_TYPE") && !Muc.ROOMCONFIG.equals(v.get("FORM_TYPE"))) {
            throw new StanzaException("bad-request", "FORM_TYPE must be " + Muc.ROOMCONFIG);
        }
        String password = v.getOrDefault(P + "roomsecret", c.password());
        boolean protectedRoom = v.containsKey(P + "passwordprotectedroom")
                ? bool(v, P + "passwordprotectedroom", false) : c.passwordProtected() || !password.isEmpty();
        if (protectedRoom && password.isEmpty()) {
            throw new StanzaException("bad-request", "a password-protected room needs muc#roomconfig_roomsecret");
        }
        String whois = v.getOrDefault(P + "whois", c.nonAnonymous() ? "anyone" : "moderators");
        if (!whois.equals("anyone") && !whois.equals("moderators")) {
            throw new StanzaException("bad-request", "muc#roomconfig_whois must be moderators or anyone");
        }
        String allowPm = v.getOrDefault(P + "allowpm", c.allowPm());
        if (!RoomConfig.PM_VALUES.contains(allowPm)) {
            throw new StanzaException("bad-request", "muc#roomconfig_allowpm must be one of " + RoomConfig.PM_VALUES);
        }
        return new RoomConfig(v.getOrDefault(P + "roomname", c.name()), v.getOrDefault(P + "roomdesc", c.description()),
                bool(v, P + "persistentroom", c.persistent()), bool(v, P + "publicroom", c.publicRoom()),
                bool(v, P + "membersonly", c.membersOnly()), bool(v, P + "moderatedroom", c.moderated()),
                protectedRoom, protectedRoom ? password : "", whois.equals("anyone"),
                maxUsers(v.get(P + "maxusers"), c.maxUsers(), serviceMaxUsers),
                bool(v, P + "allowinvites", c.allowInvites()), bool(v, P + "changesubject", c.changeSubject()), allowPm,
                bool(v, P + "enablearchiving", c.archive()), location(v, c.location()));
    }

    /** The new location: a field left out keeps its current value; both empty remove it. */
    private static RoomConfig.Location location(Map<String, String> v, RoomConfig.Location current) throws StanzaException {
        if (!v.containsKey(LAT) && !v.containsKey(LON)) return current;
        String lat = v.getOrDefault(LAT, current == null ? "" : plain(current.lat())).strip();
        String lon = v.getOrDefault(LON, current == null ? "" : plain(current.lon())).strip();
        if (lat.isEmpty() && lon.isEmpty()) return null;
        double la = degrees(lat, LAT, 90);
        double lo = degrees(lon, LON, 180);
        return new RoomConfig.Location(la, lo);
    }

    /** Degrees as the form accepts them back: never in exponent notation (1.0E-5). */
    private static String plain(double degrees) {
        return BigDecimal.valueOf(degrees).stripTrailingZeros().toPlainString();
    }

    private static double degrees(String s, String var, int limit) throws StanzaException {
        if (DEGREES.matcher(s).matches()) {
            double d = Double.parseDouble(s);
            if (Math.abs(d) <= limit) return d;
        }
        throw new StanzaException("bad-request", var + " must be decimal degrees from -" + limit + " to " + limit + ", not '" + s + "'");
    }

    /** The JIDs of a jid-multi field, or null when the form leaves the field out. */
    static List<BareJid> jids(DataForm f, String var) throws StanzaException {
        Field field = f.field(var);
        if (field == null) return null;
        List<BareJid> out = new ArrayList<>();
        for (String s : field.values()) {
            if (s.isBlank()) continue;
            try {
                out.add(Jids.parse(s.strip()).asBareJid());
            } catch (StanzaException e) {
                throw new StanzaException("bad-request", var + ": '" + s + "' is not a JID");
            }
        }
        if (var.equals(OWNERS) && out.isEmpty()) throw new StanzaException("bad-request", "a room keeps at least one owner");
        return out;
    }

    private static Field bool(String var, String label, boolean value) {
        return Field.of("boolean", var, label).withValue(value ? "1" : "0");
    }

    private static boolean bool(Map<String, String> v, String var, boolean current) throws StanzaException {
        String s = v.get(var);
        if (s == null) return current;
        return switch (s) {
            case "1", "true" -> true;
            case "0", "false" -> false;
            default -> throw new StanzaException("bad-request", var + " is a boolean, not '" + s + "'");
        };
    }

    private static int maxUsers(String s, int current, int serviceMax) throws StanzaException {
        if (s == null) return current;
        if (s.equals("none")) return 0;
        try {
            int n = Integer.parseInt(s);
            if (n >= 1 && n <= serviceMax) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new StanzaException("bad-request", "muc#roomconfig_maxusers must be a number from 1 to " + serviceMax);
    }
}
