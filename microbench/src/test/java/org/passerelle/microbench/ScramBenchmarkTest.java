package org.passerelle.microbench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.passerelle.core.store.ScramHash;
import org.passerelle.xmpp.sasl.SaslStep;

class ScramBenchmarkTest {
    private final ScramBenchmark benchmark = new ScramBenchmark();

    @ParameterizedTest
    @EnumSource(ScramHash.class)
    void thePrecomputedProofAuthenticates(ScramHash hash) throws Exception {
        ScramBenchmark.Exchange s = exchange(hash);

        SaslStep step = benchmark.scramExchange(s);

        assertThat(step.done()).isTrue();
        assertThat(step.authenticated().toString()).isEqualTo("alice@localhost");
        assertThat(new String(step.data(), java.nio.charset.StandardCharsets.UTF_8)).startsWith("v=");
        // Again, with a fresh mechanism: an operation leaves nothing behind.
        assertThat(benchmark.scramExchange(s).done()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(ScramHash.class)
    void theDerivedCredentialIsTheStoredOne(ScramHash hash) {
        ScramBenchmark.Exchange s = exchange(hash);

        assertThat(benchmark.scramCredential(s)).isEqualTo(s.stores.accounts().find(
                org.passerelle.core.stanza.Jids.of("alice@localhost").asEntityBareJidOrThrow()).orElseThrow().credential(hash));
    }

    @Test
    void plainAcceptsThePassword() {
        ScramBenchmark.Plain s = new ScramBenchmark.Plain();
        s.prepare();

        assertThat(benchmark.plainVerify(s)).isTrue();
        assertThat(s.accounts.verify(s.user, "not-the-password")).isFalse();
    }

    @Test
    void serverNoncesDiffer() {
        assertThat(benchmark.serverNonce()).hasSizeGreaterThan(16).isNotEqualTo(benchmark.serverNonce());
    }

    private static ScramBenchmark.Exchange exchange(ScramHash hash) {
        ScramBenchmark.Exchange s = new ScramBenchmark.Exchange();
        s.hash = hash;
        s.prepare();
        return s;
    }
}
