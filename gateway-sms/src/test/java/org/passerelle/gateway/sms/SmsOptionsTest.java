package org.passerelle.gateway.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passerelle.gateway.sms.smpp.TestCertificate;

/** The window keys (a default, bounds, an SMSC's own window) and an SMSC's TLS keys. */
class SmsOptionsTest {
    private static SmscOptions smsc(Integer window) {
        return new SmscOptions("sim", "127.0.0.1", null, "esme", "pw", null, null, null, window, null, null, null, null);
    }

    private static SmsOptions options(Integer window) {
        return new SmsOptions(true, null, "555", List.of(smsc(null)), null, null, null, null, null, null, null, window);
    }

    @Test
    void theWindowDefaultsToTenAndStaysWithinBounds() {
        assertThat(options(null).window()).isEqualTo(10);
        assertThat(options(1).window()).isEqualTo(1);
        assertThatThrownBy(() -> options(0)).hasMessageContaining("window");
        assertThatThrownBy(() -> options(1001)).hasMessageContaining("window");
    }

    @Test
    void anSmscMayHaveItsOwnWindow() {
        assertThat(smsc(null).window()).isNull();
        assertThat(smsc(25).window()).isEqualTo(25);
        assertThatThrownBy(() -> smsc(0)).hasMessageContaining("window");
    }

    private static SmscOptions tls(Boolean tls, String trusted) {
        return client(tls, trusted, null, null);
    }

    private static SmscOptions client(Boolean tls, String trusted, String certificate, String key) {
        return new SmscOptions("sim", "smpp.example", null, "esme", "pw", null, null, null, null, tls, trusted, certificate, key);
    }

    @Test
    void tlsIsOffByDefaultAndTrustedCertificatesNeedIt() {
        assertThat(smsc(null).tls()).isFalse();
        assertThat(smsc(null).trustedCertificates()).isNull();
        assertThat(tls(true, null).tls()).isTrue();
        assertThatThrownBy(() -> tls(false, "/etc/ssl/smsc.pem")).hasMessageContaining("trustedCertificates needs tls");
    }

    @Test
    void trustedCertificatesMustBeAReadablePemFile(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("missing.pem");
        assertThatThrownBy(() -> tls(true, missing.toString())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SMSC sim: trustedCertificates " + missing).hasMessageContaining("cannot read");
        Path garbage = Files.writeString(dir.resolve("garbage.pem"), "-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n");
        assertThatThrownBy(() -> tls(true, garbage.toString())).hasMessageContaining("SMSC sim: trustedCertificates " + garbage);
        Path empty = Files.writeString(dir.resolve("empty.pem"), "");
        assertThatThrownBy(() -> tls(true, empty.toString())).hasMessageContaining("trustedCertificates " + empty);

        TestCertificate good = TestCertificate.generate(dir, "localhost", "dns:localhost");
        assertThat(tls(true, good.pem().toString()).trustedCertificates()).isEqualTo(good.pem().toString());
    }

    @Test
    void aClientCertificateNeedsItsPkcs8KeyAndTls(@TempDir Path dir) throws Exception {
        TestCertificate client = TestCertificate.generate(dir, "client", "dns:esme.example");
        String certificate = client.pem().toString();
        String key = client.keyPem().toString();
        assertThat(client(true, null, certificate, key).clientKey()).isEqualTo(key);
        assertThatThrownBy(() -> client(true, null, certificate, null)).hasMessageContaining("clientCertificate and clientKey go together");
        assertThatThrownBy(() -> client(false, null, certificate, key)).hasMessageContaining("clientCertificate needs tls");
        assertThatThrownBy(() -> client(true, null, key, key)).hasMessageContaining("SMSC sim: clientCertificate " + key);
        assertThatThrownBy(() -> client(true, null, certificate, certificate)).hasMessageContaining("SMSC sim: clientKey " + certificate)
                .hasMessageContaining("PKCS#8");
        Path pkcs1 = Files.writeString(dir.resolve("rsa.pem"), "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n");
        assertThatThrownBy(() -> client(true, null, certificate, pkcs1.toString())).hasMessageContaining("openssl pkcs8");
        Path notAKey = Files.writeString(dir.resolve("bad.key.pem"), "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
        assertThatThrownBy(() -> client(true, null, certificate, notAKey.toString())).hasMessageContaining("SMSC sim: clientKey " + notAKey)
                .hasMessageContaining("not a");
    }
}
