package org.passerelle.modules.muc;

import java.util.List;

/**
 * {@code modules.muc}. {@code subdomain}: the service is {@code <subdomain>.<domain>} for each
 * hosted domain (default {@code conference}). {@code create}: who may create rooms, {@code anyone}
 * (default, any user of any domain), {@code admins} (server administrators) or {@code domains}
 * (users of {@code createDomains}). {@code maxRooms}: rooms per service (default 10000).
 * {@code maxHistory}: messages a room keeps for newcomers (default 50). {@code maxUsers}: the
 * highest occupant limit an owner may set (default 1000). {@code defaults}: a new room's configuration.
 * {@code tombstoneDays}: how long joins to a room its owner destroyed get {@code gone} instead of
 * creating a new room (default 31, 0 = never; kept in memory only).
 */
public record MucOptions(String subdomain, String create, List<String> createDomains, Integer maxRooms,
                         Integer maxHistory, Integer maxUsers, RoomDefaults defaults, Integer tombstoneDays) {
    public MucOptions {
        if (tombstoneDays == null) tombstoneDays = 31;
        if (tombstoneDays < 0 || tombstoneDays > 3650) throw new IllegalArgumentException("tombstoneDays must be between 0 and 3650");
        if (subdomain == null) subdomain = "conference";
        if (subdomain.isBlank() || subdomain.contains("@") || subdomain.contains("/")) {
            throw new IllegalArgumentException("subdomain must be a DNS label such as 'conference', not '" + subdomain + "'");
        }
        if (create == null) create = "anyone";
        if (!List.of("anyone", "admins", "domains").contains(create)) {
            throw new IllegalArgumentException("create must be anyone, admins or domains, not " + create);
        }
        createDomains = createDomains == null ? List.of() : List.copyOf(createDomains);
        if (create.equals("domains") && createDomains.isEmpty()) {
            throw new IllegalArgumentException("create: domains needs a list in createDomains");
        }
        if (maxRooms == null) maxRooms = 10_000;
        if (maxHistory == null) maxHistory = 50;
        if (maxUsers == null) maxUsers = 1000;
        if (maxRooms < 1) throw new IllegalArgumentException("maxRooms must be at least 1");
        if (maxHistory < 0 || maxHistory > 1000) throw new IllegalArgumentException("maxHistory must be between 0 and 1000");
        if (maxUsers < 2) throw new IllegalArgumentException("maxUsers must be at least 2");
        if (defaults == null) defaults = new RoomDefaults(null, null, null, null, null, null, null, null, null, null);
        if (defaults.maxUsers() > maxUsers) {
            throw new IllegalArgumentException("defaults.maxUsers (" + defaults.maxUsers() + ") is above maxUsers ("
                    + maxUsers + ")");
        }
    }
}
