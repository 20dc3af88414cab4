package org.passerelle.it;

import org.jivesoftware.smack.XMPPConnection;
import java.util.List;
import org.jivesoftware.smackx.mam.MamManager;
import org.jivesoftware.smackx.mam.element.MamPrefsIQ;
import org.jivesoftware.smackx.mam.element.MamPrefsIQ.DefaultBehavior;
import org.jivesoftware.smackx.mam.element.MamVersion;
import org.jxmpp.jid.Jid;
import org.jivesoftware.smackx.muc.MultiUserChat;

/**
 * Smack's MamManager, ready for use: Smack 4.5 picks the MAM namespace it speaks from the archive's
 * disco#info, so it must be asked whether MAM is supported before the first query. Its preference
 * calls are not used: 4.5.0-beta5's {@code MamPrefs} reads the IQ's stanza namespace (jabber:client)
 * as the MAM version and throws, so preferences go through plain {@link MamPrefsIQ} requests here.
 */
final class Mam {
    private Mam() {
    }

    static MamManager of(XMPPConnection c) throws Exception {
        return ready(MamManager.getInstanceFor(c));
    }

    static MamManager of(MultiUserChat room) throws Exception {
        return ready(MamManager.getInstanceFor(room));
    }

    /** The account's archiving preferences (XEP-0313 §6.1). */
    static MamPrefsIQ prefs(XMPPConnection c) throws Exception {
        return c.sendIqRequestAndWaitForResponse(new MamPrefsIQ(MamVersion.MAM2));
    }

    /** Replaces the preferences; the answer is what the server now applies. */
    static MamPrefsIQ setPrefs(XMPPConnection c, DefaultBehavior behavior, List<Jid> always, List<Jid> never) throws Exception {
        return c.sendIqRequestAndWaitForResponse(new MamPrefsIQ(MamVersion.MAM2, always, never, behavior));
    }

    /** Changes the default and keeps the always/never lists. */
    static MamPrefsIQ setDefault(XMPPConnection c, DefaultBehavior behavior) throws Exception {
        MamPrefsIQ now = prefs(c);
        return setPrefs(c, behavior, now.getAlwaysJids(), now.getNeverJids());
    }

    private static MamManager ready(MamManager mam) throws Exception {
        if (!mam.isSupported()) throw new AssertionError("the archive does not announce urn:xmpp:mam:2");
        return mam;
    }
}
