package org.passerelle.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.provider.ProviderManager;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;
import org.jivesoftware.smackx.pep.PepManager;
import org.jivesoftware.smackx.pubsub.Item;
import org.jivesoftware.smackx.pubsub.LeafNode;
import org.jivesoftware.smackx.pubsub.PayloadItem;
import org.jivesoftware.smackx.pubsub.PubSubManager;
import org.jivesoftware.smackx.pubsub.SimplePayload;
import org.jivesoftware.smackx.vcardtemp.VCardManager;
import org.jivesoftware.smackx.vcardtemp.packet.VCard;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.passerelle.core.session.ClientCaps;

/**
 * Rich presence beyond PepIT: XEP-0108 activity reaches a contact that asked for it (+notify)
 * and not one that did not; items read back by id and by max_items; XEP-0153 photo hashes in
 * presence after a vCard with a PHOTO is stored.
 */
class PepNotifyIT {
    private static final String ACTIVITY = "http://jabber.org/protocol/activity";
    private static final String PUBSUB = "http://jabber.org/protocol/pubsub";
    private static final String UPDATE = "vcard-temp:x:update";
    private static ItServer server;

    /** Smack 4.4's generic extension parser trips an assertion on this element and kills the reader thread. */
    @BeforeAll
    static void photoUpdateProvider() {
        ProviderManager.addExtensionProvider("x", UPDATE, new ExtensionElementProvider<StandardExtensionElement>() {
            @Override
            public StandardExtensionElement parse(XmlPullParser parser, int depth, XmlEnvironment env) throws XmlPullParserException, IOException {
                StandardExtensionElement.Builder x = StandardExtensionElement.builder("x", UPDATE);
                while (true) {
                    XmlPullParser.Event event = parser.next();
                    if (event == XmlPullParser.Event.START_ELEMENT && parser.getName().equals("photo")) {
                        String hash = parser.nextText();
                        x.addElement(hash.isEmpty() ? StandardExtensionElement.builder("photo", UPDATE).build()
                                : StandardExtensionElement.builder("photo", UPDATE).setText(hash).build());
                    } else if (event == XmlPullParser.Event.END_ELEMENT && parser.getDepth() == depth) {
                        return x.build();
                    }
                }
            }
        });
    }

    @BeforeAll
    static void start() throws Exception {
        server = ItServer.start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    /** The caps the server verified for a connection (null until it has). */
    private static ClientCaps caps(XMPPTCPConnection c) {
        EntityFullJid jid = c.getUser();
        var session = server.server().context().sessions().get(jid);
        return session == null ? null : session.get(ClientCaps.KEY);
    }

    @Test
    void activityGoesToTheContactThatWantsItOnly() throws Exception {
        List<XMPPTCPConnection> c = Contacts.friendsOf(server, "tom", "uma", "vic");
        XMPPTCPConnection tom = c.get(0);
        XMPPTCPConnection uma = c.get(1);
        XMPPTCPConnection vic = c.get(2);
        EntityBareJid tomJid = tom.getUser().asEntityBareJid();
        LinkedBlockingQueue<SimplePayload> umaSaw = new LinkedBlockingQueue<>();
        PepEvents.listen(uma, ACTIVITY,
                (from, id, payload) -> {
                    if (from.equals(tomJid)) umaSaw.add(payload);
                });
        LinkedBlockingQueue<Message> vicSaw = new LinkedBlockingQueue<>();
        vic.addSyncStanzaListener(s -> vicSaw.add((Message) s),
                s -> s instanceof Message && s.hasExtension("event", PUBSUB + "#event"));
        Await.until("uma announcing activity+notify", () -> caps(uma) != null && caps(uma).has(ACTIVITY + "+notify"));
        Await.until("vic's caps verified", () -> caps(vic) != null);
        assertThat(caps(vic).has(ACTIVITY + "+notify")).isFalse();

        PepManager.getInstanceFor(tom).publish(ACTIVITY, new PayloadItem<>(StandardExtensionElement.builder("activity", ACTIVITY)
                .addElement(StandardExtensionElement.builder("relaxing", ACTIVITY)
                        .addElement(StandardExtensionElement.builder("reading", ACTIVITY).build()).build())
                .addElement("text", "a novel").build()));
        SimplePayload seen = umaSaw.poll(5, TimeUnit.SECONDS);
        assertThat(seen).as("uma's notification").isNotNull();
        assertThat(seen.toXML().toString()).contains("<relaxing", "<reading", "a novel");
        assertThat(vicSaw.poll(500, TimeUnit.MILLISECONDS)).as("vic asked for no activity").isNull();
        tom.disconnect();
        uma.disconnect();
        vic.disconnect();
    }

    @Test
    void itemsAreReadBackByIdAndByMaxItems() throws Exception {
        List<XMPPTCPConnection> c = Contacts.friendsOf(server, "wanda", "xavier");
        XMPPTCPConnection wanda = c.get(0);
        XMPPTCPConnection xavier = c.get(1);
        EntityBareJid wandaJid = wanda.getUser().asEntityBareJid();
        String node = "urn:example:notes";
        String options = "<publish-options><x xmlns='jabber:x:data' type='submit'>"
                + "<field var='FORM_TYPE' type='hidden'><value>" + PUBSUB + "#publish-options</value></field>"
                + "<field var='pubsub#max_items'><value>10</value></field></x></publish-options>";
        for (String id : List.of("n0", "n1", "n2")) {
            RawIq.send(wanda, IQ.Type.set, wandaJid, "pubsub", PUBSUB, "<publish node='" + node + "'><item id='" + id
                    + "'><note xmlns='" + node + "'>" + id + "</note></item></publish>" + options);
        }
        LeafNode leaf = PubSubManager.getInstanceFor(xavier, wandaJid).getLeafNode(node);
        List<Item> all = leaf.getItems();
        assertThat(all).extracting(Item::getId).containsExactly("n0", "n1", "n2");
        List<Item> newest = leaf.getItems(2);
        assertThat(newest).extracting(Item::getId).as("the newest two").containsExactly("n1", "n2");
        List<Item> byId = leaf.getItems(List.of("n0"));
        assertThat(byId).extracting(Item::getId).containsExactly("n0");
        assertThat(byId.getFirst().toXML().toString()).contains(">n0</note>");
        wanda.disconnect();
        xavier.disconnect();
    }

    @Test
    void presenceCarriesTheHashOfTheVcardPhoto() throws Exception {
        List<XMPPTCPConnection> c = Contacts.friendsOf(server, "yara", "zed");
        XMPPTCPConnection yara = c.get(0);
        XMPPTCPConnection zed = c.get(1);
        EntityBareJid yaraJid = yara.getUser().asEntityBareJid();
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 7};
        String sha1 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(png));
        try (Inbox<Presence> seen = Inbox.of(zed, Presence.class, p -> p.getFrom() != null
                && p.getFrom().asBareJid().equals(yaraJid) && p.isAvailable() && p.hasExtension("x", UPDATE), "yara's presence with a photo")) {
            VCard card = new VCard();
            card.setNickName("Yara");
            card.setAvatar(png, "image/png");
            VCardManager.getInstanceFor(yara).saveVCard(card);
            yara.sendStanza(yara.getStanzaFactory().buildPresenceStanza().setStatus("new picture").build());
            assertThat(photo(seen.next())).isEqualTo(sha1);

            VCard plain = new VCard();
            plain.setNickName("Yara");
            VCardManager.getInstanceFor(yara).saveVCard(plain);
            yara.sendStanza(yara.getStanzaFactory().buildPresenceStanza().setStatus("no picture").build());
            assertThat(photo(seen.next())).as("a vCard without PHOTO: an empty photo").isEmpty();
        }
        yara.disconnect();
        zed.disconnect();
    }

    private static String photo(Presence p) {
        StandardExtensionElement x = (StandardExtensionElement) p.getExtensionElement("x", UPDATE);
        StandardExtensionElement photo = x.getFirstElement("photo", UPDATE);
        assertThat(photo).as(x.toXML().toString()).isNotNull();
        return photo.getText() == null ? "" : photo.getText();
    }
}
