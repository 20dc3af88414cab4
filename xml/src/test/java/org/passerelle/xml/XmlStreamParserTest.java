package org.passerelle.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class XmlStreamParserTest {
    private static final String HEADER = "<?xml version='1.0'?><stream:stream xmlns='jabber:client' "
            + "xmlns:stream='http://etherx.jabber.org/streams' to='localhost' version='1.0'>";

    private final List<Object> events = new ArrayList<>();
    private final XmlStreamListener listener = new XmlStreamListener() {
        @Override public void streamOpened(Element header) { events.add(header); }
        @Override public void element(Element element) { events.add(element); }
        @Override public void streamClosed() { events.add("closed"); }
    };

    private XmlStreamParser parser(XmlLimits limits) {
        return new XmlStreamParser(limits, listener);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsHeaderStanzasAndClose() throws Exception {
        XmlStreamParser p = parser(XmlLimits.DEFAULT);
        p.feed(utf8(HEADER + "<message to='a@b'><body>h&amp;i &#x263A;</body></message> </stream:stream>"));
        assertThat(events).hasSize(3);
        Element header = (Element) events.get(0);
        assertThat(header.attr("to")).isEqualTo("localhost");
        assertThat(header.attr("xmlns")).isEqualTo("jabber:client");
        Element msg = (Element) events.get(1);
        assertThat(msg.is("message", "jabber:client")).isTrue();
        assertThat(msg.childText("body", "jabber:client")).isEqualTo("h&i \u263A");
        assertThat(events.get(2)).isEqualTo("closed");
    }

    @Test
    void acceptsInputSplitAtEveryByte() throws Exception {
        XmlStreamParser p = parser(XmlLimits.DEFAULT);
        byte[] all = utf8(HEADER + "<iq type='get' id='1'><query xmlns='jabber:iq:roster'/></iq><message><body>\u00e9t\u00e9</body></message>");
        for (int i = 0; i < all.length; i++) p.feed(all, i, 1);
        assertThat(events).hasSize(3);
        assertThat(((Element) events.get(2)).childText("body", "jabber:client")).isEqualTo("\u00e9t\u00e9");
        assertThat(((Element) events.get(1)).child("query", "jabber:iq:roster")).isNotNull();
    }

    @Test
    void textSplitAcrossFeedsIsOneNodeInDocumentOrder() throws Exception {
        XmlStreamParser p = parser(XmlLimits.DEFAULT);
        byte[] all = utf8(HEADER + "<message><body>ab<b/>cd&amp;e<i/></body></message>");
        for (int i = 0; i < all.length; i++) p.feed(all, i, 1);
        Element body = ((Element) events.get(1)).child("body", "jabber:client");
        assertThat(body.children()).containsExactly(new Text("ab"), Element.of("b", "jabber:client"), new Text("cd&e"),
                Element.of("i", "jabber:client"));
    }

    /**
     * A peer trickling a long text a byte per read must cost work in proportion to its length:
     * gluing each piece onto the text so far was quadratic (200 kB took seconds of an event loop).
     */
    @Test
    void textFedAByteAtATimeCostsLinearWork() throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        XmlStreamParser p = parser(XmlLimits.DEFAULT);
        p.feed(utf8(HEADER + "<message><body>"));
        byte[] text = utf8("x".repeat(64_000) + "</body></message>");
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < text.length; i++) p.feed(text, i, 1);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(((Element) events.get(1)).childText("body", "jabber:client")).hasSize(64_000);
        // Quadratic gluing allocates about 64000²/2 = 2 GB here; linear work stays within a few hundred bytes per byte.
        assertThat(allocated).isLessThan(64_000L * 500);
    }

    @Test
    void prefixedChildrenKeepTheirNamespace() throws Exception {
        XmlStreamParser p = parser(XmlLimits.DEFAULT);
        p.feed(utf8(HEADER + "<stream:features><x:a xmlns:x='urn:x' x:attr='v'/></stream:features>"));
        Element features = (Element) events.get(1);
        assertThat(features.is("features", XmlStreamParser.STREAM_NS)).isTrue();
        Element a = features.child("a", "urn:x");
        assertThat(a.attr("x:attr")).isEqualTo("v");
        assertThat(XmlWriter.toXml(a)).isEqualTo("<a xmlns=\"urn:x\" x:attr=\"v\" xmlns:x=\"urn:x\"/>");
    }

    @Test
    void rejectsDtd() {
        XmlStreamParser p = parser(XmlLimits.DEFAULT);
        assertCondition(p, "<?xml version='1.0'?><!DOCTYPE foo [<!ENTITY x 'y'>]><stream:stream xmlns:stream='http://etherx.jabber.org/streams'>",
                "restricted-xml");
    }

    @Test
    void rejectsUndeclaredEntity() throws Exception {
        XmlStreamParser p = parser(XmlLimits.DEFAULT);
        p.feed(utf8(HEADER));
        assertThatThrownBy(() -> p.feed(utf8("<message><body>&lol;</body></message>")))
                .isInstanceOf(XmlStreamException.class);
    }

    @Test
    void rejectsCommentsAndProcessingInstructions() throws Exception {
        XmlStreamParser p1 = parser(XmlLimits.DEFAULT);
        p1.feed(utf8(HEADER));
        assertCondition(p1, "<message><!-- hi --></message>", "restricted-xml");
        XmlStreamParser p2 = parser(XmlLimits.DEFAULT);
        p2.feed(utf8(HEADER));
        assertCondition(p2, "<?foo bar?>", "restricted-xml");
    }

    @Test
    void rejectsMalformedXmlAndInvalidUtf8() throws Exception {
        XmlStreamParser p1 = parser(XmlLimits.DEFAULT);
        p1.feed(utf8(HEADER));
        assertCondition(p1, "<message></iq><presence/>", "not-well-formed");
        XmlStreamParser p2 = parser(XmlLimits.DEFAULT);
        p2.feed(utf8(HEADER));
        assertThatThrownBy(() -> p2.feed(new byte[] {'<', 'a', '>', (byte) 0xC3, (byte) 0x28, '<', '/', 'a', '>'}, 0, 9))
                .isInstanceOfSatisfying(XmlStreamException.class, e -> assertThat(e.condition()).isEqualTo("not-well-formed"));
    }

    @Test
    void rejectsWrongStreamNamespace() {
        assertCondition(parser(XmlLimits.DEFAULT), "<stream:stream xmlns:stream='urn:wrong'>", "invalid-namespace");
    }

    @Test
    void enforcesStanzaSize() throws Exception {
        XmlStreamParser p = parser(new XmlLimits(2048, 32, 64));
        p.feed(utf8(HEADER));
        p.feed(utf8("<message><body>" + "a".repeat(1000) + "</body></message>"));
        assertThat(events).hasSize(2);
        assertCondition(p, "<message><body>" + "a".repeat(3000), "policy-violation");
    }

    @Test
    void enforcesSizeAcrossManySmallFeeds() throws Exception {
        XmlStreamParser p = parser(new XmlLimits(2048, 32, 64));
        p.feed(utf8(HEADER + "<message><body>"));
        assertThatThrownBy(() -> {
            for (int i = 0; i < 100; i++) p.feed(utf8("a".repeat(100)));
        }).isInstanceOfSatisfying(XmlStreamException.class, e -> assertThat(e.condition()).isEqualTo("policy-violation"));
    }

    @Test
    void enforcesDepth() throws Exception {
        XmlStreamParser p = parser(new XmlLimits(4096, 5, 64));
        p.feed(utf8(HEADER));
        assertCondition(p, "<a><b><c><d><e><f/></e></d></c></b></a>", "policy-violation");
    }

    @Test
    void enforcesAttributeCount() throws Exception {
        XmlStreamParser p = parser(new XmlLimits(4096, 8, 8));
        p.feed(utf8(HEADER));
        StringBuilder sb = new StringBuilder("<message");
        for (int i = 0; i < 9; i++) sb.append(" a").append(i).append("='x'");
        assertCondition(p, sb + "/>", "policy-violation");
    }

    @Test
    void rejectsNonUtf8Declaration() {
        assertCondition(parser(XmlLimits.DEFAULT), "<?xml version='1.0' encoding='ISO-8859-1'?><stream:stream xmlns:stream='http://etherx.jabber.org/streams'>",
                "unsupported-encoding");
    }

    @Test
    void releasesItsReaderBetweenStanzasAndCarriesOn() throws Exception {
        XmlStreamParser p = parser(new XmlLimits(2048, 32, 64));
        p.feed(utf8(HEADER.replace("<stream:stream ", "<stream:stream xmlns:x='urn:x' ")));
        assertThat(p.release()).isTrue();
        p.feed(utf8("<message><x:a xmlns:x='urn:x'/><body>one</body></message>"));
        assertThat(p.release()).isTrue();
        p.feed(utf8(" "));
        assertThat(p.release()).as("whitespace is complete").isTrue();
        p.feed(utf8("<message><body>tw"));
        assertThat(p.release()).as("mid-stanza").isFalse();
        p.feed(utf8("o</body></message><pres"));
        assertThat(p.release()).as("a partial tag waits").isFalse();
        p.feed(utf8("ence/></stream:stream>"));
        assertThat(events).hasSize(5);
        assertThat(((Element) events.get(1)).childText("body", "jabber:client")).isEqualTo("one");
        assertThat(((Element) events.get(2)).childText("body", "jabber:client")).isEqualTo("two");
        assertThat(((Element) events.get(3)).is("presence", "jabber:client")).isTrue();
        assertThat(events.get(4)).isEqualTo("closed");
    }

    @Test
    void theSizeLimitStillHoldsAfterARelease() throws Exception {
        XmlStreamParser p = parser(new XmlLimits(2048, 32, 64));
        p.feed(utf8(HEADER));
        assertThat(p.release()).isTrue();
        assertCondition(p, "<message><body>" + "a".repeat(3000), "policy-violation");
    }

    @Test
    void prefixedStanzasStillResolveAfterARelease() throws Exception {
        XmlStreamParser p = parser(XmlLimits.DEFAULT);
        p.feed(utf8("<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' xmlns:db='jabber:server:dialback'>"));
        p.release();
        p.feed(utf8("<db:result to='a' from='b'>key</db:result>"));
        assertThat(((Element) events.get(1)).is("result", "jabber:server:dialback")).isTrue();
    }

    private static void assertCondition(XmlStreamParser p, String xml, String condition) {
        assertThatThrownBy(() -> p.feed(utf8(xml)))
                .isInstanceOfSatisfying(XmlStreamException.class, e -> assertThat(e.condition()).isEqualTo(condition));
    }
}
