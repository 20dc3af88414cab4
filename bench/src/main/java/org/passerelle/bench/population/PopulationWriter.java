package org.passerelle.bench.population;

import java.io.IOException;
import java.io.Writer;
import org.passerelle.bench.scenario.Users;
import org.passerelle.xml.XmlWriter;

/**
 * Writes the benchmark population as a XEP-0227 (portable import/export) file: N accounts with
 * passwords, each with a roster of its {@code contacts} nearest neighbours on a ring (half before,
 * half after, subscription both), so every roster is symmetric and the same size.
 */
public final class PopulationWriter {
    public static final String PIE_NS = "urn:xmpp:pie:0";

    private final Users users;
    private final int count;
    private final int contacts;
    private final int ring;

    /** All {@code count} users on the ring. */
    public PopulationWriter(Users users, int count, int contacts) {
        this(users, count, contacts, count);
    }

    /** Only users 0..ring-1 have rosters, on a ring of their own; the others have none. */
    public PopulationWriter(Users users, int count, int contacts, int ring) {
        if (contacts % 2 != 0) throw new IllegalArgumentException("contacts must be even (half each side on the ring)");
        if (ring > count) throw new IllegalArgumentException("the ring cannot be larger than the population");
        if (contacts > 0 && ring <= contacts) throw new IllegalArgumentException("need more users on the ring than contacts");
        this.users = users;
        this.count = count;
        this.contacts = contacts;
        this.ring = ring;
    }

    /** The contacts of user {@code i}: its neighbours at distance 1..contacts/2 on both sides (none off the ring). */
    public int[] contactsOf(int i) {
        if (i >= ring) return new int[0];
        int[] out = new int[contacts];
        int k = 0;
        for (int d = 1; d <= contacts / 2; d++) {
            out[k++] = Math.floorMod(i - d, ring);
            out[k++] = Math.floorMod(i + d, ring);
        }
        return out;
    }

    public void write(Writer out) throws IOException {
        out.write("<?xml version='1.0' encoding='UTF-8'?>\n<server-data xmlns='" + PIE_NS + "'>\n");
        out.write("  <host jid='" + attr(users.domain()) + "'>\n");
        for (int i = 0; i < count; i++) {
            out.write("    <user name='" + attr(users.user(i)) + "' password='" + attr(users.password(i)) + "'>");
            if (contacts > 0 && i < ring) {
                out.write("<query xmlns='jabber:iq:roster'>");
                for (int c : contactsOf(i)) {
                    out.write("<item jid='" + attr(users.bareJid(c)) + "' name='" + attr(users.user(c))
                            + "' subscription='both'><group>bench</group></item>");
                }
                out.write("</query>");
            }
            out.write("</user>\n");
        }
        out.write("  </host>\n</server-data>\n");
    }

    private static String attr(String s) {
        StringBuilder b = new StringBuilder();
        XmlWriter.escapeAttr(s, b);
        return b.toString();
    }
}
