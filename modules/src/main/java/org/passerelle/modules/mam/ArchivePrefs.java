package org.passerelle.modules.mam;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.jxmpp.jid.Jid;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.stanza.StanzaException;
import org.passerelle.xml.Element;

/**
 * An account's archiving preferences (XEP-0441, in the {@code urn:xmpp:mam:2} namespace): a
 * default and JIDs always or never archived. Never wins over always; a bare JID in a list covers
 * all its resources.
 */
record ArchivePrefs(Mode mode, Set<Jid> always, Set<Jid> never) {
    /** The {@code default} attribute. */
    enum Mode {
        ALWAYS, ROSTER, NEVER;

        static Mode of(String s) {
            if (s == null) return null;
            for (Mode m : values()) if (m.name().toLowerCase(Locale.ROOT).equals(s)) return m;
            return null;
        }

        String attr() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    ArchivePrefs {
        always = Set.copyOf(always);
        never = Set.copyOf(never);
    }

    /** Whether a message with the peer is archived; {@code inRoster} is asked only for the roster default. */
    boolean archives(Jid peer, BooleanSupplier inRoster) {
        if (listed(never, peer)) return false;
        if (listed(always, peer)) return true;
        return switch (mode) {
            case ALWAYS -> true;
            case NEVER -> false;
            case ROSTER -> inRoster.getAsBoolean();
        };
    }

    private static boolean listed(Set<Jid> jids, Jid peer) {
        return jids.contains(peer) || jids.contains(peer.asBareJid());
    }

    Element toElement() {
        return Element.builder("prefs", MamModule.NS).attr("default", mode.attr())
                .child(list("always", always)).child(list("never", never)).build();
    }

    private static Element list(String name, Set<Jid> jids) {
        Element.Builder b = Element.builder(name, MamModule.NS);
        jids.stream().map(Jid::toString).sorted().forEach(j -> b.textChild("jid", MamModule.NS, j));
        return b.build();
    }

    /** Reads a client's {@code <prefs/>}, refusing a missing default, bad JIDs or more than {@code maxJids}. */
    static ArchivePrefs parse(Element prefs, int maxJids) throws StanzaException {
        Mode mode = Mode.of(prefs.attr("default"));
        if (mode == null) throw new StanzaException("bad-request", "default must be always, roster or never");
        Set<Jid> always = jids(prefs.child("always", MamModule.NS));
        Set<Jid> never = jids(prefs.child("never", MamModule.NS));
        if (always.size() + never.size() > maxJids) throw new StanzaException("not-acceptable", "at most " + maxJids + " JIDs");
        return new ArchivePrefs(mode, always, never);
    }

    private static Set<Jid> jids(Element list) throws StanzaException {
        Set<Jid> out = new LinkedHashSet<>();
        if (list == null) return out;
        for (Element jid : list.children("jid", MamModule.NS)) out.add(Jids.parse(jid.text().strip()));
        return out;
    }

    /** One line per entry: the default, then "+jid" (always) and "-jid" (never); JIDs hold no line breaks. */
    String encode() {
        List<String> lines = new ArrayList<>();
        lines.add(mode.attr());
        always.forEach(j -> lines.add("+" + j));
        never.forEach(j -> lines.add("-" + j));
        return String.join("\n", lines);
    }

    static ArchivePrefs decode(String text) {
        String[] lines = text.split("\n");
        Set<Jid> always = new LinkedHashSet<>();
        Set<Jid> never = new LinkedHashSet<>();
        for (int i = 1; i < lines.length; i++) {
            (lines[i].charAt(0) == '+' ? always : never).add(Jids.of(lines[i].substring(1)));
        }
        return new ArchivePrefs(Mode.of(lines[0]), always, never);
    }
}
