package org.passerelle.core.testing;

import java.time.Clock;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.passerelle.core.config.ConfigLoader;
import org.passerelle.core.config.ServerConfig;
import org.passerelle.core.event.SessionEnded;
import org.passerelle.core.event.SessionStarted;
import org.passerelle.core.module.Module;
import org.passerelle.core.module.ModuleLoader;
import org.passerelle.core.module.ServerContext;
import org.passerelle.core.module.ServerContexts;
import org.passerelle.core.routing.StreamErrorException;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.store.Stores;
import org.passerelle.xml.Element;

/**
 * The core with chosen modules and in-memory stores, no sockets: module unit tests log in
 * {@link TestSession}s, send elements as a client would, and look at what each session receives.
 * Sends run synchronously on the test thread.
 */
public final class TestServer implements AutoCloseable {
    private final ServerContext context;
    private final ModuleLoader loader;

    public TestServer(Module... modules) {
        this(ServerConfig.defaults(), new MemoryStores(), modules);
    }

    public TestServer(String yaml, Module... modules) {
        this(ConfigLoader.parse(yaml, "test"), new MemoryStores(), modules);
    }

    public TestServer(ServerConfig config, Stores stores, Module... modules) {
        this(config, stores, Clock.systemUTC(), modules);
    }

    /** With a clock the test controls (day boundaries, expiry). */
    public TestServer(ServerConfig config, Stores stores, Clock clock, Module... modules) {
        context = ServerContexts.create(config, stores, clock);
        loader = new ModuleLoader(context);
        for (Module m : modules) loader.start(m);
    }

    public ServerContext context() {
        return context;
    }

    /** Creates the account (password "secret") if needed and binds a session for the full JID. */
    public TestSession login(String fullJid) {
        EntityFullJid jid = (EntityFullJid) Jids.of(fullJid);
        EntityBareJid bare = jid.asEntityBareJid();
        if (!context.accounts().exists(bare)) context.accounts().create(bare, "secret", false);
        TestSession s = new TestSession(jid);
        context.sessions().add(s);
        context.events().publish(new SessionStarted(s));
        return s;
    }

    /** Sends an element as the session's client, through the same path as a real stream. */
    public void send(TestSession from, String xml) {
        send(from, Xml.parse(xml));
    }

    public void send(TestSession from, Element element) {
        try {
            context.clientStanzas().process(from, element);
        } catch (StreamErrorException e) {
            from.close(e.condition(), e.getMessage());
        }
    }

    /** Sends initial presence, as a client does after login, and publishes the event modules wait for. */
    public void available(TestSession session) {
        send(session, "<presence/>");
    }

    public void logout(TestSession session) {
        context.sessions().remove(session);
        context.events().publish(new SessionEnded(session, session.presence(), "test logout"));
    }

    public void route(Stanza stanza) {
        context.router().route(stanza);
    }

    @Override
    public void close() {
        loader.close();
        context.scheduler().shutdownNow();
        context.workers().shutdownNow();
    }

}
