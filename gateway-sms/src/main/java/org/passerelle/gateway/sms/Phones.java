package org.passerelle.gateway.sms;

import java.util.regex.Pattern;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.passerelle.core.stanza.Jids;

/** E.164 numbers ({@code +} then up to 15 digits) and their JIDs in the gateway domain. */
final class Phones {
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    private Phones() {
    }

    static boolean valid(String phone) {
        return phone != null && E164.matcher(phone).matches();
    }

    /** Normalises what a user typed ({@code +33 6 12-34-56-78}); null when it is not an E.164 number. */
    static String normalise(String typed) {
        if (typed == null) return null;
        String p = typed.replaceAll("[\\s.()-]", "");
        if (p.startsWith("00")) p = "+" + p.substring(2);
        return valid(p) ? p : null;
    }

    /** The number an SMSC gives as source_addr (often without the {@code +}); null when not E.164. */
    static String fromSmsc(String address) {
        if (address == null) return null;
        return normalise(address.startsWith("+") || address.startsWith("00") ? address : "+" + address);
    }

    static EntityBareJid jid(String phone, DomainBareJid gateway) {
        return Jids.of(phone + "@" + gateway).asEntityBareJidOrThrow();
    }

    /** The number of a phone JID in the gateway domain, or null. */
    static String of(Jid jid, DomainBareJid gateway) {
        if (jid == null || !jid.hasLocalpart() || !jid.asDomainBareJid().equals(gateway)) return null;
        String local = jid.getLocalpartOrNull().toString();
        return valid(local) ? local : null;
    }
}
