package org.passerelle.microbench;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jxmpp.jid.EntityFullJid;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.passerelle.core.config.ConfigLoader;
import org.passerelle.core.config.ServerConfig;
import org.passerelle.core.event.SessionStarted;
import org.passerelle.core.module.ModuleLoader;
import org.passerelle.core.module.ServerContext;
import org.passerelle.core.module.ServerContexts;
import org.passerelle.core.routing.StreamErrorException;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.stanza.StanzaException;
import org.passerelle.core.testing.MemoryStores;
import org.passerelle.xml.Element;

/**
 * The routing decision for a chat message from alice's session to bob, with every module on the
 * class path but the archive (mam) started by {@link ModuleLoader#startAll()} over in-memory stores. Both clients are
 * available and have carbons enabled, as current clients do; bob has one or two resources.
 * {@code route*} start at {@code Router.route} with a stanza already stamped; {@code process*}
 * start where a client's element enters ({@code ClientStanzas.process}: from check and stamping,
 * inbound interceptors, then routing).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@State(Scope.Thread)
public class RouteBenchmark {
    /** Bob's sessions: with two, a message to one full JID is carbon-copied to the other. */
    @Param({"1", "2"})
    public int bobResources;

    ServerContext server;
    ModuleLoader modules;
    CountingSession alice;
    final List<CountingSession> bob = new ArrayList<>();
    Stanza toFullJid;
    Stanza toBareJid;
    Element clientToFullJid;
    Element clientToBareJid;

    @Setup
    public void start() throws StanzaException, StreamErrorException {
        // Not the archive: its in-memory store would grow by two messages per operation without bound;
        // an archive write is a store commit, measured by ArchiveBenchmark.append. Nor uploads: they
        // need a data directory and are not on the routing path.
        ServerConfig config = ConfigLoader.parse("disabledModules: [mam, upload]", "route-benchmark");
        server = ServerContexts.create(config, new MemoryStores(), Clock.systemUTC());
        modules = new ModuleLoader(server);
        modules.startAll();
        alice = login("alice@localhost/phone");
        for (int i = 1; i <= bobResources; i++) bob.add(login("bob@localhost/device" + i));
        Element message = Samples.MESSAGE.element();
        clientToBareJid = message;
        clientToFullJid = message.withAttr("to", "bob@localhost/device1");
        toBareJid = Stanza.parse(clientToBareJid).withFrom(alice.jid());
        toFullJid = Stanza.parse(clientToFullJid).withFrom(alice.jid());
        alice.reset();
        bob.forEach(CountingSession::reset);
    }

    /** A bound session that has sent initial presence and enabled carbons, as a client does after login. */
    private CountingSession login(String fullJid) throws StreamErrorException {
        EntityFullJid jid = (EntityFullJid) Jids.of(fullJid);
        if (!server.accounts().exists(jid.asEntityBareJid())) server.accounts().create(jid.asEntityBareJid(), "secret", false);
        CountingSession s = new CountingSession(jid);
        server.sessions().add(s);
        server.events().publish(new SessionStarted(s));
        server.clientStanzas().process(s, Element.builder("presence", "jabber:client").build());
        server.clientStanzas().process(s, Element.builder("iq", "jabber:client").attr("type", "set").attr("id", "carbons")
                .child(Element.of("enable", "urn:xmpp:carbons:2")).build());
        return s;
    }

    @TearDown
    public void stop() {
        modules.close();
        server.scheduler().shutdownNow();
        server.workers().shutdownNow();
    }

    /** Everything delivered so far, so the work cannot be optimised away. */
    long delivered() {
        long n = alice.delivered();
        for (CountingSession s : bob) n += s.delivered();
        return n;
    }

    @Benchmark
    public long routeToFullJid() {
        server.router().route(toFullJid);
        return delivered();
    }

    @Benchmark
    public long routeToBareJid() {
        server.router().route(toBareJid);
        return delivered();
    }

    @Benchmark
    public long processToFullJid() throws StreamErrorException {
        server.clientStanzas().process(alice, clientToFullJid);
        return delivered();
    }

    @Benchmark
    public long processToBareJid() throws StreamErrorException {
        server.clientStanzas().process(alice, clientToBareJid);
        return delivered();
    }
}
