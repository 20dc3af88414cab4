package org.passerelle.modules.muc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A room's configuration (the muc#roomconfig options this service supports). Immutable; the
 * owner's form ({@link RoomConfigForm}) makes a new one. {@code nonAnonymous} is whois=anyone;
 * {@code maxUsers} 0 means no limit but the service's; {@code archive}: messages go into the
 * room's archive when an archive module runs; {@code location} (null: none) lets location
 * searches find the room while it is {@link #findable}.
 */
record RoomConfig(String name, String description, boolean persistent, boolean publicRoom, boolean membersOnly,
                  boolean moderated, boolean passwordProtected, String password, boolean nonAnonymous, int maxUsers,
                  boolean allowInvites, boolean changeSubject, String allowPm, boolean archive, Location location) {
    static final List<String> PM_VALUES = List.of("anyone", "participants", "moderators", "none");

    /** WGS84 degrees, checked by the form (latitude ±90, longitude ±180). */
    record Location(double lat, double lon) {
        @Override
        public String toString() {
            return lat + "," + lon;
        }

        static Location parse(String stored) {
            int comma = stored.indexOf(',');
            if (comma < 0) return null;
            return new Location(Double.parseDouble(stored.substring(0, comma)), Double.parseDouble(stored.substring(comma + 1)));
        }
    }

    /** The options as stored in the {@link org.passerelle.core.store.RoomStore}. */
    Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("description", description);
        m.put("persistent", flag(persistent));
        m.put("public", flag(publicRoom));
        m.put("membersOnly", flag(membersOnly));
        m.put("moderated", flag(moderated));
        m.put("passwordProtected", flag(passwordProtected));
        m.put("password", password);
        m.put("whois", nonAnonymous ? "anyone" : "moderators");
        m.put("maxUsers", Integer.toString(maxUsers));
        m.put("allowInvites", flag(allowInvites));
        m.put("changeSubject", flag(changeSubject));
        m.put("allowPm", allowPm);
        m.put("archive", flag(archive));
        m.put("location", location == null ? "" : location.toString());
        return m;
    }

    /** Reads stored options; a missing one (a room stored by an older version) keeps the default's value. */
    static RoomConfig fromMap(Map<String, String> m, RoomConfig d) {
        return new RoomConfig(m.getOrDefault("name", d.name), m.getOrDefault("description", d.description),
                bool(m, "persistent", d.persistent), bool(m, "public", d.publicRoom), bool(m, "membersOnly", d.membersOnly),
                bool(m, "moderated", d.moderated), bool(m, "passwordProtected", d.passwordProtected),
                m.getOrDefault("password", d.password),
                m.containsKey("whois") ? m.get("whois").equals("anyone") : d.nonAnonymous,
                m.containsKey("maxUsers") ? Integer.parseInt(m.get("maxUsers")) : d.maxUsers,
                bool(m, "allowInvites", d.allowInvites), bool(m, "changeSubject", d.changeSubject),
                m.getOrDefault("allowPm", d.allowPm), bool(m, "archive", d.archive),
                m.containsKey("location") ? Location.parse(m.get("location")) : d.location);
    }

    /** Anyone may enter and find the room in the directory, and it has a place on the map. */
    boolean findable() {
        return location != null && publicRoom && !membersOnly && !needsPassword();
    }

    /** The room asks for a password. */
    boolean needsPassword() {
        return passwordProtected && !password.isEmpty();
    }

    private static String flag(boolean b) {
        return b ? "1" : "0";
    }

    private static boolean bool(Map<String, String> m, String key, boolean d) {
        String v = m.get(key);
        return v == null ? d : v.equals("1");
    }
}
