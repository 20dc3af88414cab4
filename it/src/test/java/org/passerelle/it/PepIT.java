package org.passerelle.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.provider.ProviderManager;
import org.jivesoftware.smack.util.ParserUtils;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.blocking.BlockingCommandManager;
import org.jivesoftware.smackx.geoloc.GeoLocationManager;
import org.jivesoftware.smackx.geoloc.packet.GeoLocation;
import org.jivesoftware.smackx.mood.Mood;
import org.jivesoftware.smackx.mood.MoodManager;
import org.jivesoftware.smackx.mood.element.MoodElement;
import org.jivesoftware.smackx.pep.PepManager;
import org.jivesoftware.smackx.pubsub.Item;
import org.jivesoftware.smackx.pubsub.LeafNode;
import org.jivesoftware.smackx.pubsub.PayloadItem;
import org.jivesoftware.smackx.pubsub.PubSubManager;
import org.jivesoftware.smackx.pubsub.SimplePayload;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.passerelle.core.session.ClientCaps;

/** XEP-0163 with Smack's PepManager, GeoLocationManager, MoodManager and PubSubManager against the real server. */
class PepIT {
    private static final String GEOLOC = "http://jabber.org/protocol/geoloc";
    private static final String MOOD = "http://jabber.org/protocol/mood";
    private static final String AVATAR_DATA = "urn:xmpp:avatar:data";
    private static final String AVATAR_METADATA = "urn:xmpp:avatar:metadata";
    private static final String BOOKMARKS = "urn:xmpp:bookmarks:1";
    private static ItServer server;

    /**
     * Smack 4.4 has no provider for pubsub#errors conditions, and its generic one trips an
     * assertion on the StAX parser's empty default-namespace prefix, killing the reader thread.
     */
    @BeforeAll
    static void pubsubErrorProviders() {
        for (String condition : List.of("precondition-not-met", "closed-node", "payload-too-big", "presence-subscription-required")) {
            ProviderManager.addExtensionProvider(condition, "http://jabber.org/protocol/pubsub#errors", new ExtensionElementProvider<StandardExtensionElement>() {
                @Override
                public StandardExtensionElement parse(XmlPullParser parser, int depth, XmlEnvironment env) throws XmlPullParserException, IOException {
                    StandardExtensionElement e = StandardExtensionElement.builder(parser.getName(), parser.getNamespace()).build();
                    ParserUtils.forwardToEndTagOfDepth(parser, depth);
                    return e;
                }
            });
        }
    }

    @BeforeAll
    static void start() throws Exception {
        server = ItServer.start("modules: {pep: {maxItemBytes: 4096}}\n");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    /** Until the server verified the client's caps and saw {@code node+notify} in them. */
    private static void awaitNotify(XMPPTCPConnection c, String node) throws InterruptedException {
        EntityFullJid jid = c.getUser();
        Await.until(jid + " announcing " + node + "+notify", () -> {
            var session = server.server().context().sessions().get(jid);
            ClientCaps caps = session == null ? null : session.get(ClientCaps.KEY);
            return caps != null && caps.has(node + "+notify");
        });
    }

    /** A PEP notification as a contact gets it. */
    private record Notice(String id, SimplePayload payload) {
    }

    /** Collects the node's notifications to {@code c}, once the server knows that {@code c} wants them. */
    private static LinkedBlockingQueue<Notice> notices(XMPPTCPConnection c, String node) throws InterruptedException {
        LinkedBlockingQueue<Notice> seen = new LinkedBlockingQueue<>();
        PepEvents.listen(c, node, (from, id, payload) -> seen.add(new Notice(id, payload)));
        awaitNotify(c, node);
        return seen;
    }

    @Test
    void contactsWithNotifyGetGeolocAndMoodAndTheLastItemOnLogin() throws Exception {
        List<XMPPTCPConnection> c = Contacts.friendsOf(server, "alice", "bob");
        XMPPTCPConnection alice = c.get(0);
        XMPPTCPConnection bob = c.get(1);
        EntityBareJid aliceJid = alice.getUser().asEntityBareJid();
        assertThat(PepManager.getInstanceFor(alice).isSupported()).isTrue();

        LinkedBlockingQueue<GeoLocation> places = new LinkedBlockingQueue<>();
        LinkedBlockingQueue<MoodElement> moods = new LinkedBlockingQueue<>();
        GeoLocationManager.getInstanceFor(bob).addGeoLocationListener((from, geo, id, message) -> {
            if (from.equals(aliceJid)) places.add(geo);
        });
        MoodManager.getInstanceFor(bob).addMoodListener((from, mood, id, message) -> moods.add(mood));
        awaitNotify(bob, GEOLOC);
        awaitNotify(bob, MOOD);

        GeoLocationManager.getInstanceFor(alice).publishGeoLocation(GeoLocation.builder().setLat(48.8566).setLon(2.3522).build());
        GeoLocation seen = places.poll(5, TimeUnit.SECONDS);
        assertThat(seen).isNotNull();
        assertThat(seen.getLat()).isEqualTo(48.8566);
        MoodManager.getInstanceFor(alice).setMood(Mood.happy, "sun");
        MoodElement mood = moods.poll(5, TimeUnit.SECONDS);
        assertThat(mood).isNotNull();
        assertThat(mood.getMood()).isEqualTo(Mood.happy);
        assertThat(mood.getText()).isEqualTo("sun");

        // A new resource that wants geolocation gets the last one when it comes online.
        XMPPTCPConnection tablet = server.connection("bob", "pw-bob", "tablet");
        LinkedBlockingQueue<GeoLocation> later = new LinkedBlockingQueue<>();
        GeoLocationManager.getInstanceFor(tablet).addGeoLocationListener((from, geo, id, message) -> later.add(geo));
        tablet.connect().login();
        GeoLocation last = later.poll(5, TimeUnit.SECONDS);
        assertThat(last).isNotNull();
        assertThat(last.getLon()).isEqualTo(2.3522);

        // Bad input: coordinates out of range are refused and nothing changes.
        assertThatThrownBy(() -> GeoLocationManager.getInstanceFor(alice).publishGeoLocation(GeoLocation.builder().setLat(91.0).setLon(0.0).build()))
                .isInstanceOfSatisfying(XMPPException.XMPPErrorException.class,
                        e -> assertThat(e.getStanzaError().getCondition()).isEqualTo(StanzaError.Condition.bad_request));
        assertThat(places.poll(300, TimeUnit.MILLISECONDS)).isNull();
        LeafNode geoNode = PubSubManager.getInstanceFor(bob, aliceJid).getLeafNode(GEOLOC);
        List<PayloadItem<GeoLocation>> items = geoNode.getItems();
        assertThat(items).hasSize(1);
        assertThat(items.getFirst().getPayload().getLat()).isEqualTo(48.8566);
        tablet.disconnect();
        alice.disconnect();
        bob.disconnect();
    }

    @Test
    void avatarMetadataIsNotifiedAndTheDataRetrieved() throws Exception {
        List<XMPPTCPConnection> c = Contacts.friendsOf(server, "carol", "dave");
        XMPPTCPConnection carol = c.get(0);
        XMPPTCPConnection dave = c.get(1);
        EntityBareJid carolJid = carol.getUser().asEntityBareJid();
        LinkedBlockingQueue<Notice> metadata = notices(dave, AVATAR_METADATA);

        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};
        String sha1 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-1").digest(png));
        PepManager pep = PepManager.getInstanceFor(carol);
        pep.publish(AVATAR_DATA, new PayloadItem<>(sha1, StandardExtensionElement.builder("data", AVATAR_DATA)
                .setText(Base64.getEncoder().encodeToString(png)).build()));
        pep.publish(AVATAR_METADATA, new PayloadItem<>(sha1, StandardExtensionElement.builder("metadata", AVATAR_METADATA)
                .addElement(StandardExtensionElement.builder("info", AVATAR_METADATA).addAttribute("bytes", Integer.toString(png.length))
                        .addAttribute("id", sha1).addAttribute("type", "image/png").addAttribute("width", "1").addAttribute("height", "1").build())
                .build()));
        Notice notice = metadata.poll(5, TimeUnit.SECONDS);
        assertThat(notice).isNotNull();
        assertThat(notice.payload().toXML().toString()).contains(sha1);

        LeafNode data = PubSubManager.getInstanceFor(dave, carolJid).getLeafNode(AVATAR_DATA);
        List<Item> got = data.getItems(List.of(sha1));
        assertThat(got).hasSize(1);
        assertThat(got.getFirst().getId()).isEqualTo(sha1);
        assertThat(got.getFirst().toXML().toString()).contains(Base64.getEncoder().encodeToString(png));

        // Bad input: an item over the configured size (4096 bytes) is refused.
        assertThatThrownBy(() -> pep.publish("urn:example:big", new PayloadItem<>("big",
                StandardExtensionElement.builder("big", "urn:example:big").setText("x".repeat(5000)).build())))
                .isInstanceOfSatisfying(XMPPException.XMPPErrorException.class,
                        e -> assertThat(e.getStanzaError().getCondition()).isEqualTo(StanzaError.Condition.not_acceptable));
        carol.disconnect();
        dave.disconnect();
    }

    @Test
    void bookmarksStayPrivateToTheirOwner() throws Exception {
        List<XMPPTCPConnection> c = Contacts.friendsOf(server, "erin", "frank");
        XMPPTCPConnection erin = c.get(0);
        XMPPTCPConnection frank = c.get(1);
        EntityBareJid erinJid = erin.getUser().asEntityBareJid();
        LinkedBlockingQueue<Notice> frankSaw = notices(frank, BOOKMARKS);

        String options = "<publish-options><x xmlns='jabber:x:data' type='submit'>"
                + "<field var='FORM_TYPE' type='hidden'><value>http://jabber.org/protocol/pubsub#publish-options</value></field>"
                + "<field var='pubsub#persist_items'><value>true</value></field>"
                + "<field var='pubsub#max_items'><value>max</value></field>"
                + "<field var='pubsub#send_last_published_item'><value>never</value></field>"
                + "<field var='pubsub#access_model'><value>%s</value></field></x></publish-options>";
        String publish = "<publish node='" + BOOKMARKS + "'><item id='%s'><conference xmlns='" + BOOKMARKS
                + "' name='Council' autojoin='true'><nick>erin</nick></conference></item></publish>";
        for (String room : List.of("council@conference.localhost", "orchard@conference.localhost")) {
            IQ result = RawIq.send(erin, IQ.Type.set, erinJid, "pubsub", "http://jabber.org/protocol/pubsub",
                    publish.formatted(room) + options.formatted("whitelist"));
            assertThat(result.getType()).isEqualTo(IQ.Type.result);
        }
        assertThatThrownBy(() -> RawIq.send(erin, IQ.Type.set, erinJid, "pubsub", "http://jabber.org/protocol/pubsub",
                publish.formatted("third@conference.localhost") + options.formatted("presence")))
                .as("XEP-0060 §7.1.5: publish-options that do not match the node")
                .isInstanceOfSatisfying(XMPPException.XMPPErrorException.class, e -> {
                    assertThat(e.getStanzaError().getCondition()).isEqualTo(StanzaError.Condition.conflict);
                    assertThat((Object) e.getStanzaError().getExtension("precondition-not-met", "http://jabber.org/protocol/pubsub#errors")).isNotNull();
                });

        LeafNode own = PubSubManager.getInstanceFor(erin, erinJid).getLeafNode(BOOKMARKS);
        List<Item> ownItems = own.getItems();
        assertThat(ownItems).extracting(Item::getId)
                .containsExactly("council@conference.localhost", "orchard@conference.localhost");
        assertThatThrownBy(() -> RawIq.send(frank, IQ.Type.get, erinJid, "pubsub", "http://jabber.org/protocol/pubsub",
                "<items node='" + BOOKMARKS + "'/>"))
                .isInstanceOfSatisfying(XMPPException.XMPPErrorException.class,
                        e -> assertThat(e.getStanzaError().getCondition()).isEqualTo(StanzaError.Condition.not_allowed));
        assertThat(frankSaw.poll(300, TimeUnit.MILLISECONDS)).as("no notification to a contact").isNull();
        erin.disconnect();
        frank.disconnect();
    }

    @Test
    void aBlockedContactGetsNothing() throws Exception {
        List<XMPPTCPConnection> c = Contacts.friendsOf(server, "gina", "hank");
        XMPPTCPConnection gina = c.get(0);
        XMPPTCPConnection hank = c.get(1);
        EntityBareJid hankJid = hank.getUser().asEntityBareJid();
        LinkedBlockingQueue<MoodElement> moods = new LinkedBlockingQueue<>();
        MoodManager.getInstanceFor(hank).addMoodListener((from, mood, id, message) -> moods.add(mood));
        awaitNotify(hank, MOOD);
        BlockingCommandManager.getInstanceFor(gina).blockContacts(List.of(hankJid));
        MoodManager.getInstanceFor(gina).setMood(Mood.angry);
        assertThat(moods.poll(500, TimeUnit.MILLISECONDS)).isNull();
        gina.disconnect();
        hank.disconnect();
    }
}
