package org.passerelle.xmpp.c2s;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import org.passerelle.core.stanza.Namespaces;
import org.passerelle.xml.Element;
import org.passerelle.xml.Node;
import org.passerelle.xml.Text;
import org.passerelle.xml.XmlWriter;

/**
 * Writes {@link StreamOutput} to a channel, and its text for TCP: stanzas in the stream's default
 * namespace (jabber:client), stream elements with the conventional {@code stream:} prefix.
 */
final class StreamWriter {
    private StreamWriter() {
    }

    /** The stream text of one message, as a TCP stream carries it. */
    static String text(StreamOutput msg) {
        return switch (msg) {
            case StreamOutput.StreamOpen o -> header(o.from(), o.id());
            case StreamOutput.StreamElement e -> toText(e.element());
            case StreamOutput.StreamClose c -> "</stream:stream>";
        };
    }

    private static String header(String from, String id) {
        StringBuilder sb = new StringBuilder(200);
        sb.append("<?xml version='1.0'?><stream:stream xmlns='").append(Namespaces.CLIENT)
                .append("' xmlns:stream='").append(Namespaces.STREAMS).append('\'');
        attr(sb, "version", "1.0");
        if (from != null) attr(sb, "from", from);
        if (id != null) attr(sb, "id", id);
        attr(sb, "xml:lang", "en");
        return sb.append('>').toString();
    }

    private static void attr(StringBuilder sb, String name, String value) {
        sb.append(' ').append(name).append("='");
        XmlWriter.escapeAttr(value, sb);
        sb.append('\'');
    }

    static String toText(Element e) {
        StringBuilder sb = new StringBuilder(256);
        if (Namespaces.STREAMS.equals(e.namespace())) {
            writeStreamElement(e, sb);
        } else {
            XmlWriter.write(e, Namespaces.CLIENT, sb);
        }
        return sb.toString();
    }

    private static void writeStreamElement(Element e, StringBuilder sb) {
        sb.append("<stream:").append(e.name());
        for (var a : e.attributes()) {
            sb.append(' ').append(a.name()).append("=\"");
            XmlWriter.escapeAttr(a.value(), sb);
            sb.append('"');
        }
        sb.append('>');
        for (Node n : e.children()) {
            if (n instanceof Element c) XmlWriter.write(c, Namespaces.STREAMS, sb);
            else XmlWriter.escapeText(((Text) n).value(), sb);
        }
        sb.append("</stream:").append(e.name()).append('>');
    }

    /** Writes the messages in order and flushes once, after the last. */
    static ChannelFuture write(Channel channel, StreamOutput... messages) {
        for (int i = 0; i < messages.length - 1; i++) channel.write(messages[i]);
        return channel.writeAndFlush(messages[messages.length - 1]);
    }

    static ChannelFuture write(Channel channel, Element e) {
        return channel.writeAndFlush(new StreamOutput.StreamElement(e));
    }

    /** {@code <stream:error>} with the condition and an optional text; the end of the stream follows it. */
    static StreamOutput.StreamElement streamError(String condition, String text) {
        Element.Builder err = Element.builder("error", Namespaces.STREAMS)
                .child(Element.of(condition, Namespaces.STREAM_ERRORS));
        if (text != null) {
            err.child(Element.builder("text", Namespaces.STREAM_ERRORS).attr("xml:lang", "en").text(text).build());
        }
        return new StreamOutput.StreamElement(err.build());
    }
}
