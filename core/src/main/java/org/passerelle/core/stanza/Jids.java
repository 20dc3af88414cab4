package org.passerelle.core.stanza;

import org.jxmpp.JxmppContext;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;
import org.jxmpp.stringprep.rocksxmppprecis.RocksXmppPrecisStringprep;

/**
 * JID parsing with PRECIS (RFC 7622) normalisation through jxmpp. Parsing is the one place where
 * a JID string from the network becomes a {@link Jid}; everything after compares parsed JIDs.
 */
public final class Jids {
    private static final int MAX_PART_BYTES = 1023;

    static {
        JxmppContext.setDefaultXmppStringprep(RocksXmppPrecisStringprep.INSTANCE);
    }

    private Jids() {
    }

    /** Parses and normalises, or throws {@link StanzaException} with {@code jid-malformed}. */
    public static Jid parse(String s) throws StanzaException {
        if (s == null || s.isEmpty()) throw new StanzaException("jid-malformed", "empty JID");
        if (s.length() > 3 * MAX_PART_BYTES + 2) throw new StanzaException("jid-malformed", "JID too long");
        checkEmptyParts(s);
        try {
            Jid jid = JidCreate.from(s);
            checkLengths(jid);
            return jid;
        } catch (XmppStringprepException | IllegalArgumentException e) {
            throw new StanzaException("jid-malformed", "invalid JID: " + e.getMessage());
        }
    }

    /** Like {@link #parse} but returns null for an absent attribute. */
    public static Jid parseOptional(String s) throws StanzaException {
        return s == null ? null : parse(s);
    }

    /** For trusted strings (configuration, our own code); an invalid one is a programming error. */
    public static Jid of(String s) {
        try {
            return parse(s);
        } catch (StanzaException e) {
            throw new IllegalArgumentException("invalid JID '" + s + "': " + e.getMessage(), e);
        }
    }

    /** RFC 7622 §3.1: no part may be empty when its separator is present (jxmpp lets some through). */
    private static void checkEmptyParts(String s) throws StanzaException {
        int slash = s.indexOf('/');
        String bare = slash < 0 ? s : s.substring(0, slash);
        int at = bare.indexOf('@');
        if (at == 0 || (slash >= 0 && slash == s.length() - 1) || bare.isEmpty() || (at >= 0 && at == bare.length() - 1)) {
            throw new StanzaException("jid-malformed", "a JID part is empty");
        }
    }

    private static void checkLengths(Jid jid) throws StanzaException {
        if (bytes(jid.getLocalpartOrNull()) > MAX_PART_BYTES || bytes(jid.getDomain()) > MAX_PART_BYTES
                || bytes(jid.getResourceOrNull()) > MAX_PART_BYTES) {
            throw new StanzaException("jid-malformed", "a JID part is longer than 1023 bytes");
        }
        if (jid.getDomain().length() == 0) throw new StanzaException("jid-malformed", "empty domain");
    }

    private static int bytes(CharSequence part) {
        return part == null ? 0 : part.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }
}
