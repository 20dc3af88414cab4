package org.passerelle.core.event;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Synchronous, typed publish/subscribe. Listeners run on the publisher's thread (never an I/O
 * event loop), lowest priority number first; one that throws is logged and skipped, so a faulty
 * module cannot break the others.
 */
public final class EventBus {
    private static final Logger LOG = LoggerFactory.getLogger(EventBus.class);

    private record Registration(int priority, EventListener<Object> listener) {
    }

    private final Map<Class<?>, List<Registration>> listeners = new ConcurrentHashMap<>();

    @SuppressWarnings("unchecked")
    public <E> Runnable on(Class<E> type, int priority, EventListener<? super E> listener) {
        Registration r = new Registration(priority, (EventListener<Object>) listener);
        List<Registration> list = listeners.computeIfAbsent(type, k -> new CopyOnWriteArrayList<>());
        synchronized (list) {
            List<Registration> sorted = new ArrayList<>(list);
            sorted.add(r);
            sorted.sort(Comparator.comparingInt(Registration::priority));
            list.clear();
            list.addAll(sorted);
        }
        return () -> list.remove(r);
    }

    /** Delivers the event; returns true if a listener consumed it. */
    public boolean publish(Object event) {
        List<Registration> list = listeners.get(event.getClass());
        if (list == null) return false;
        for (Registration r : list) {
            try {
                if (r.listener().on(event)) return true;
            } catch (Exception e) {
                LOG.error("listener for {} failed", event.getClass().getSimpleName(), e);
            }
        }
        return false;
    }
}
