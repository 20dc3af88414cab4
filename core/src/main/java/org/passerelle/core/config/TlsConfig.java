package org.passerelle.core.config;

/**
 * TLS: PEM certificate chain and private key (PKCS#8). Left empty, a self-signed certificate for
 * the hosted domains is created in the data directory. {@code required}: clients must STARTTLS
 * before authenticating.
 */
public record TlsConfig(String certificate, String privateKey, Boolean required) {
    public TlsConfig {
        required = Checks.orDefault(required, true);
        if ((certificate == null) != (privateKey == null)) {
            throw new IllegalArgumentException("certificate and privateKey go together");
        }
    }

    public static TlsConfig defaults() {
        return new TlsConfig(null, null, null);
    }
}
