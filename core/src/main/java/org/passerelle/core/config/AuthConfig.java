package org.passerelle.core.config;

/**
 * Authentication. {@code scramIterations}: PBKDF2 rounds for new SCRAM credentials (RFC 7677
 * asks for at least 4096).
 */
public record AuthConfig(Integer scramIterations) {
    public AuthConfig {
        scramIterations = Checks.range("scramIterations", Checks.orDefault(scramIterations, 4096), 4096, 1_000_000);
    }

    public static AuthConfig defaults() {
        return new AuthConfig(null);
    }
}
