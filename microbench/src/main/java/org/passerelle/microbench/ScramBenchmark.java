package org.passerelle.microbench;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityBareJid;
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
import org.openjdk.jmh.annotations.Warmup;
import org.passerelle.core.auth.Accounts;
import org.passerelle.core.auth.Scram;
import org.passerelle.core.event.EventBus;
import org.passerelle.core.routing.Domains;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.store.Account;
import org.passerelle.core.store.ScramCredential;
import org.passerelle.core.store.ScramHash;
import org.passerelle.core.testing.MemoryStores;
import org.passerelle.xmpp.sasl.FixedNonceScram;
import org.passerelle.xmpp.sasl.SaslException;
import org.passerelle.xmpp.sasl.SaslStep;

/**
 * Authentication cost at the default 4096 PBKDF2 iterations: a whole server-side SCRAM exchange
 * (client-first, then client-final with a proof computed once in setup), deriving a credential
 * (PBKDF2, what registration and password changes pay per hash), SASL PLAIN's check (PBKDF2 on
 * every login) and the random server nonce. Accounts come from in-memory stores.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class ScramBenchmark {
    static final String PASSWORD = "pencil-and-paper";
    static final int ITERATIONS = 4096;
    static final String CLIENT_NONCE = "fyko+d2lbbFgONRv9qkxdawL";
    static final String SERVER_NONCE = "3rfcNHYJY1ZVvWVs7j";

    /** One account with credentials for both hashes, and the client's two messages for the chosen hash. */
    @State(Scope.Thread)
    public static class Exchange {
        @Param({"SHA_1", "SHA_256"})
        public ScramHash hash;

        final DomainBareJid domain = Jids.of("localhost").asDomainBareJid();
        final MemoryStores stores = new MemoryStores();
        byte[] salt;
        byte[] clientFirst;
        byte[] clientFinal;

        @Setup
        public void prepare() {
            EntityBareJid user = Jids.of("alice@localhost").asEntityBareJidOrThrow();
            salt = Base64.getDecoder().decode("QSXCR+Q6sek8bf92");
            stores.accounts().create(new Account(user, List.of(Scram.credential(ScramHash.SHA_1, PASSWORD, salt, ITERATIONS),
                    Scram.credential(ScramHash.SHA_256, PASSWORD, salt, ITERATIONS)), false, false, Instant.EPOCH));
            String firstBare = "n=alice,r=" + CLIENT_NONCE;
            String serverFirst = "r=" + CLIENT_NONCE + SERVER_NONCE + ",s=" + Base64.getEncoder().encodeToString(salt) + ",i=" + ITERATIONS;
            String finalWithoutProof = "c=biws,r=" + CLIENT_NONCE + SERVER_NONCE;
            byte[] authMessage = (firstBare + "," + serverFirst + "," + finalWithoutProof).getBytes(StandardCharsets.UTF_8);
            byte[] salted = Scram.saltedPassword(hash, PASSWORD, salt, ITERATIONS);
            byte[] clientKey = Scram.hmac(hash, salted, "Client Key".getBytes(StandardCharsets.US_ASCII));
            byte[] proof = Scram.xor(clientKey, Scram.hmac(hash, Scram.h(hash, clientKey), authMessage));
            clientFirst = ("n,," + firstBare).getBytes(StandardCharsets.UTF_8);
            clientFinal = (finalWithoutProof + ",p=" + Base64.getEncoder().encodeToString(proof)).getBytes(StandardCharsets.UTF_8);
        }
    }

    /** PLAIN's check against the stored SCRAM-SHA-256 credential. */
    @State(Scope.Thread)
    public static class Plain {
        final EntityBareJid user = Jids.of("alice@localhost").asEntityBareJidOrThrow();
        Accounts accounts;

        @Setup
        public void prepare() {
            MemoryStores stores = new MemoryStores();
            accounts = new Accounts(stores.accounts(), new Domains(Set.of(user.asDomainBareJid())), new EventBus(), ITERATIONS,
                    Clock.systemUTC());
            accounts.create(user, PASSWORD, false);
        }
    }

    /** Server side of a successful exchange: account lookup, two messages parsed, proof checked, server signature. */
    @Benchmark
    public SaslStep scramExchange(Exchange s) throws SaslException {
        var mechanism = FixedNonceScram.mechanism(s.hash, s.domain, s.stores.accounts()::find, SERVER_NONCE);
        mechanism.step(s.clientFirst);
        return mechanism.step(s.clientFinal);
    }

    /** PBKDF2 and the derived keys for one hash, as {@code Accounts.create} does per hash. */
    @Benchmark
    public ScramCredential scramCredential(Exchange s) {
        return Scram.credential(s.hash, PASSWORD, s.salt, ITERATIONS);
    }

    @Benchmark
    public boolean plainVerify(Plain s) {
        return s.accounts.verify(s.user, PASSWORD);
    }

    /** The server's random nonce, which {@link #scramExchange} leaves out. */
    @Benchmark
    public String serverNonce() {
        return Scram.nonce();
    }
}
