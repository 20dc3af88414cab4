package org.passerelle.modules.muc;

import java.util.Locale;

/** An occupant's role for the time of its visit (XEP-0045 §5.1). */
enum Role {
    MODERATOR, PARTICIPANT, VISITOR, NONE;

    String xml() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Role parse(String s) {
        if (s == null) return null;
        for (Role r : values()) if (r.xml().equals(s)) return r;
        return null;
    }

    /** May send groupchat messages. */
    boolean hasVoice() {
        return this == MODERATOR || this == PARTICIPANT;
    }
}
