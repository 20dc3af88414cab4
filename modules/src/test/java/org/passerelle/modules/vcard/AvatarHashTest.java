package org.passerelle.modules.vcard;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.testing.TestServer;
import org.passerelle.core.testing.TestSession;
import org.passerelle.modules.pep.PepClients;
import org.passerelle.modules.presence.PresenceModule;
import org.passerelle.xml.Element;

class AvatarHashTest {
    private static final byte[] IMAGE = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3, 4};

    private static Element update(Stanza presence) {
        return presence.element().child("x", AvatarHash.NS);
    }

    private static Stanza presenceFromAlice(TestSession bob) {
        return PepClients.awaitStanza(bob, s -> s.isPresence() && s.type() == null && s.from().toString().startsWith("alice@"));
    }

    @Test
    void availablePresenceCarriesTheVcardPhotoHash() throws Exception {
        try (TestServer server = new TestServer(new PresenceModule(), new VcardModule())) {
            PepClients.befriend(server, "alice@localhost", "bob@localhost");
            TestSession bob = server.login("bob@localhost/pc");
            server.available(bob);
            TestSession alice = server.login("alice@localhost/phone");
            server.available(alice);
            assertThat(update(presenceFromAlice(bob))).as("no vCard: nothing said").isNull();

            server.send(alice, "<iq type='set' id='v'><vCard xmlns='vcard-temp'><FN>Alice</FN></vCard></iq>");
            server.send(alice, "<presence/>");
            Element noPhoto = update(presenceFromAlice(bob));
            assertThat(noPhoto.child("photo", AvatarHash.NS).text()).as("a vCard without photo").isEmpty();

            server.send(alice, "<iq type='set' id='v'><vCard xmlns='vcard-temp'><PHOTO><TYPE>image/png</TYPE><BINVAL>"
                    + Base64.getMimeEncoder().encodeToString(IMAGE) + "</BINVAL></PHOTO></vCard></iq>");
            server.send(alice, "<presence><show>away</show></presence>");
            String sha1 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(IMAGE));
            assertThat(update(presenceFromAlice(bob)).childText("photo", AvatarHash.NS)).isEqualTo(sha1);

            server.send(alice, "<presence><x xmlns='vcard-temp:x:update'/></presence>");
            assertThat(update(presenceFromAlice(bob)).child("photo", AvatarHash.NS)).as("the client's own element stands").isNull();
        }
    }
}
