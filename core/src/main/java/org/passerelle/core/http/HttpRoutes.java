package org.passerelle.core.http;

import java.util.Comparator;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The routes mounted by modules, matched by the longest path prefix. A prefix ending in
 * {@code /} matches what is below it; one without matches only itself and below
 * ({@code /admin} matches {@code /admin} and {@code /admin/x}, not {@code /administrator}).
 */
public final class HttpRoutes {
    /** What a route accepts besides its handler. */
    public record Mount(String prefix, int maxBodyBytes, HttpRoute route) {
        public Mount {
            if (!prefix.startsWith("/")) throw new IllegalArgumentException("an HTTP prefix starts with /: " + prefix);
            if (maxBodyBytes < 0) throw new IllegalArgumentException("negative body limit");
        }

        boolean matches(String path) {
            if (!path.startsWith(prefix)) return false;
            return prefix.endsWith("/") || path.length() == prefix.length() || path.charAt(prefix.length()) == '/';
        }
    }

    private final CopyOnWriteArrayList<Mount> mounts = new CopyOnWriteArrayList<>();
    private final String publicUrl;
    private volatile int httpPort = -1;
    private volatile int httpsPort = -1;

    /** @param publicUrl {@code web.publicUrl}, or null when clients reach the listeners themselves */
    public HttpRoutes(String publicUrl) {
        this.publicUrl = publicUrl;
    }

    /**
     * The base of links to this server's HTTP resources for users of {@code domain}: the configured
     * public URL, else the HTTPS listener at the domain, else the HTTP one; empty with none of them.
     */
    public Optional<String> publicBase(String domain) {
        if (publicUrl != null) return Optional.of(publicUrl);
        if (httpsPort >= 0) return Optional.of("https://" + domain + ":" + httpsPort);
        if (httpPort >= 0) return Optional.of("http://" + domain + ":" + httpPort);
        return Optional.empty();
    }

    /** Called by the web listener once bound, so modules can build links to it (upload slots) and host-meta list it. */
    public void listening(boolean tls, int port) {
        if (tls) httpsPort = port;
        else httpPort = port;
    }

    /** The bound port of the HTTP (or, with {@code tls}, HTTPS) web listener, if one is on. */
    public OptionalInt port(boolean tls) {
        int p = tls ? httpsPort : httpPort;
        return p < 0 ? OptionalInt.empty() : OptionalInt.of(p);
    }

    /** Mounts a route; the returned action unmounts it. Two routes on one prefix are a wiring error. */
    public Runnable mount(String prefix, int maxBodyBytes, HttpRoute route) {
        Mount m = new Mount(prefix, maxBodyBytes, route);
        synchronized (mounts) {
            if (mounts.stream().anyMatch(o -> o.prefix().equals(prefix))) {
                throw new IllegalStateException("HTTP prefix already mounted: " + prefix);
            }
            mounts.add(m);
        }
        return () -> mounts.remove(m);
    }

    public Optional<Mount> find(String path) {
        return mounts.stream().filter(m -> m.matches(path)).max(Comparator.comparingInt(m -> m.prefix().length()));
    }
}
