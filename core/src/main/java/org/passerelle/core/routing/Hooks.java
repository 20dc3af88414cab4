package org.passerelle.core.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.passerelle.core.stanza.StanzaKind;

/**
 * The points where modules plug into routing: handlers per destination and stanza kind, inbound
 * interceptors and delivery interceptors, each list kept in priority order (lowest first).
 */
public final class Hooks {
    record Entry<T>(int priority, T hook) {
    }

    private final Map<Destination, Map<StanzaKind, List<Entry<StanzaHandler>>>> handlers = new EnumMap<>(Destination.class);
    private final List<Entry<InboundInterceptor>> inbound = new CopyOnWriteArrayList<>();
    private final List<Entry<DeliveryInterceptor>> delivery = new CopyOnWriteArrayList<>();

    public Hooks() {
        for (Destination d : Destination.values()) {
            Map<StanzaKind, List<Entry<StanzaHandler>>> byKind = new EnumMap<>(StanzaKind.class);
            for (StanzaKind k : StanzaKind.values()) byKind.put(k, new CopyOnWriteArrayList<>());
            handlers.put(d, byKind);
        }
    }

    public Runnable handle(Destination destination, StanzaKind kind, int priority, StanzaHandler handler) {
        return add(handlers.get(destination).get(kind), new Entry<>(priority, handler));
    }

    public Runnable inbound(int priority, InboundInterceptor interceptor) {
        return add(inbound, new Entry<>(priority, interceptor));
    }

    public Runnable delivery(int priority, DeliveryInterceptor interceptor) {
        return add(delivery, new Entry<>(priority, interceptor));
    }

    List<Entry<StanzaHandler>> handlers(Destination destination, StanzaKind kind) {
        return handlers.get(destination).get(kind);
    }

    List<Entry<InboundInterceptor>> inbound() {
        return inbound;
    }

    List<Entry<DeliveryInterceptor>> delivery() {
        return delivery;
    }

    private static <T> Runnable add(List<Entry<T>> list, Entry<T> entry) {
        synchronized (list) {
            List<Entry<T>> sorted = new ArrayList<>(list);
            sorted.add(entry);
            sorted.sort(Comparator.comparingInt(Entry::priority));
            list.clear();
            list.addAll(sorted);
        }
        return () -> list.remove(entry);
    }
}
