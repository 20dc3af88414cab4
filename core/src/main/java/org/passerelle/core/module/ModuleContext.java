package org.passerelle.core.module;

import org.passerelle.core.event.EventListener;
import org.passerelle.core.routing.DeliveryInterceptor;
import org.passerelle.core.routing.Destination;
import org.passerelle.core.routing.InboundInterceptor;
import org.passerelle.core.routing.IqHandler;
import org.passerelle.core.routing.StanzaHandler;
import org.passerelle.core.stanza.StanzaKind;

/** What a module gets at start. Everything registered here is removed when the module stops. */
public interface ModuleContext {
    ServerContext server();

    /** This module's options from {@code modules.<name>}, validated; defaults when absent. */
    <T> T options(Class<T> type);

    /** Answers IQ requests with a payload in {@code namespace} sent to the server or to an account. */
    void iq(Destination destination, String namespace, IqHandler handler);

    /** Handles messages or presences addressed to a destination, before the router's default. */
    void handle(Destination destination, StanzaKind kind, int priority, StanzaHandler handler);

    void inbound(int priority, InboundInterceptor interceptor);

    void delivery(int priority, DeliveryInterceptor interceptor);

    <E> void on(Class<E> event, int priority, EventListener<? super E> listener);

    /** A disco feature known only at run time (the static ones come from {@link Implements}). */
    void feature(String var);

    void identity(String category, String type, String name);

    /** Adds an element to the stream features (see {@link StreamFeature}). */
    void streamFeature(StreamFeature feature);

    /** Answers IQs in {@code namespace} on streams that have not authenticated yet. */
    void preAuthIq(String namespace, org.passerelle.core.routing.PreAuthIqHandler handler);

    /** Answers disco#info and disco#items for {@code node} on the hosted domains (see {@link DiscoNode}). */
    void discoNode(String node, DiscoNode handler);

    /** Runs when the module stops (closing a timer, a connection). */
    void onStop(Runnable action);
}
