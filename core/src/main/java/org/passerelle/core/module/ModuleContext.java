package org.passerelle.core.module;

import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.passerelle.core.event.EventListener;
import org.passerelle.core.routing.DeliveryInterceptor;
import org.passerelle.core.routing.Destination;
import org.passerelle.core.routing.InboundInterceptor;
import org.passerelle.core.routing.IqHandler;
import org.passerelle.core.routing.LocalInterceptor;
import org.passerelle.core.routing.StanzaHandler;
import org.passerelle.core.session.Session;
import org.passerelle.core.stanza.StanzaKind;
import org.passerelle.xml.Element;

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

    /** Sees messages and presences to local accounts before the handlers (see {@link LocalInterceptor}). */
    void local(int priority, LocalInterceptor interceptor);

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
    /** An item in disco#items of each hosted domain (a component, a service). */
    void discoItem(DiscoItem item);

    /** A XEP-0128 form in disco#info of each hosted domain. */
    void discoForm(Element form);

    /** A disco#info node answered with the server's own info; asked on each query (XEP-0115 {@code node#ver}). */
    void infoNode(Supplier<String> node);

    /** Handles top-level non-stanza elements in {@code namespace} from authenticated clients (XEP-0352). */
    void streamElement(String namespace, BiConsumer<Session, Element> handler);

    /**
     * Serves HTTP requests under {@code prefix} on the web listeners (see {@link org.passerelle.core.http.HttpRoutes}),
     * with request bodies up to {@code maxBodyBytes}.
     */
    void http(String prefix, int maxBodyBytes, org.passerelle.core.http.HttpRoute route);

    /** Runs when the module stops (closing a timer, a connection). */
    void onStop(Runnable action);
}
