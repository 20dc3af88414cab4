package org.passerelle.core.routing;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.stanza.StanzaException;
import org.passerelle.xml.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the handler for an IQ request addressed to the server or to an account, by the namespace
 * of its payload, and routes the answer. Answers to the server's own requests go to the
 * {@link IqTracker}.
 */
public final class IqDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(IqDispatcher.class);

    private final Map<Destination, Map<String, IqHandler>> handlers = new EnumMap<>(Destination.class);
    private final IqTracker tracker;

    public IqDispatcher(IqTracker tracker) {
        this.tracker = tracker;
        handlers.put(Destination.SERVER, new ConcurrentHashMap<>());
        handlers.put(Destination.ACCOUNT, new ConcurrentHashMap<>());
    }

    /** Registers the handler for payloads in {@code namespace} sent to the server or to an account. */
    public Runnable register(Destination destination, String namespace, IqHandler handler) {
        if (destination == Destination.RESOURCE) throw new IllegalArgumentException("IQs to a resource go to its session");
        Map<String, IqHandler> map = handlers.get(destination);
        if (map.putIfAbsent(namespace, handler) != null) {
            throw new IllegalStateException("two handlers for " + namespace + " at " + destination);
        }
        return () -> map.remove(namespace, handler);
    }

    public boolean handles(Destination destination, String namespace) {
        return handlers.get(destination).containsKey(namespace);
    }

    /**
     * Handles the IQ and returns the answer to route, or null when there is nothing to send now.
     * Public for components that serve a module's IQs at their own address (the SMS gateway's
     * link command at {@code sms.<domain>}).
     */
    public Stanza dispatch(Destination destination, Stanza iq) {
        if (!iq.isIqRequest()) {
            tracker.complete(iq);
            return null;
        }
        Element payload = iq.element().firstElement();
        if (payload == null) return iq.error("bad-request", "IQ request without payload");
        IqHandler handler = handlers.get(destination).get(payload.namespace());
        if (handler == null) return iq.error("service-unavailable", null);
        try {
            return handler.handle(iq);
        } catch (StanzaException e) {
            return iq.error(e);
        } catch (RuntimeException e) {
            LOG.error("IQ handler for {} failed", payload.namespace(), e);
            return iq.error("internal-server-error", null);
        }
    }
}
