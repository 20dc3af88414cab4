package org.passerelle.core.routing;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.passerelle.core.event.PriorityList;
import org.passerelle.core.stanza.StanzaKind;

/**
 * The points where modules plug into routing: handlers per destination and stanza kind, inbound
 * interceptors, local interceptors and delivery interceptors, each kept in priority order (lowest first).
 */
public final class Hooks {
    private final Map<Destination, Map<StanzaKind, PriorityList<StanzaHandler>>> handlers = new EnumMap<>(Destination.class);
    private final PriorityList<InboundInterceptor> inbound = new PriorityList<>();
    private final PriorityList<DeliveryInterceptor> delivery = new PriorityList<>();
    private final PriorityList<LocalInterceptor> local = new PriorityList<>();

    public Hooks() {
        for (Destination d : Destination.values()) {
            Map<StanzaKind, PriorityList<StanzaHandler>> byKind = new EnumMap<>(StanzaKind.class);
            for (StanzaKind k : StanzaKind.values()) byKind.put(k, new PriorityList<>());
            handlers.put(d, byKind);
        }
    }

    public Runnable handle(Destination destination, StanzaKind kind, int priority, StanzaHandler handler) {
        return handlers.get(destination).get(kind).add(priority, handler);
    }

    public Runnable inbound(int priority, InboundInterceptor interceptor) {
        return inbound.add(priority, interceptor);
    }

    public Runnable delivery(int priority, DeliveryInterceptor interceptor) {
        return delivery.add(priority, interceptor);
    }

    public Runnable local(int priority, LocalInterceptor interceptor) {
        return local.add(priority, interceptor);
    }

    List<StanzaHandler> handlers(Destination destination, StanzaKind kind) {
        return handlers.get(destination).get(kind).items();
    }

    List<InboundInterceptor> inbound() {
        return inbound.items();
    }

    List<LocalInterceptor> local() {
        return local.items();
    }

    List<DeliveryInterceptor> delivery() {
        return delivery.items();
    }
}
