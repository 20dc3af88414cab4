package org.passerelle.xmpp.c2s;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;
import org.passerelle.xmpp.metering.ByteCounter;
import org.passerelle.xmpp.metering.DataMeter;

/**
 * The pipeline of a new client connection: [byte counter] → [TLS] → idle timer → stream text
 * encoder → XML decoder → stream handler. The byte counter is there when the tariff bills data.
 */
final class C2sChannelInitializer extends ChannelInitializer<SocketChannel> {
    private static final int PARSER_RELEASE_SECONDS = 5;

    private final C2sContext c2s;
    private final boolean directTls;

    C2sChannelInitializer(C2sContext c2s, boolean directTls) {
        this.c2s = c2s;
        this.directTls = directTls;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        DataMeter meter = DataMeter.create(c2s.server(), "c2s");
        if (meter != null) ch.pipeline().addLast(ByteCounter.NAME, new ByteCounter(meter));
        if (directTls) ch.pipeline().addLast("tls", c2s.ssl().newHandler(ch.alloc()));
        int idle = c2s.server().config().limits().idleTimeout();
        // Reader idle: ping, then close. All idle (a few quiet seconds): drop the XML parser's buffers.
        ch.pipeline().addLast("idle", new IdleStateHandler(idle, 0, PARSER_RELEASE_SECONDS, TimeUnit.SECONDS));
        ch.pipeline().addLast("encoder", new TcpStreamEncoder());
        XmlStreamDecoder decoder = new XmlStreamDecoder(c2s.xmlLimits());
        ch.pipeline().addLast("xml", decoder);
        ch.pipeline().addLast("stream", new C2sStreamHandler(c2s, decoder, directTls));
    }
}
