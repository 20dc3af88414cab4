package org.passerelle.gateway.sms.smpp;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.passerelle.gateway.sms.SmscOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One ESME bind (transceiver) to one SMSC, kept up: a lost or refused bind is retried with a
 * doubling back-off; jSMPP sends enquire_link while idle. Binding runs on the workers, never on
 * jSMPP's reader thread. Over plain TCP, or TLS with the host name verified ({@link TlsConnectionFactory}):
 * a certificate refused is a failed bind like any other, retried with the same back-off.
 *
 * <p>Windowing: up to {@code window} texts are sent at once on the bind, each on a worker
 * thread, sending its parts in order (a part after the previous one's submit_sm_resp). So at most
 * {@code window} submit_sm are outstanding; jSMPP matches responses by sequence number.
 */
public final class SmscConnection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SmscConnection.class);
    /** SMPP 3.4 §5.1.4 registered_delivery: a receipt on final delivery, success or failure. */
    private static final RegisteredDelivery RECEIPT = new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE);

    /** What the SMSC delivers: mobile-originated messages and delivery receipts. */
    public interface Inbound {
        /** Handles one deliver_sm; an exception refuses it (the SMSC will retry). */
        void deliver(SmscConnection smsc, DeliverSm pdu) throws Exception;
    }

    /** The bind was not up, or went away while a text was being sent: not the text's fault. */
    public static final class NotBoundException extends IOException {
        NotBoundException(String message) {
            super(message);
        }
    }

    /** Timings of the bind and its back-off. */
    public record Timing(long reconnectMinMillis, long reconnectMaxMillis, int enquireLinkMillis, long responseTimeoutMillis) {
    }

    private final Semaphore window;

    private final SmscOptions options;
    private final String sourceAddress;
    private final Timing timing;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService workers;
    /** Null for plain TCP. */
    private final TlsConnectionFactory tls;
    private volatile Inbound inbound;
    private volatile Runnable onBound;
    private volatile SMPPSession session;
    private volatile boolean closed;
    private long backoff;

    public SmscConnection(SmscOptions options, String sourceAddress, int window, Timing timing, ScheduledExecutorService scheduler,
                          ExecutorService workers) {
        if (window < 1) throw new IllegalArgumentException("window must be at least 1");
        this.window = new Semaphore(window);
        this.options = options;
        this.sourceAddress = sourceAddress;
        this.timing = timing;
        this.scheduler = scheduler;
        this.workers = workers;
        this.backoff = timing.reconnectMinMillis();
        this.tls = options.tls() ? TlsConnectionFactory.create(options.trustedCertificates(), options.clientCertificate(),
                options.clientKey(), (int) timing.responseTimeoutMillis()) : null;
    }

    public String name() {
        return options.name();
    }

    public List<String> prefixes() {
        return options.prefixes();
    }

    public void start(Inbound inbound, Runnable onBound) {
        this.inbound = inbound;
        this.onBound = onBound;
        workers.execute(this::bind);
    }

    public boolean bound() {
        SMPPSession s = session;
        return s != null && s.getSessionState().isBound();
    }

    private void bind() {
        if (closed) return;
        SMPPSession s = tls == null ? new SMPPSession() : new SMPPSession(tls);
        s.setEnquireLinkTimer(timing.enquireLinkMillis());
        s.setTransactionTimer(timing.responseTimeoutMillis());
        s.setMessageReceiverListener(new Receiver());
        try {
            s.connectAndBind(options.host(), options.port(), new BindParameter(BindType.BIND_TRX, options.systemId(), options.password(),
                    options.systemType(), TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null), timing.responseTimeoutMillis());
        } catch (IOException | RuntimeException e) {
            s.close();
            LOG.warn("SMSC {}: bind to {}:{}{} failed ({}), retrying in {} ms", name(), options.host(), options.port(), over(),
                    e.getMessage(), backoff);
            retryLater();
            return;
        }
        synchronized (this) {
            if (closed) {
                s.unbindAndClose();
                return;
            }
            session = s;
            backoff = timing.reconnectMinMillis();
        }
        s.addSessionStateListener(this::stateChanged);
        LOG.info("SMSC {}: bound as {} to {}:{}{}", name(), options.systemId(), options.host(), options.port(), over());
        if (!s.getSessionState().isBound()) {
            stateChanged(SessionState.CLOSED, SessionState.BOUND_TRX, s);
            return;
        }
        onBound.run();
    }

    private String over() {
        return tls == null ? "" : " over TLS";
    }

    private void stateChanged(SessionState now, SessionState before, Session s) {
        if (now != SessionState.CLOSED || s != session) return;
        session = null;
        if (closed) return;
        LOG.warn("SMSC {}: bind lost (was {}), reconnecting in {} ms", name(), before, backoff);
        retryLater();
    }

    private synchronized void retryLater() {
        if (closed) return;
        long delay = backoff;
        backoff = Math.min(backoff * 2, timing.reconnectMaxMillis());
        scheduler.schedule(() -> workers.execute(this::bind), delay, TimeUnit.MILLISECONDS);
    }

    /**
     * Starts sending one text on a worker if the window has room; empty when {@code window} texts
     * are already being sent here. The future gives the SMSC's message id of each part, or fails
     * with a {@link NotBoundException} when the bind was not up or was lost meanwhile (jSMPP
     * fails a submit_sm outstanding on a lost bind only at its response timeout), or another
     * {@link IOException} when the SMSC refused or did not answer a part in time.
     */
    public Optional<CompletableFuture<List<String>>> trySubmit(String phone, SmsEncoding.Encoded sms) {
        if (!window.tryAcquire()) return Optional.empty();
        CompletableFuture<List<String>> done = new CompletableFuture<>();
        try {
            workers.execute(() -> {
                List<String> ids = null;
                IOException failure = null;
                try {
                    ids = submit(phone, sms);
                } catch (IOException e) {
                    failure = e;
                } catch (RuntimeException e) {
                    failure = new IOException("SMSC " + name() + ": " + e, e);
                } finally {
                    window.release(); // before completing: whoever is told may send the next one at once
                }
                if (failure == null) done.complete(ids);
                else done.completeExceptionally(failure);
            });
        } catch (RejectedExecutionException e) {
            window.release();
            done.completeExceptionally(new IOException("shutting down", e));
        }
        return Optional.of(done);
    }

    private List<String> submit(String phone, SmsEncoding.Encoded sms) throws IOException {
        SMPPSession s = session;
        if (s == null || !s.getSessionState().isBound()) throw new NotBoundException("SMSC " + name() + " is not bound");
        ESMClass esm = sms.concatenated()
                ? new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT, GSMSpecificFeature.UDHI)
                : new ESMClass();
        List<String> ids = new ArrayList<>(sms.parts().size());
        for (byte[] part : sms.parts()) {
            try {
                ids.add(s.submitShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, sourceAddress,
                        TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, phone.substring(1), esm, (byte) 0, (byte) 1, null, null,
                        RECEIPT, (byte) 0, DataCodings.newInstance(sms.dataCoding()), (byte) 0, part).getMessageId());
            } catch (Exception e) {
                if (!s.getSessionState().isBound()) throw new NotBoundException("SMSC " + name() + " lost the bind: " + e);
                if (e instanceof IOException io) throw io;
                throw new IOException("SMSC " + name() + " refused submit_sm: " + e, e);
            }
        }
        return ids;
    }

    @Override
    public void close() {
        SMPPSession s;
        synchronized (this) {
            closed = true;
            s = session;
            session = null;
        }
        if (s != null) s.unbindAndClose();
    }

    private final class Receiver implements MessageReceiverListener {
        @Override
        public void onAcceptDeliverSm(DeliverSm pdu) throws ProcessRequestException {
            try {
                inbound.deliver(SmscConnection.this, pdu);
            } catch (Exception e) {
                LOG.warn("SMSC {}: deliver_sm from {} not handled: {}", name(), pdu.getSourceAddr(), e.toString());
                throw new ProcessRequestException("not handled", 0x00000008); // ESME_RSYSERR: the SMSC retries later
            }
        }

        @Override
        public void onAcceptAlertNotification(AlertNotification alert) {
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            LOG.info("SMSC {}: data_sm refused (not supported)", name());
            throw new ProcessRequestException("data_sm not supported", 0x00000003); // ESME_RINVCMDID
        }
    }
}
