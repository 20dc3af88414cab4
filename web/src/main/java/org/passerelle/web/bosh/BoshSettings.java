package org.passerelle.web.bosh;

/**
 * The server's side of the BOSH terms. Times in seconds.
 *
 * @param maxWait    longest a request is held before an empty answer (a client asking more gets this)
 * @param inactivity longest a session may go without any request held before it ends
 * @param polling    shortest polling interval announced to clients that poll ({@code hold='0'})
 */
public record BoshSettings(int maxWait, int inactivity, int polling) {
    public BoshSettings {
        if (maxWait < 1 || inactivity < 1 || polling < 0) throw new IllegalArgumentException("BOSH times must be positive");
    }

    public static BoshSettings defaults() {
        return new BoshSettings(60, 60, 2);
    }
}
