package org.passerelle.core.config;

/**
 * Bounds on what one client can make the server do. Times are in seconds.
 *
 * @param stanzaBytes       largest stanza accepted (RFC 6120 policy-violation above)
 * @param xmlDepth          deepest element nesting inside a stanza
 * @param xmlAttributes     most attributes on one element
 * @param rosterItems       most contacts on one buddy list
 * @param offlineMessages   most messages kept for one unavailable account
 * @param authTimeout       time to finish TLS and authentication after connecting
 * @param idleTimeout       an authenticated stream silent this long is pinged, then closed
 * @param loginFailuresPerMinute failed logins allowed per IP address and per account, each minute
 * @param registrationsPerHour   in-band registrations allowed per IP address each hour
 */
public record LimitsConfig(Integer stanzaBytes, Integer xmlDepth, Integer xmlAttributes, Integer rosterItems,
                           Integer offlineMessages, Integer authTimeout, Integer idleTimeout,
                           Integer loginFailuresPerMinute, Integer registrationsPerHour) {
    public LimitsConfig {
        stanzaBytes = Checks.range("stanzaBytes", Checks.orDefault(stanzaBytes, 262_144), 10_000, 64 << 20);
        xmlDepth = Checks.range("xmlDepth", Checks.orDefault(xmlDepth, 32), 8, 1000);
        xmlAttributes = Checks.range("xmlAttributes", Checks.orDefault(xmlAttributes, 64), 8, 10_000);
        rosterItems = Checks.range("rosterItems", Checks.orDefault(rosterItems, 1000), 1, 1_000_000);
        offlineMessages = Checks.range("offlineMessages", Checks.orDefault(offlineMessages, 1000), 0, 1_000_000);
        authTimeout = Checks.range("authTimeout", Checks.orDefault(authTimeout, 30), 1, 3600);
        idleTimeout = Checks.range("idleTimeout", Checks.orDefault(idleTimeout, 300), 5, 86_400);
        loginFailuresPerMinute = Checks.range("loginFailuresPerMinute", Checks.orDefault(loginFailuresPerMinute, 5), 1, 100_000);
        registrationsPerHour = Checks.range("registrationsPerHour", Checks.orDefault(registrationsPerHour, 5), 1, 100_000);
    }

    public static LimitsConfig defaults() {
        return new LimitsConfig(null, null, null, null, null, null, null, null, null);
    }
}
