package org.passerelle.modules.muc;

import java.util.Locale;

/** A user's lasting relation to a room (XEP-0045 §5.2), highest first. */
enum Affiliation {
    OWNER, ADMIN, MEMBER, NONE, OUTCAST;

    String xml() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses an attribute value; null when it is not one of the five. */
    static Affiliation parse(String s) {
        if (s == null) return null;
        for (Affiliation a : values()) if (a.xml().equals(s)) return a;
        return null;
    }

    /** Owner and admin. */
    boolean isAdmin() {
        return this == OWNER || this == ADMIN;
    }

    /** The role an occupant starts with (§5.1.2): visitors only in moderated rooms. */
    Role defaultRole(boolean moderated) {
        return switch (this) {
            case OWNER, ADMIN -> Role.MODERATOR;
            case MEMBER -> Role.PARTICIPANT;
            case NONE -> moderated ? Role.VISITOR : Role.PARTICIPANT;
            case OUTCAST -> Role.NONE;
        };
    }
}
