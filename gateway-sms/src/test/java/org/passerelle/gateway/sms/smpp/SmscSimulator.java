package org.passerelle.gateway.sms.smpp;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Date;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.session.connection.ServerConnectionFactory;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.MessageId;

/**
 * An SMSC for tests, on jSMPP's server API over a real local port: accepts binds with one
 * system id and password, records every submit_sm (answering with a fresh message id), sends
 * deliver_sm (mobile-originated texts and delivery receipts) and can go away and come back on the
 * same port. It can hold its submit_sm_resp back for a while (counting the submit_sm outstanding
 * at once, to see the client's window) and refuse the next submit_sm. Plain TCP, or TLS with a
 * {@link TlsListener}.
 */
public final class SmscSimulator implements AutoCloseable {
    /** A submit_sm as received. */
    public record Submitted(String destination, String source, byte dataCoding, byte esmClass, byte registeredDelivery, byte[] message,
                            String messageId) {
        public boolean udhi() {
            return (esmClass & 0x40) != 0;
        }

        /** The text, decoded as the gateway encoded it (UDH skipped). */
        public String text() {
            return SmsEncoding.decode(dataCoding, message, udhi());
        }
    }

    private final int port;
    private final String systemId;
    private final String password;
    private final BlockingQueue<Submitted> submitted = new LinkedBlockingQueue<>();
    private final List<SMPPServerSession> sessions = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong(0x1000);
    private final AtomicInteger outstanding = new AtomicInteger();
    private final AtomicInteger maxOutstanding = new AtomicInteger();
    private final AtomicInteger refusals = new AtomicInteger();
    private volatile long responseDelayMillis;
    private volatile SMPPServerSessionListener listener;
    private volatile Thread acceptor;
    /** Null: plain TCP. */
    private final ServerConnectionFactory connections;

    public SmscSimulator(String systemId, String password) throws IOException {
        this(systemId, password, null);
    }

    /** Listens through {@code connections} (a {@link TlsListener}); null for plain TCP. */
    public SmscSimulator(String systemId, String password, ServerConnectionFactory connections) throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            this.port = probe.getLocalPort();
        }
        this.systemId = systemId;
        this.password = password;
        this.connections = connections;
        start();
    }

    public int port() {
        return port;
    }

    /** Listens (again) on the same port. */
    public synchronized void start() throws IOException {
        if (listener != null) return;
        SMPPServerSessionListener l = connections == null ? new SMPPServerSessionListener(port)
                : new SMPPServerSessionListener(port, connections);
        l.setMessageReceiverListener(new Receiver());
        l.setPduProcessorDegree(32); // jSMPP's 3 threads would cap the submit_sm handled at once below any client window
        listener = l;
        acceptor = Thread.ofVirtual().start(() -> accept(l));
    }

    private void accept(SMPPServerSessionListener l) {
        while (listener == l) {
            try {
                SMPPServerSession s = l.accept();
                Thread.ofVirtual().start(() -> bind(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void bind(SMPPServerSession s) {
        try {
            BindRequest bind = s.waitForBind(5000);
            if (systemId.equals(bind.getSystemId()) && password.equals(bind.getPassword())) {
                bind.accept("simulator");
                sessions.add(s);
            } else {
                bind.reject(0x0000000E); // ESME_RINVPASWD
            }
        } catch (Exception e) {
            s.close();
        }
    }

    /** The outage: drops every bind and stops listening until {@link #start()}. */
    public synchronized void stop() throws IOException {
        SMPPServerSessionListener l = listener;
        listener = null;
        if (l != null) l.close();
        for (SMPPServerSession s : sessions) s.close();
        sessions.clear();
    }

    /** Drops the binds but keeps listening (the client reconnects). */
    public void dropBinds() {
        for (SMPPServerSession s : sessions) s.close();
        sessions.clear();
    }

    public boolean bound() {
        return sessions.stream().anyMatch(s -> s.getSessionState().isBound());
    }

    /** Waits for the client's bind. */
    public void awaitBound(long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (!bound()) {
            if (System.currentTimeMillis() > end) throw new AssertionError("no bind within " + millis + " ms");
            Thread.sleep(20);
        }
    }

    /** The next submit_sm, or null after the timeout. */
    public Submitted next(long millis) throws InterruptedException {
        return submitted.poll(millis, TimeUnit.MILLISECONDS);
    }

    /** Fails if a submit_sm arrives within the time. */
    public void assertNothing(long millis) throws InterruptedException {
        Submitted s = submitted.poll(millis, TimeUnit.MILLISECONDS);
        if (s != null) throw new AssertionError("unexpected submit_sm to " + s.destination() + ": " + s.text());
    }

    /** Each submit_sm_resp goes this long after its submit_sm (0: at once); the submit_sm is recorded on arrival. */
    public void delayResponses(long millis) {
        responseDelayMillis = millis;
    }

    /** The most submit_sm that were waiting for their response at the same time, since the last call. */
    public int takeMaxOutstanding() {
        return maxOutstanding.getAndSet(outstanding.get());
    }

    /** Refuses the next {@code n} submit_sm with ESME_RSYSERR (not recorded: the SMSC did not take them). */
    public void refuseNext(int n) {
        refusals.set(n);
    }

    /** A mobile-originated text (GSM 7-bit when it fits, else UCS-2), with an optional SMSC reference. */
    public void deliver(String from, String to, String text, Short reference) throws Exception {
        boolean gsm = Gsm7.encodable(text);
        byte[] body = gsm ? Gsm7.encode(text) : text.getBytes(java.nio.charset.StandardCharsets.UTF_16BE);
        OptionalParameter[] tlvs = reference == null ? new OptionalParameter[0]
                : new OptionalParameter[] {new OptionalParameter.Short((short) 0x0204, reference)};
        deliverRaw(from, to, new ESMClass(), gsm ? (byte) 0 : (byte) 8, body, tlvs);
    }

    /** A concatenated mobile-originated text in GSM 7-bit: one deliver_sm per part, each with its UDH (8-bit reference). */
    public void deliverParts(String from, String to, int reference, String... parts) throws Exception {
        ESMClass udhi = new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT, GSMSpecificFeature.UDHI);
        for (int i = 0; i < parts.length; i++) {
            byte[] text = Gsm7.encode(parts[i]);
            byte[] body = new byte[6 + text.length];
            body[0] = 5; // UDH length; IE 0x00 (concatenation, 8-bit reference), IE length 3
            body[2] = 3;
            body[3] = (byte) reference;
            body[4] = (byte) parts.length;
            body[5] = (byte) (i + 1);
            System.arraycopy(text, 0, body, 6, text.length);
            deliverRaw(from, to, udhi, (byte) 0, body);
        }
    }

    /** A deliver_sm with any coding and esm_class (binary, UDH ...). */
    public void deliverRaw(String from, String to, ESMClass esm, byte dataCoding, byte[] body, OptionalParameter... tlvs) throws Exception {
        session().deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, from, TypeOfNumber.UNKNOWN,
                NumberingPlanIndicator.UNKNOWN, to, esm, (byte) 0, (byte) 0, new RegisteredDelivery(0), DataCodings.newInstance(dataCoding),
                body, tlvs);
    }

    /** A delivery receipt (final state DELIVRD) for a message id this SMSC gave. */
    public void receipt(Submitted sms) throws Exception {
        Date now = new Date();
        String text = new DeliveryReceipt(sms.messageId(), 1, 1, now, now, DeliveryReceiptState.DELIVRD, "000", "").toString();
        session().deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, sms.destination(),
                TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, sms.source(),
                new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT), (byte) 0, (byte) 0,
                new RegisteredDelivery(0), DataCodings.ZERO, text.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    private SMPPServerSession session() {
        return sessions.stream().filter(s -> s.getSessionState().isBound()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no ESME bound"));
    }

    @Override
    public void close() throws IOException {
        stop();
    }

    private final class Receiver implements ServerMessageReceiverListener {
        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm sm, SMPPServerSession source) throws ProcessRequestException {
            int now = outstanding.incrementAndGet();
            maxOutstanding.accumulateAndGet(now, Math::max);
            try {
                if (refusals.getAndUpdate(n -> Math.max(0, n - 1)) > 0) throw new ProcessRequestException("refused", 0x08);
                SubmitSmResult result = accept(sm);
                if (responseDelayMillis > 0) Thread.sleep(responseDelayMillis);
                return result;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProcessRequestException("interrupted", 0x08);
            } finally {
                outstanding.decrementAndGet();
            }
        }

        private SubmitSmResult accept(SubmitSm sm) throws ProcessRequestException {
            String id = Long.toHexString(ids.incrementAndGet());
            submitted.add(new Submitted(sm.getDestAddress(), sm.getSourceAddr(), sm.getDataCoding(), sm.getEsmClass(),
                    sm.getRegisteredDelivery(), sm.getShortMessage(), id));
            try {
                return new SubmitSmResult(new MessageId(id), new OptionalParameter[0]);
            } catch (Exception e) {
                throw new ProcessRequestException(e.getMessage(), 0x08);
            }
        }

        @Override
        public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti sm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public QuerySmResult onAcceptQuerySm(QuerySm sm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public void onAcceptReplaceSm(ReplaceSm sm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public void onAcceptCancelSm(CancelSm sm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm sm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public void onAcceptCancelBroadcastSm(CancelBroadcastSm sm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm sm, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm sm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }
    }
}
