package org.passerelle.modules.muc;

import java.util.List;

/**
 * {@code modules.muc.defaults}: the configuration a new room starts with (its owner may change
 * it). Defaults: temporary, public, open, unmoderated, semi-anonymous ({@code whois: moderators}),
 * 100 users, no invitations by participants, subject changed by moderators only, private
 * messages from anyone, archived (when an archive module runs; a temporary room's archive goes
 * with the room).
 */
public record RoomDefaults(Boolean persistent, Boolean publicRoom, Boolean membersOnly, Boolean moderated,
                           String whois, Integer maxUsers, Boolean allowInvites, Boolean changeSubject, String allowPm,
                           Boolean archive) {
    public RoomDefaults {
        if (persistent == null) persistent = false;
        if (publicRoom == null) publicRoom = true;
        if (membersOnly == null) membersOnly = false;
        if (moderated == null) moderated = false;
        if (whois == null) whois = "moderators";
        if (!List.of("moderators", "anyone").contains(whois)) {
            throw new IllegalArgumentException("whois must be moderators or anyone, not " + whois);
        }
        if (maxUsers == null) maxUsers = 100;
        if (maxUsers < 2) throw new IllegalArgumentException("maxUsers must be at least 2");
        if (allowInvites == null) allowInvites = false;
        if (changeSubject == null) changeSubject = false;
        if (allowPm == null) allowPm = "anyone";
        if (archive == null) archive = true;
        if (!RoomConfig.PM_VALUES.contains(allowPm)) {
            throw new IllegalArgumentException("allowPm must be one of " + RoomConfig.PM_VALUES + ", not " + allowPm);
        }
    }

    RoomConfig toConfig() {
        return new RoomConfig("", "", persistent, publicRoom, membersOnly, moderated, false, "",
                whois.equals("anyone"), maxUsers, allowInvites, changeSubject, allowPm, archive, null);
    }
}
