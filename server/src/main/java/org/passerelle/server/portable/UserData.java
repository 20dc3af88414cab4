package org.passerelle.server.portable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.store.OfflineMessage;
import org.passerelle.core.store.RosterItem;
import org.passerelle.core.store.ScramCredential;

/** One {@code <user/>} of a XEP-0227 file, read into our records (mutable while it is read). */
final class UserData {
    /** A key-value entry of ours (blocking list, last activity). */
    record Data(String namespace, String key, String value) {
    }

    final EntityBareJid jid;
    String password;
    final List<ScramCredential> credentials = new ArrayList<>();
    boolean admin;
    boolean disabled;
    Instant created;
    final List<RosterItem> roster = new ArrayList<>();
    final List<BareJid> pendingIn = new ArrayList<>();
    String vcard;
    final List<Data> data = new ArrayList<>();
    final List<OfflineMessage> offline = new ArrayList<>();

    UserData(EntityBareJid jid) {
        this.jid = jid;
    }

    /** Roster items with the pending inbound requests folded in (a request from a stranger is an item of its own). */
    List<RosterItem> rosterWithRequests() {
        List<RosterItem> out = new ArrayList<>(roster);
        for (BareJid from : pendingIn) {
            int i = indexOf(out, from);
            if (i >= 0) out.set(i, out.get(i).withPendingIn(true));
            else out.add(RosterItem.of(from).withPendingIn(true));
        }
        return out;
    }

    private static int indexOf(List<RosterItem> items, BareJid contact) {
        for (int i = 0; i < items.size(); i++) if (items.get(i).contact().equals(contact)) return i;
        return -1;
    }
}
