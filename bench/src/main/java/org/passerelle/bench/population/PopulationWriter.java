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

    public PopulationWriter(Users users, int count, int contacts) {
        if (contacts % 2 != 0) throw new IllegalArgumentException("contacts must be even (half each side on the ring)");
        if (contacts > 0 && count <= contacts) throw new IllegalArgumentException("need more users than contacts");
        this.users = users;
        this.count = count;
        this.contacts = contacts;
    }

    /** The contacts of user {@code i}: its neighbours at distance 1..contacts/2 on both sides. */
    public int[] contactsOf(int i) {
        int[] out = new int[contacts];
        int k = 0;
        for (int d = 1; d <= contacts / 2; d++) {
            out[k++] = Math.floorMod(i - d, count);
            out[k++] = Math.floorMod(i + d, count);
        }
        return out;
    }

    public void write(Writer out) throws IOException {
        out.write("<?xml version='1.0' encoding='UTF-8'?>\n<server-data xmlns='" + PIE_NS + "'>\n");
        out.write("  <host jid='" + attr(users.domain()) + "'>\n");
        for (int i = 0; i < count; i++) {
            out.write("    <user name='" + attr(users.user(i)) + "' password='" + attr(users.password(i)) + "'>");
            if (contacts > 0) {
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
