package org.passerelle.xml;

import com.fasterxml.aalto.AsyncByteBufferFeeder;
import com.fasterxml.aalto.AsyncXMLInputFactory;
import com.fasterxml.aalto.AsyncXMLStreamReader;
import com.fasterxml.aalto.stax.InputFactoryImpl;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

/**
 * Reads an XMPP stream as bytes arrive: the stream header, then each top-level element as an
 * immutable {@link Element}. One instance per stream (a stream restart takes a new one); not
 * thread-safe — feed it from one thread at a time.
 *
 * <p>Anything RFC 6120 §11 forbids ends the stream with an {@link XmlStreamException} carrying the
 * condition to send: DTDs, entity references other than the predefined ones, comments and
 * processing instructions are {@code restricted-xml}; a stanza over the byte limit, nesting past
 * the depth limit or too many attributes is {@code policy-violation}.
 */
public final class XmlStreamParser {
    public static final String STREAM_NS = "http://etherx.jabber.org/streams";

    private static final AsyncXMLInputFactory FACTORY = newFactory();

    private final XmlLimits limits;
    private final XmlStreamListener listener;
    private AsyncXMLStreamReader<AsyncByteBufferFeeder> reader;
    /** The stream root's start tag with its namespace declarations, replayed into a new reader after {@link #release()}. */
    private byte[] replayHeader;
    /** True when every byte fed so far belongs to a complete construct (no partial tag or text waits). */
    private boolean atBoundary;
    private final List<Frame> stack = new ArrayList<>();
    private long bytesFed;
    private long stanzaStart = -1;
    private boolean opened;
    private boolean closed;
    private boolean lastPrologByteWasLt;

    public XmlStreamParser(XmlLimits limits, XmlStreamListener listener) {
        this.limits = limits;
        this.listener = listener;
        this.reader = FACTORY.createAsyncForByteBuffer();
    }

    private static AsyncXMLInputFactory newFactory() {
        InputFactoryImpl f = new InputFactoryImpl();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        return f;
    }

    /**
     * Feeds the buffer's remaining bytes; the listener is called for everything they complete.
     * The buffer is fully consumed when this returns. (Aalto's byte-array feeder mishandles
     * offsets, so everything goes through its ByteBuffer feeder.)
     */
    public void feed(ByteBuffer data) throws XmlStreamException {
        if (closed) throw new XmlStreamException("not-well-formed", "data after the end of the stream");
        if (!opened) rejectPrologMarkup(data);
        try {
            if (reader == null) restore();
            bytesFed += data.remaining();
            reader.getInputFeeder().feedInput(data);
            int event;
            while (!closed && (event = reader.next()) != AsyncXMLStreamReader.EVENT_INCOMPLETE) {
                handle(event);
            }
            var at = reader.getLocationInfo();
            atBoundary = at.getStartingByteOffset() == at.getEndingByteOffset();
        } catch (XMLStreamException | RuntimeException e) {
            throw new XmlStreamException("not-well-formed", "not well-formed XML: " + firstLine(e.getMessage()), e);
        }
        checkStanzaSize();
    }

    /**
     * Drops the underlying reader and its buffers (a few KiB) while the stream rests between
     * stanzas, so that idle connections stay small. The next {@link #feed} builds a new reader
     * and replays the stream header into it, unseen by the listener. Returns false, and keeps the
     * reader, when a stanza or a partial token is still being read.
     */
    public boolean release() {
        if (reader == null) return true;
        if (!opened || closed || stack.size() != 1 || !atBoundary) return false;
        try {
            reader.close();
        } catch (XMLStreamException e) {
            // closing an async reader only drops buffers; nothing to report
        }
        reader = null;
        return true;
    }

    private void restore() throws XMLStreamException {
        reader = FACTORY.createAsyncForByteBuffer();
        reader.getInputFeeder().feedInput(ByteBuffer.wrap(replayHeader));
        int event;
        while ((event = reader.next()) != AsyncXMLStreamReader.EVENT_INCOMPLETE) {
            if (event != XMLStreamConstants.START_DOCUMENT && event != XMLStreamConstants.START_ELEMENT) {
                throw new IllegalStateException("unexpected event " + event + " replaying the stream header");
            }
        }
        // Offsets of the new reader start at the replayed header.
        bytesFed = replayHeader.length;
        stanzaStart = -1;
    }

    /**
     * Before the root element only a DOCTYPE or a comment can start with {@code <!}; Aalto's async
     * mode fails on an internal DTD subset with a generic error, so the answer is decided here.
     */
    private void rejectPrologMarkup(ByteBuffer data) throws XmlStreamException {
        int start = data.position();
        int end = data.limit();
        for (int i = start; i < end; i++) {
            byte b = data.get(i);
            if (b == '!' && (i == start ? lastPrologByteWasLt : data.get(i - 1) == '<')) {
                throw new XmlStreamException("restricted-xml", "DTDs and comments are not allowed");
            }
        }
        if (end > start) lastPrologByteWasLt = data.get(end - 1) == '<';
    }

    public void feed(byte[] data, int offset, int len) throws XmlStreamException {
        feed(ByteBuffer.wrap(data, offset, len));
    }

    public void feed(byte[] data) throws XmlStreamException {
        feed(data, 0, data.length);
    }

    /** True once the peer has closed the stream root. */
    public boolean isClosed() {
        return closed;
    }

    private void handle(int event) throws XmlStreamException, XMLStreamException {
        switch (event) {
            case XMLStreamConstants.START_DOCUMENT -> checkEncoding();
            case XMLStreamConstants.START_ELEMENT -> startElement();
            case XMLStreamConstants.END_ELEMENT -> endElement();
            case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> characters();
            case XMLStreamConstants.COMMENT -> throw new XmlStreamException("restricted-xml", "comments are not allowed");
            case XMLStreamConstants.PROCESSING_INSTRUCTION -> processingInstruction();
            case XMLStreamConstants.DTD -> throw new XmlStreamException("restricted-xml", "DTDs are not allowed");
            case XMLStreamConstants.ENTITY_REFERENCE, XMLStreamConstants.ENTITY_DECLARATION ->
                    throw new XmlStreamException("restricted-xml", "entity references are not allowed");
            case XMLStreamConstants.END_DOCUMENT -> closed = true;
            default -> throw new XmlStreamException("restricted-xml", "unexpected XML construct " + event);
        }
    }

    /** Fed a byte at a time, Aalto reports the XML declaration as a PI named "xml". */
    private void processingInstruction() throws XmlStreamException {
        if (!opened && "xml".equalsIgnoreCase(reader.getPITarget())) {
            String data = reader.getPIData();
            if (data != null && data.matches("(?s).*encoding\\s*=\\s*['\"](?i)(?!utf-8['\"]).*")) {
                throw new XmlStreamException("unsupported-encoding", "the stream must be UTF-8");
            }
            return;
        }
        throw new XmlStreamException("restricted-xml", "processing instructions are not allowed");
    }

    private void checkEncoding() throws XmlStreamException {
        String enc = reader.getCharacterEncodingScheme();
        if (enc != null && !enc.equalsIgnoreCase("UTF-8")) {
            throw new XmlStreamException("unsupported-encoding", "the stream must be UTF-8, not " + enc);
        }
    }

    private void startElement() throws XmlStreamException {
        int depth = stack.size();
        if (depth >= limits.maxDepth()) {
            throw new XmlStreamException("policy-violation", "elements nested deeper than " + limits.maxDepth());
        }
        int count = reader.getAttributeCount();
        if (count > limits.maxAttributes()) {
            throw new XmlStreamException("policy-violation", "more than " + limits.maxAttributes() + " attributes");
        }
        String ns = reader.getNamespaceURI();
        String name = reader.getLocalName();
        Frame frame = new Frame(name, ns == null ? "" : ns);
        for (int i = 0; i < count; i++) {
            String prefix = reader.getAttributePrefix(i);
            String local = reader.getAttributeLocalName(i);
            frame.attribute(new Attribute(prefix == null || prefix.isEmpty() ? local : prefix + ":" + local,
                    reader.getAttributeValue(i)));
        }
        declarePrefixes(frame, depth == 0);
        if (depth == 0) {
            if (!STREAM_NS.equals(frame.namespace)) {
                throw new XmlStreamException("invalid-namespace", "the stream namespace must be " + STREAM_NS);
            }
            if (!"stream".equals(name)) throw new XmlStreamException("bad-format", "the root element must be <stream>");
            opened = true;
            stack.add(frame);
            replayHeader = replayHeader().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            listener.streamOpened(frame.build());
            return;
        }
        if (depth == 1) stanzaStart = reader.getLocationInfo().getStartingByteOffset();
        stack.add(frame);
    }

    /** The root's start tag with its prefix and every namespace declaration, as a new reader needs it. */
    private String replayHeader() {
        String prefix = reader.getPrefix();
        String qname = prefix == null || prefix.isEmpty() ? "stream" : prefix + ":stream";
        StringBuilder sb = new StringBuilder("<").append(qname);
        for (int i = 0; i < reader.getNamespaceCount(); i++) {
            String p = reader.getNamespacePrefix(i);
            sb.append(p == null || p.isEmpty() ? " xmlns" : " xmlns:" + p).append("=\"");
            XmlWriter.escapeAttr(reader.getNamespaceURI(i) == null ? "" : reader.getNamespaceURI(i), sb);
            sb.append('"');
        }
        return sb.append('>').toString();
    }

    /**
     * Keeps the declarations that attributes need (a prefixed attribute such as {@code foo:bar}),
     * and on the stream root the default namespace as an {@code xmlns} attribute.
     */
    private void declarePrefixes(Frame frame, boolean root) {
        for (int i = 0; i < reader.getNamespaceCount(); i++) {
            String prefix = reader.getNamespacePrefix(i);
            String uri = reader.getNamespaceURI(i);
            if (prefix == null || prefix.isEmpty()) {
                if (root) frame.attribute(new Attribute("xmlns", uri == null ? "" : uri));
            } else if (!root && usedByAttribute(frame, prefix)) {
                frame.attribute(new Attribute("xmlns:" + prefix, uri));
            }
        }
    }

    private static boolean usedByAttribute(Frame frame, String prefix) {
        for (Attribute a : frame.attributes) if (a.name().startsWith(prefix + ":")) return true;
        return false;
    }

    private void endElement() throws XmlStreamException {
        Frame frame = stack.removeLast();
        if (stack.isEmpty()) {
            closed = true;
            listener.streamClosed();
            return;
        }
        Element element = frame.build();
        if (stack.size() == 1) {
            checkStanzaSize();
            stanzaStart = -1;
            listener.element(element);
        } else {
            stack.getLast().child(element);
        }
    }

    private void characters() throws XmlStreamException {
        String text = reader.getText();
        if (stack.size() <= 1) {
            if (!text.isBlank()) throw new XmlStreamException("bad-format", "text outside of a stanza");
            if (opened) listener.whitespace();
            return;
        }
        stack.getLast().text(text);
    }

    private void checkStanzaSize() throws XmlStreamException {
        long start = stanzaStart >= 0 ? stanzaStart : (opened ? -1 : 0);
        if (start >= 0 && bytesFed - start > limits.maxStanzaBytes()) {
            throw new XmlStreamException("policy-violation", "stanza larger than " + limits.maxStanzaBytes() + " bytes");
        }
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** An element being read. */
    private static final class Frame {
        final String name;
        final String namespace;
        // Allocated on first use: most elements have no attributes or no children.
        List<Attribute> attributes = List.of();
        List<Node> children = List.of();
        /**
         * Text read since the last child: the parser hands it over in pieces (one per feed when
         * bytes trickle in), which are joined once, not glued onto each other piece by piece.
         */
        private String text;
        private StringBuilder moreText;

        Frame(String name, String namespace) {
            this.name = name;
            this.namespace = namespace;
        }

        void text(String piece) {
            if (text == null) {
                text = piece;
            } else {
                if (moreText == null) moreText = new StringBuilder(text);
                moreText.append(piece);
            }
        }

        void attribute(Attribute a) {
            if (attributes.isEmpty()) attributes = new ArrayList<>(4);
            attributes.add(a);
        }

        void child(Element element) {
            endText();
            addChild(element);
        }

        private void addChild(Node node) {
            if (children.isEmpty()) children = new ArrayList<>(2);
            children.add(node);
        }

        private void endText() {
            if (text == null) return;
            addChild(new Text(moreText == null ? text : moreText.toString()));
            text = null;
            moreText = null;
        }

        Element build() {
            endText();
            return Element.owning(name, namespace, attributes, children);
        }
    }

}
