package org.passerelle.microbench;

import java.nio.ByteBuffer;
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
import org.passerelle.xml.Element;
import org.passerelle.xml.XmlLimits;
import org.passerelle.xml.XmlStreamException;
import org.passerelle.xml.XmlStreamListener;
import org.passerelle.xml.XmlStreamParser;

/**
 * Bytes to stanzas with {@link XmlStreamParser}, as {@code XmlStreamDecoder} does it: one parser
 * per stream, fed direct buffers as Netty reads them. One operation is one stanza, fed whole or
 * in chunks of {@code chunk} bytes (a slow or fragmenting client; TLS records split large ones).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class ParseBenchmark {

    /** An open stream: the header is read, each operation feeds one more stanza. */
    @State(Scope.Thread)
    public static class OpenStream implements XmlStreamListener {
        @Param({"MESSAGE", "PRESENCE", "ROSTER"})
        public Samples stanza;

        /** Bytes per feed; 0 feeds the stanza in one buffer. */
        @Param({"0", "1", "64", "1024", "4096"})
        public int chunk;

        XmlStreamParser parser;
        ByteBuffer input;
        int length;
        Element last;
        long elements;

        @Setup
        public void open() throws XmlStreamException {
            parser = new XmlStreamParser(XmlLimits.DEFAULT, this);
            byte[] bytes = stanza.bytes();
            length = bytes.length;
            input = ByteBuffer.allocateDirect(length).put(bytes).flip();
            parser.feed(Samples.STREAM_HEADER.getBytes(StandardCharsets.UTF_8));
        }

        @Override public void streamOpened(Element header) { }

        @Override public void element(Element element) {
            last = element;
            elements++;
        }

        @Override public void streamClosed() {
            throw new IllegalStateException("the benchmark stream was closed");
        }
    }

    /** For opening a new stream: each connection opens three (plain, after STARTTLS, after SASL). */
    @State(Scope.Thread)
    public static class NewStream implements XmlStreamListener {
        byte[] streamAndMessage;
        Element last;

        @Setup
        public void prepare() {
            streamAndMessage = (Samples.STREAM_HEADER + Samples.MESSAGE.xml()).getBytes(StandardCharsets.UTF_8);
        }

        @Override public void streamOpened(Element header) { }

        @Override public void element(Element element) { last = element; }

        @Override public void streamClosed() { }
    }

    /** Feeds one stanza; returns it as parsed. */
    @Benchmark
    public Element stanza(OpenStream s) throws XmlStreamException {
        ByteBuffer in = s.input;
        int step = s.chunk == 0 ? s.length : s.chunk;
        for (int from = 0; from < s.length; from += step) {
            in.limit(Math.min(s.length, from + step)).position(from);
            s.parser.feed(in);
        }
        return s.last;
    }

    /** A new parser, the stream header and one message: the fixed cost of every stream (restart). */
    @Benchmark
    public Element newStream(NewStream s) throws XmlStreamException {
        new XmlStreamParser(XmlLimits.DEFAULT, s).feed(s.streamAndMessage);
        return s.last;
    }
}
