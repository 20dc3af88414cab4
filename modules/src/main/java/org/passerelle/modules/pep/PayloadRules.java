package org.passerelle.modules.pep;

import java.util.Base64;
import org.passerelle.core.util.Digests;
import org.passerelle.xml.Element;

/**
 * What the server checks in well-known payloads before storing them: XEP-0080 coordinates in
 * range (other services, such as nearby search, trust them), and XEP-0084 avatar data whose item
 * id is the SHA-1 of the image, as §4.1 requires (the metadata names the image by that id).
 */
final class PayloadRules {
    static final String GEOLOC = "http://jabber.org/protocol/geoloc";
    static final String AVATAR_DATA = "urn:xmpp:avatar:data";

    private PayloadRules() {
    }

    static void check(String node, String itemId, Element payload) throws PubsubException {
        if (payload.is("geoloc", GEOLOC)) {
            coordinate(payload, "lat", 90);
            coordinate(payload, "lon", 180);
        }
        if (AVATAR_DATA.equals(node)) avatar(itemId, payload);
    }

    private static void coordinate(Element geoloc, String name, double limit) throws PubsubException {
        String text = geoloc.childText(name, GEOLOC);
        if (text == null) return;
        double v;
        try {
            v = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw badRequest(name + " is not a number");
        }
        if (Double.isNaN(v) || v < -limit || v > limit) throw badRequest(name + " must be between -" + (int) limit + " and " + (int) limit);
    }

    private static void avatar(String itemId, Element payload) throws PubsubException {
        if (!payload.is("data", AVATAR_DATA)) throw new PubsubException("bad-request", "invalid-payload", "expected <data xmlns='urn:xmpp:avatar:data'/>");
        byte[] image;
        try {
            image = Base64.getMimeDecoder().decode(payload.text().trim());
        } catch (IllegalArgumentException e) {
            throw badRequest("avatar data is not base64");
        }
        if (itemId == null || !itemId.equalsIgnoreCase(sha1(image))) throw badRequest("the item id must be the SHA-1 of the avatar data");
    }

    static String sha1(byte[] data) {
        return Digests.sha1Hex(data);
    }

    private static PubsubException badRequest(String text) {
        return new PubsubException("bad-request", null, text);
    }
}
