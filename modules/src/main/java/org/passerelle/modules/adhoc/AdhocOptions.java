package org.passerelle.modules.adhoc;

/**
 * {@code modules.adhoc} options.
 *
 * @param sessionTimeout seconds a command session waits for the requester's next stage
 * @param maxSessions    open command sessions per requester; the oldest is dropped beyond it
 */
public record AdhocOptions(Integer sessionTimeout, Integer maxSessions) {
    public AdhocOptions {
        sessionTimeout = sessionTimeout == null ? 600 : sessionTimeout;
        maxSessions = maxSessions == null ? 10 : maxSessions;
        if (sessionTimeout < 10 || sessionTimeout > 86_400) throw new IllegalArgumentException("sessionTimeout must be between 10 and 86400");
        if (maxSessions < 1 || maxSessions > 1000) throw new IllegalArgumentException("maxSessions must be between 1 and 1000");
    }
}
