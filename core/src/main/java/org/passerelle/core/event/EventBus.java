package org.passerelle.core.event;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Synchronous, typed publish/subscribe. Listeners run on the publisher's thread (never an I/O
 * event loop), lowest priority number first; one that throws is logged and skipped, so a faulty
 * module cannot break the others.
 */
public final class EventBus {
    private static final Logger LOG = LoggerFactory.getLogger(EventBus.class);

    private final Map<Class<?>, PriorityList<EventListener<Object>>> listeners = new ConcurrentHashMap<>();

    @SuppressWarnings("unchecked")
    public <E> Runnable on(Class<E> type, int priority, EventListener<? super E> listener) {
        return listeners.computeIfAbsent(type, k -> new PriorityList<>()).add(priority, (EventListener<Object>) listener);
    }

    /** Delivers the event; returns true if a listener consumed it. */
    public boolean publish(Object event) {
        PriorityList<EventListener<Object>> list = listeners.get(event.getClass());
        if (list == null) return false;
        for (EventListener<Object> l : list.items()) {
            try {
                if (l.on(event)) return true;
            } catch (Exception e) {
                LOG.error("listener for {} failed", event.getClass().getSimpleName(), e);
            }
        }
        return false;
    }
}
