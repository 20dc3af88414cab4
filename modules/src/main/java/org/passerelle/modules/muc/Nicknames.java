package org.passerelle.modules.muc;

import java.text.Normalizer;
import java.util.Locale;

/**
 * When two nicknames are the same one (RFC 8266, the PRECIS Nickname profile): width and
 * compatibility forms folded (NFKC), spaces trimmed and collapsed, case folded. "Ana", "ＡＮＡ"
 * and " ana " collide; the nickname shown stays as the user wrote it.
 */
final class Nicknames {
    private Nicknames() {
    }

    static String key(String nick) {
        String s = Normalizer.normalize(nick, Normalizer.Form.NFKC).replaceAll("\\p{Zs}+", " ").strip();
        return Normalizer.normalize(s.toLowerCase(Locale.ROOT), Normalizer.Form.NFKC);
    }
}
