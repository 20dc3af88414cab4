package org.passerelle.xmpp.c2s;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.ArrayList;
import java.util.List;
import org.passerelle.xml.Element;
import org.passerelle.xml.XmlLimits;
import org.passerelle.xml.XmlStreamException;
import org.passerelle.xml.XmlStreamListener;
import org.passerelle.xml.XmlStreamParser;

/**
 * Feeds received bytes to the async XML parser and passes {@link StreamEvent}s on. After a
 * stream restart (STARTTLS, SASL success) {@link #restart()} starts a fresh parser. After a
 * broken stream it drops everything further.
 */
final class XmlStreamDecoder extends ChannelInboundHandlerAdapter implements XmlStreamListener {
    private final XmlLimits limits;
    private XmlStreamParser parser;
    private final List<StreamEvent> pending = new ArrayList<>(2);
    private boolean broken;

    XmlStreamDecoder(XmlLimits limits) {
        this.limits = limits;
        this.parser = new XmlStreamParser(limits, this);
    }

    /** Lets the parser drop its buffers if it rests between stanzas (see {@link XmlStreamParser#release()}). */
    void releaseIdleParser() {
        if (!broken) parser.release();
    }

    /** Forgets the current stream; the next bytes must open a new one. */
    void restart() {
        parser = new XmlStreamParser(limits, this);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf buf)) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            if (broken) return;
            XmlStreamParser current = parser;
            try {
                current.feed(buf.nioBuffer());
            } catch (XmlStreamException e) {
                broken = true;
                pending.add(new StreamEvent.Broken(e.condition(), e.getMessage()));
            }
        } finally {
            buf.release();
        }
        flushEvents(ctx);
    }

    private void flushEvents(ChannelHandlerContext ctx) {
        // Events are collected first: a restart triggered by one event must not feed the rest of this
        // buffer to the new parser (RFC 6120 §5.4.3.3: nothing may follow <starttls/> before TLS).
        for (int i = 0; i < pending.size(); i++) ctx.fireChannelRead(pending.get(i));
        pending.clear();
    }

    @Override
    public void streamOpened(Element header) {
        pending.add(new StreamEvent.Opened(header));
    }

    @Override
    public void element(Element element) {
        pending.add(new StreamEvent.Received(element));
    }

    @Override
    public void streamClosed() {
        pending.add(new StreamEvent.Closed());
    }
}
