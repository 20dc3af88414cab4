package org.passerelle.microbench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.passerelle.core.stanza.Stanza;

class RouteBenchmarkTest {
    private final RouteBenchmark benchmark = new RouteBenchmark();

    private void start(int bobResources) throws Exception {
        benchmark.bobResources = bobResources;
        benchmark.start();
    }

    @AfterEach
    void stop() {
        benchmark.stop();
    }

    @Test
    void toAFullJidTheMessageReachesThatSessionOnly() throws Exception {
        start(1);
        assertThat(benchmark.routeToFullJid()).isEqualTo(1);
        assertThat(benchmark.processToFullJid()).isEqualTo(2);
        CountingSession bob = benchmark.bob.getFirst();
        assertThat(bob.delivered()).isEqualTo(2);
        assertThat(bob.last().from().toString()).isEqualTo(benchmark.alice.jid().toString());
        assertThat(bob.last().element().childText("body", "jabber:client")).startsWith("Are we still on");
        assertThat(benchmark.alice.delivered()).isZero();
    }

    @Test
    void toTheBareJidEveryResourceOfEqualPriorityGetsIt() throws Exception {
        start(2);
        assertThat(benchmark.routeToBareJid()).isEqualTo(2);
        assertThat(benchmark.processToBareJid()).isEqualTo(4);
        for (CountingSession bob : benchmark.bob) {
            assertThat(bob.delivered()).isEqualTo(2);
            assertThat(bob.last().element().child("body", "jabber:client")).isNotNull();
        }
    }

    @Test
    void toOneOfTwoResourcesTheOtherGetsACarbonCopy() throws Exception {
        start(2);
        assertThat(benchmark.routeToFullJid()).isEqualTo(2);
        Stanza copy = benchmark.bob.get(1).last();
        assertThat(copy.element().child("received", "urn:xmpp:carbons:2")).isNotNull();
        assertThat(benchmark.bob.getFirst().last().element().child("body", "jabber:client")).isNotNull();
    }
}
