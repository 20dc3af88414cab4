package org.passerelle.xmpp.c2s;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.passerelle.core.stanza.Namespaces;
import org.passerelle.xml.Element;

/** The TCP wire format of the stream output: the same text the handler wrote before it wrote messages. */
class TcpStreamEncoderTest {
    private final EmbeddedChannel channel = new EmbeddedChannel(new TcpStreamEncoder());

    private String next() {
        ByteBuf buf = channel.readOutbound();
        assertThat(buf).as("an encoded message").isNotNull();
        try {
            return buf.toString(StandardCharsets.UTF_8);
        } finally {
            buf.release();
        }
    }

    @Test
    void headerElementsAndEndAreTheStreamText() {
        channel.writeOutbound(new StreamOutput.StreamOpen("localhost", "s1"));
        assertThat(next()).isEqualTo("<?xml version='1.0'?><stream:stream xmlns='jabber:client'"
                + " xmlns:stream='http://etherx.jabber.org/streams' version='1.0' from='localhost' id='s1' xml:lang='en'>");
        channel.writeOutbound(new StreamOutput.StreamElement(Element.builder("features", Namespaces.STREAMS)
                .child(Element.of("bind", Namespaces.BIND)).build()));
        assertThat(next()).isEqualTo("<stream:features><bind xmlns=\"urn:ietf:params:xml:ns:xmpp-bind\"/></stream:features>");
        channel.writeOutbound(new StreamOutput.StreamElement(Element.builder("message", Namespaces.CLIENT).attr("to", "a@localhost")
                .textChild("body", Namespaces.CLIENT, "a < b & 'c'").build()));
        assertThat(next()).isEqualTo("<message to=\"a@localhost\"><body>a &lt; b &amp; 'c'</body></message>");
        channel.writeOutbound(StreamOutput.CLOSE);
        assertThat(next()).isEqualTo("</stream:stream>");
    }

    @Test
    void aHeaderWithoutDomainAndAStreamErrorBeforeTheEnd() {
        channel.writeOutbound(new StreamOutput.StreamOpen(null, "s2"));
        assertThat(next()).isEqualTo("<?xml version='1.0'?><stream:stream xmlns='jabber:client'"
                + " xmlns:stream='http://etherx.jabber.org/streams' version='1.0' id='s2' xml:lang='en'>");
        StreamWriter.write(channel, StreamWriter.streamError("host-unknown", "no such host"), StreamOutput.CLOSE);
        assertThat(next()).isEqualTo("<stream:error><host-unknown xmlns=\"urn:ietf:params:xml:ns:xmpp-streams\"/>"
                + "<text xmlns=\"urn:ietf:params:xml:ns:xmpp-streams\" xml:lang=\"en\">no such host</text></stream:error>");
        assertThat(next()).isEqualTo("</stream:stream>");
        assertThat((Object) channel.readOutbound()).isNull();
    }
}
