package org.passerelle.core.config;

/**
 * One hosted domain. {@code registration}: XEP-0077 in-band registration of new accounts from
 * clients (off by default).
 */
public record DomainConfig(String name, Boolean registration) {
    public DomainConfig {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("name is required");
        registration = Checks.orDefault(registration, false);
    }
}
