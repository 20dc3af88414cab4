package org.passerelle.web;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.passerelle.core.config.DomainConfig;
import org.passerelle.core.config.ServerConfig;

/**
 * Our page at {@code /}: a small template that loads Converse.js and {@code passerelle.js} from
 * this origin, with the server's settings (domain, whether registration is open) in a JSON block.
 */
final class WebClientPage {
    /**
     * Everything comes from this origin; no inline script. Converse needs no eval, but its OMEMO
     * library compiles WebAssembly ('wasm-unsafe-eval'), and its templates set style attributes
     * ('unsafe-inline' for styles only). No image from elsewhere: a link in a message does not tell
     * a third party who reads it (and Converse's sponsor logos on conversejs.org stay out).
     * 'self' in connect-src covers ws:/wss: to this host and port (CSP 3). Files shared through
     * XEP-0363 live at the server's public base, which is another origin when the page was opened
     * by another name or port: those bases are allowed for uploads (connect) and previews.
     */
    static String csp(List<String> ownBases) {
        String own = ownBases.stream().map(b -> " " + b + "/").distinct().sorted().collect(Collectors.joining()); // stable across requests
        return "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data: blob:" + own + "; media-src 'self' data: blob:" + own + "; font-src 'self'; connect-src 'self'"
                + own + "; worker-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }

    static final HttpHeaders NOSNIFF = new DefaultHttpHeaders().set("X-Content-Type-Options", "nosniff");

    static HttpHeaders securityHeaders(List<String> ownBases) {
        return new DefaultHttpHeaders()
                .set(HttpHeaderNames.CONTENT_SECURITY_POLICY, csp(ownBases))
                .set("X-Content-Type-Options", "nosniff")
                .set(HttpHeaderNames.X_FRAME_OPTIONS, "DENY")
                .set("Referrer-Policy", "no-referrer");
    }

    private WebClientPage() {
    }

    /** The page for the first hosted domain; {@code assets} is where the bundled files are. */
    static String render(ServerConfig config, String assets) {
        DomainConfig domain = config.domains().getFirst();
        boolean registration = domain.registration() && !config.disabledModules().contains("register");
        String settings = "{\"domain\":\"" + json(domain.name()) + "\",\"registration\":" + registration
                + ",\"assets\":\"" + json(assets) + "\"}";
        return template("webclient.html")
                .replace("{{settings}}", settings)
                .replace("{{domain}}", html(domain.name()))
                .replace("{{assets}}", html(assets));
    }

    /** The page of a build without the bundle. */
    static String missing() {
        return template("webclient-missing.html");
    }

    private static String template(String name) {
        try (InputStream in = WebClientPage.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    /** A JSON string body that is also safe inside a script element: no quote, backslash, '<' or control character unescaped. */
    static String json(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' || c < 0x20) sb.append(String.format("\\u%04x", (int) c));
            else sb.append(c);
        }
        return sb.toString();
    }
}
