package org.passerelle.modules.proxy65;

/**
 * {@code modules.proxy65}: off unless {@code enabled} (it opens a port). The relay listens on
 * {@code listenHost}:{@code port} (default 0.0.0.0:7777; 0 picks a free port, announced as it is);
 * clients are told to connect to {@code host} (default: the listen host unless it is 0.0.0.0,
 * else the hosted domain name). {@code maxBytesPerSecond} (0, no limit) caps each direction of a
 * stream, {@code maxTransferBytes} (default 100 MiB, 0 for no limit) both directions together;
 * a connection not activated within {@code timeoutSeconds} (default 60) is closed; at most
 * {@code maxConnections} (default 1000) SOCKS5 connections are open at once, more are refused.
 */
public record Proxy65Options(Boolean enabled, String subdomain, String host, String listenHost, Integer port,
                             Long maxBytesPerSecond, Long maxTransferBytes, Integer timeoutSeconds,
                             Integer maxConnections) {
    public Proxy65Options {
        if (enabled == null) enabled = false;
        if (subdomain == null) subdomain = "proxy";
        if (listenHost == null) listenHost = "0.0.0.0";
        if (port == null) port = 7777;
        if (maxBytesPerSecond == null) maxBytesPerSecond = 0L;
        if (maxTransferBytes == null) maxTransferBytes = 100L * 1024 * 1024;
        if (timeoutSeconds == null) timeoutSeconds = 60;
        if (maxConnections == null) maxConnections = 1000;
        if (!subdomain.matches("[a-z0-9-]{1,63}")) throw new IllegalArgumentException("subdomain must be one DNS label, not " + subdomain);
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be between 0 and 65535, not " + port);
        if (maxBytesPerSecond < 0) throw new IllegalArgumentException("maxBytesPerSecond must not be negative");
        if (maxTransferBytes < 0) throw new IllegalArgumentException("maxTransferBytes must not be negative");
        if (maxConnections < 2) throw new IllegalArgumentException("maxConnections must be at least 2, not " + maxConnections);
        if (timeoutSeconds < 1 || timeoutSeconds > 3600) throw new IllegalArgumentException("timeoutSeconds must be between 1 and 3600, not " + timeoutSeconds);
    }

    /** The address announced in streamhosts for a hosted domain. */
    String announcedHost(String domain) {
        if (host != null) return host;
        return listenHost.equals("0.0.0.0") || listenHost.equals("::") ? domain : listenHost;
    }
}
