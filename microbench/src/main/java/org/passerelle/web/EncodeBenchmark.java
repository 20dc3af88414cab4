package org.passerelle.web;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.passerelle.microbench.Samples;
import org.passerelle.xmpp.c2s.StreamOutput;
import org.passerelle.xmpp.c2s.TcpStreamEncoder;

/**
 * One stanza the client stream handler writes, encoded by a transport: {@link #tcp} as the stream
 * text in a buffer from Netty's default allocator ({@link TcpStreamEncoder}), {@link #websocket}
 * as an RFC 7395 text frame, UTF-8 in a buffer from the same allocator ({@link WebSocketFraming}'s
 * encoding; in {@code org.passerelle.web} to reach it). Each buffer is released as the channel
 * would after the write.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class EncodeBenchmark {

    @State(Scope.Thread)
    public static class Sample {
        @Param({"MESSAGE", "PRESENCE", "ROSTER"})
        public Samples stanza;

        StreamOutput message;
        final ByteBufAllocator alloc = ByteBufAllocator.DEFAULT;

        @Setup
        public void setup() {
            message = new StreamOutput.StreamElement(stanza.delivered());
        }
    }

    @Benchmark
    public int tcp(Sample s) {
        ByteBuf buf = TcpStreamEncoder.encode(s.alloc, s.message);
        int written = buf.readableBytes();
        buf.release();
        return written;
    }

    @Benchmark
    public int websocket(Sample s) {
        TextWebSocketFrame frame = new TextWebSocketFrame(ByteBufUtil.writeUtf8(s.alloc, FrameWriter.frame(s.message)));
        int written = frame.content().readableBytes();
        frame.release();
        return written;
    }
}
