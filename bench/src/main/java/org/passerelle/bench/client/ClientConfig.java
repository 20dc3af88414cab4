package org.passerelle.bench.client;

/**
 * How every connection of a run logs in: the server address, the XMPP domain, STARTTLS or not,
 * the SASL mechanism ({@code auto} takes SCRAM-SHA-256, else SCRAM-SHA-1, else PLAIN), and
 * whether to fetch the roster and send initial presence after binding; one connection's login
 * fails after {@code loginTimeoutSeconds}.
 */
public record ClientConfig(String host, int port, String domain, boolean tls, String mechanism,
                           boolean rosterAndPresence, int loginTimeoutSeconds) {
    public static final String AUTO = "auto";

    public ClientConfig(String host, int port, String domain, boolean tls, String mechanism, boolean rosterAndPresence) {
        this(host, port, domain, tls, mechanism, rosterAndPresence, 60);
    }

    public ClientConfig {
        if (loginTimeoutSeconds < 1) throw new IllegalArgumentException("login timeout must be positive");
        if (port < 1 || port > 65535) throw new IllegalArgumentException("port must be 1-65535");
        if (!mechanism.equals(AUTO) && !mechanism.equals("SCRAM-SHA-256") && !mechanism.equals("SCRAM-SHA-1")
                && !mechanism.equals("PLAIN")) {
            throw new IllegalArgumentException("mechanism must be auto, SCRAM-SHA-256, SCRAM-SHA-1 or PLAIN, not " + mechanism);
        }
    }

    /** The mechanism to use among those the server offers, or null when none fits. */
    public String choose(java.util.List<String> offered) {
        if (!mechanism.equals(AUTO)) return offered.contains(mechanism) ? mechanism : null;
        for (String m : new String[] {"SCRAM-SHA-256", "SCRAM-SHA-1", "PLAIN"}) {
            if (offered.contains(m) && (tls || !m.equals("PLAIN"))) return m;
        }
        return null;
    }
}
