package org.passerelle.microbench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import java.nio.charset.StandardCharsets;
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
import org.passerelle.core.stanza.Namespaces;
import org.passerelle.xml.Element;
import org.passerelle.xml.XmlWriter;

/**
 * Stanzas to bytes, step by step. What the c2s {@code TcpStreamEncoder} does for a stanza is
 * {@link XmlWriter#write} into a 256-char StringBuilder, {@code toString()}, then
 * {@link ByteBufUtil#writeUtf8} into a buffer from the channel's allocator: {@link #netty} repeats
 * exactly that, with Netty's default (pooled, direct) allocator ({@code EncodeBenchmark.tcp} calls
 * the encoder itself).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class WriteBenchmark {

    @State(Scope.Thread)
    public static class Sample {
        @Param({"MESSAGE", "PRESENCE", "ROSTER"})
        public Samples stanza;

        Element element;
        final ByteBufAllocator alloc = ByteBufAllocator.DEFAULT;

        @Setup
        public void parse() {
            element = stanza.delivered();
        }
    }

    static String text(Element e) {
        StringBuilder sb = new StringBuilder(256);
        XmlWriter.write(e, Namespaces.CLIENT, sb);
        return sb.toString();
    }

    /** XML text only. */
    @Benchmark
    public String text(Sample s) {
        return text(s.element);
    }

    /** XML text, then a UTF-8 byte array. */
    @Benchmark
    public byte[] bytes(Sample s) {
        return text(s.element).getBytes(StandardCharsets.UTF_8);
    }

    /** XML text, then UTF-8 into a pooled Netty buffer, released as the channel would after the write. */
    @Benchmark
    public int netty(Sample s) {
        ByteBuf buf = ByteBufUtil.writeUtf8(s.alloc, text(s.element));
        int written = buf.readableBytes();
        buf.release();
        return written;
    }
}
