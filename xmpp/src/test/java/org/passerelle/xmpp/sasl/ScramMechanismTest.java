package org.passerelle.xmpp.sasl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityBareJid;
import org.junit.jupiter.api.Test;
import org.passerelle.core.auth.Scram;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.store.Account;
import org.passerelle.core.store.ScramHash;

/** The server side of SCRAM against the exchanges printed in RFC 5802 §5 and RFC 7677 §3. */
class ScramMechanismTest {
    private static final DomainBareJid DOMAIN = Jids.of("localhost").asDomainBareJid();
    private static final EntityBareJid USER = Jids.of("user@localhost").asEntityBareJidIfPossible();

    private static ScramMechanism mechanism(ScramHash hash, String salt, String serverNonce, boolean plusOffered) {
        Account account = new Account(USER, List.of(Scram.credential(hash, "pencil", Base64.getDecoder().decode(salt), 4096)),
                false, false, Instant.now());
        return new ScramMechanism(hash, false, plusOffered, null, DOMAIN,
                jid -> jid.equals(USER) ? Optional.of(account) : Optional.empty(), new byte[32], 4096, () -> serverNonce);
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String s(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void rfc7677ScramSha256() throws Exception {
        ScramMechanism m = mechanism(ScramHash.SHA_256, "W22ZaJ0SNY7soEsUEjb6gQ==", "%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0", false);
        SaslStep first = m.step(b("n,,n=user,r=rOprNGfwEbeRWgbNEkqO"));
        assertThat(s(first.data())).isEqualTo("r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096");
        SaslStep last = m.step(b("c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ="));
        assertThat(last.done()).isTrue();
        assertThat((Object) last.authenticated()).isEqualTo(USER);
        assertThat(s(last.data())).isEqualTo("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=");
    }

    @Test
    void rfc5802ScramSha1() throws Exception {
        ScramMechanism m = mechanism(ScramHash.SHA_1, "QSXCR+Q6sek8bf92", "3rfcNHYJY1ZVvWVs7j", false);
        assertThat(s(m.step(b("n,,n=user,r=fyko+d2lbbFgONRv9qkxdawL")).data()))
                .isEqualTo("r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096");
        SaslStep last = m.step(b("c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,p=v0X8v3Bz2T0CJGbJQyF0X+HI4Ts="));
        assertThat(s(last.data())).isEqualTo("v=rmF9pqV8S7suAoZWja4dJRkFsKQ=");
    }

    @Test
    void aWrongProofFails() throws Exception {
        ScramMechanism m = mechanism(ScramHash.SHA_256, "W22ZaJ0SNY7soEsUEjb6gQ==", "%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0", false);
        m.step(b("n,,n=user,r=rOprNGfwEbeRWgbNEkqO"));
        assertThatThrownBy(() -> m.step(b("c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p="
                + Base64.getEncoder().encodeToString(new byte[32]))))
                .isInstanceOfSatisfying(SaslException.class, e -> assertThat(e.condition()).isEqualTo("not-authorized"));
    }

    @Test
    void unknownUsersGetAChallengeAndFailOnlyAtTheProof() throws Exception {
        ScramMechanism m = mechanism(ScramHash.SHA_256, "W22ZaJ0SNY7soEsUEjb6gQ==", "srv", false);
        String challenge = s(m.step(b("n,,n=nobody,r=abc")).data());
        assertThat(challenge).startsWith("r=abcsrv,s=").endsWith(",i=4096");
        assertThatThrownBy(() -> m.step(b("c=biws,r=abcsrv,p=" + Base64.getEncoder().encodeToString(new byte[32]))))
                .isInstanceOf(SaslException.class);
    }

    @Test
    void theDowngradeFlagFailsWhenChannelBindingWasOffered() {
        ScramMechanism m = mechanism(ScramHash.SHA_1, "QSXCR+Q6sek8bf92", "x", true);
        assertThatThrownBy(() -> m.step(b("y,,n=user,r=abc")))
                .isInstanceOfSatisfying(SaslException.class, e -> assertThat(e.condition()).isEqualTo("not-authorized"));
    }

    @Test
    void aNonceMismatchFails() throws Exception {
        ScramMechanism m = mechanism(ScramHash.SHA_1, "QSXCR+Q6sek8bf92", "srv", false);
        m.step(b("n,,n=user,r=abc"));
        assertThatThrownBy(() -> m.step(b("c=biws,r=abcother,p=AAAA"))).isInstanceOf(SaslException.class);
    }

    @Test
    void usernamesAreUnescaped() throws Exception {
        assertThat(ScramMechanism.unescape("a=2Cb=3Dc")).isEqualTo("a,b=c");
        assertThatThrownBy(() -> ScramMechanism.unescape("a=b")).isInstanceOf(SaslException.class);
    }
}
