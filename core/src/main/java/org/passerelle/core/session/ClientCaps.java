package org.passerelle.core.session;

import java.util.Set;

/**
 * The features a client announced with XEP-0115 entity capabilities, once verified against the
 * hash. The caps module keeps it on the session under {@link #KEY}; modules that send to clients
 * by interest (PEP notifications, {@code +notify}) read it there.
 */
public record ClientCaps(String ver, Set<String> features) {
    public static final SessionKey<ClientCaps> KEY = SessionKey.of("caps.client");

    public ClientCaps {
        features = Set.copyOf(features);
    }

    public boolean has(String feature) {
        return features.contains(feature);
    }
}
