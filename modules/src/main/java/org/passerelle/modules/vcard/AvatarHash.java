package org.passerelle.modules.vcard;

import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.session.Session;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.store.KeyValueStore;
import org.passerelle.core.util.Digests;
import org.passerelle.xml.Element;

/**
 * XEP-0153: available presence from a client that did not say {@code <x xmlns='vcard-temp:x:update'/>}
 * itself carries the SHA-1 of its vCard PHOTO ({@code <photo/>} empty for a vCard without one;
 * nothing when there is no vCard). Hashes are cached per account while it has sessions.
 */
final class AvatarHash {
    static final String NS = "vcard-temp:x:update";
    /** The cached value for "a vCard without photo"; absent from the map means not loaded. */
    private static final String NO_PHOTO = "";
    private static final String NO_VCARD = "\0";

    private final KeyValueStore kv;
    private final Map<EntityBareJid, String> hashes = new ConcurrentHashMap<>();

    AvatarHash(KeyValueStore kv) {
        this.kv = kv;
    }

    /** Inbound interceptor: stamps the client's available presence, broadcast or directed. */
    Stanza intercept(Session sender, Stanza stanza) {
        if (!stanza.isPresence() || stanza.type() != null || stanza.element().child("x", NS) != null) return stanza;
        String hash = hashes.computeIfAbsent(sender.bareJid(), this::load);
        if (NO_VCARD.equals(hash)) return stanza;
        Element.Builder photo = Element.builder("photo", NS);
        if (!hash.isEmpty()) photo.text(hash);
        return stanza.withElement(stanza.element().withChild(Element.builder("x", NS).child(photo.build()).build()));
    }

    /** The vCard changed or the account went: the next presence reads it again. */
    void forget(EntityBareJid owner) {
        hashes.remove(owner);
    }

    private String load(EntityBareJid owner) {
        Optional<String> stored = kv.get(owner, VcardModule.NS, VcardModule.KEY);
        return stored.map(xml -> photoHash(StoredXml.parse(xml))).orElse(NO_VCARD);
    }

    /** The hex SHA-1 of the PHOTO's BINVAL, or empty when the vCard has no (readable) photo. */
    static String photoHash(Element vcard) {
        Element photo = vcard.child("PHOTO", VcardModule.NS);
        String binval = photo == null ? null : photo.childText("BINVAL", VcardModule.NS);
        if (binval == null || binval.isBlank()) return NO_PHOTO;
        try {
            return Digests.sha1Hex(Base64.getMimeDecoder().decode(binval.trim()));
        } catch (IllegalArgumentException e) {
            return NO_PHOTO;
        }
    }
}
