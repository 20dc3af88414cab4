package org.passerelle.core.config;

/**
 * XEP-0198. {@code resumeTimeout}: seconds a dropped session waits for its client to resume;
 * {@code maxUnacked}: stanzas kept for a client before the session is closed as unresponsive.
 */
public record StreamManagementConfig(Integer resumeTimeout, Integer maxUnacked) {
    public StreamManagementConfig {
        resumeTimeout = Checks.range("resumeTimeout", Checks.orDefault(resumeTimeout, 300), 0, 86_400);
        maxUnacked = Checks.range("maxUnacked", Checks.orDefault(maxUnacked, 1000), 10, 100_000);
    }

    public static StreamManagementConfig defaults() {
        return new StreamManagementConfig(null, null);
    }
}
