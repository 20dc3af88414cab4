package org.passerelle.xmpp.c2s;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import org.passerelle.core.stanza.Namespaces;
import org.passerelle.xml.Element;
import org.passerelle.xml.Node;
import org.passerelle.xml.Text;
import org.passerelle.xml.XmlWriter;

/**
 * Writes stream-level XML to a channel. Stanzas are written in the stream's default namespace
 * (jabber:client); stream elements with the conventional {@code stream:} prefix.
 */
final class StreamWriter {
    private StreamWriter() {
    }

    static String header(String from, String id, String lang) {
        StringBuilder sb = new StringBuilder(200);
        sb.append("<?xml version='1.0'?><stream:stream xmlns='").append(Namespaces.CLIENT)
                .append("' xmlns:stream='").append(Namespaces.STREAMS).append("' version='1.0'");
        if (from != null) attr(sb, "from", from);
        if (id != null) attr(sb, "id", id);
        attr(sb, "xml:lang", lang == null ? "en" : lang);
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

    static ChannelFuture write(Channel channel, String text) {
        ByteBuf buf = ByteBufUtil.writeUtf8(channel.alloc(), text);
        return channel.writeAndFlush(buf);
    }

    static ChannelFuture write(Channel channel, Element e) {
        return write(channel, toText(e));
    }

    /** {@code <stream:error>} with the condition, an optional text, and the closing tag. */
    static String streamError(String condition, String text) {
        Element.Builder err = Element.builder("error", Namespaces.STREAMS)
                .child(Element.of(condition, Namespaces.STREAM_ERRORS));
        if (text != null) {
            err.child(Element.builder("text", Namespaces.STREAM_ERRORS).attr("xml:lang", "en").text(text).build());
        }
        return toText(err.build()) + "</stream:stream>";
    }
}
