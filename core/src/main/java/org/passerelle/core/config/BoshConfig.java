package org.passerelle.core.config;

/**
 * XMPP over BOSH (XEP-0124/0206) at {@code /http-bind} on the web listeners. Times in seconds.
 *
 * @param maxWait    longest a request is held before an empty answer; a client asking for more gets this
 * @param inactivity longest a session may have no request waiting before it ends, as a dropped connection does
 * @param polling    shortest interval announced to clients that poll instead of holding a request
 * @param loginsPerAddress most sessions one IP address may have open before they authenticate
 *                   (creating a session costs one HTTP request, where a TCP stream costs a connection)
 */
public record BoshConfig(Integer maxWait, Integer inactivity, Integer polling, Integer loginsPerAddress) {
    public BoshConfig {
        maxWait = Checks.range("maxWait", Checks.orDefault(maxWait, 60), 1, 3600);
        inactivity = Checks.range("inactivity", Checks.orDefault(inactivity, 60), 1, 3600);
        polling = Checks.range("polling", Checks.orDefault(polling, 2), 0, 600);
        loginsPerAddress = Checks.range("loginsPerAddress", Checks.orDefault(loginsPerAddress, 20), 1, 1_000_000);
    }

    public static BoshConfig defaults() {
        return new BoshConfig(null, null, null, null);
    }
}
