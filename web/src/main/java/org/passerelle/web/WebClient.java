package org.passerelle.web;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.passerelle.core.config.ServerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bundled web client: {@code /} answers our page that starts Converse.js ({@link WebClientPage}),
 * {@code /webclient/...} its files ({@link StaticAssets}). Off ({@code web.client.enabled: false}):
 * both are 404. In a build without the bundle, {@code /} says so and how to get it.
 */
final class WebClient {
    private static final Logger LOG = LoggerFactory.getLogger(WebClient.class);

    private final boolean tlsRequired;
    private final StaticAssets assets;
    private final Asset page;
    private final Supplier<List<String>> ownBases;

    /** {@code page} is null when the client is off. */
    private WebClient(boolean tlsRequired, StaticAssets assets, Asset page, Supplier<List<String>> ownBases) {
        this.tlsRequired = tlsRequired;
        this.assets = assets;
        this.page = page;
        this.ownBases = ownBases;
    }

    /** {@code ownBases}: the server's public HTTP bases (see HttpRoutes.publicBase), once the listeners are bound. */
    static WebClient create(ServerConfig config, ClassLoader loader, Supplier<List<String>> ownBases) {
        boolean enabled = config.web().client().enabled();
        StaticAssets assets = enabled ? StaticAssets.load(loader) : null;
        if (enabled && assets == null) LOG.warn("the web client (Converse.js) is not bundled in this build: / explains how to get it");
        Asset page = !enabled ? null : Asset.of("index.html",
                (assets != null ? WebClientPage.render(config, assets.base()) : WebClientPage.missing()).getBytes(StandardCharsets.UTF_8),
                Asset.REVALIDATE);
        return new WebClient(config.tls().required(), assets, page, ownBases);
    }

    boolean bundled() {
        return assets != null;
    }

    /** GET / : the page; on plain HTTP when TLS is required, a redirect to HTTPS, where logging in works. */
    void index(ChannelHandlerContext ctx, FullHttpRequest req, String host, int httpsPort, boolean tls) {
        if (page == null) {
            WebRequestHandler.respond(ctx, req, HttpResponseStatus.NOT_FOUND, null, null);
        } else if (!getOrHead(req)) {
            WebRequestHandler.respond(ctx, req, HttpResponseStatus.METHOD_NOT_ALLOWED, null, null);
        } else if (assets != null && redirectsToHttps(tls, tlsRequired, httpsPort)) {
            FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.FOUND, Unpooled.EMPTY_BUFFER);
            res.headers().set(HttpHeaderNames.LOCATION, "https://" + host + ":" + httpsPort + "/");
            res.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
            WebRequestHandler.send(ctx, req, res);
        } else {
            serve(ctx, req, page, WebClientPage.securityHeaders(ownBases.get()));
        }
    }

    /** Over plain HTTP with {@code tls.required}, no SASL mechanism is offered: the client could not log in. */
    static boolean redirectsToHttps(boolean tls, boolean tlsRequired, int httpsPort) {
        return !tls && tlsRequired && httpsPort >= 0;
    }

    /** Whether {@code path} names a bundled file not read into memory yet (see {@link #load}). */
    boolean needsLoading(String path) {
        return assets != null && assets.needsLoading(path);
    }

    /** Reads the file into memory: blocking, so on a worker. */
    void load(String path) {
        assets.find(path);
    }

    /** GET /webclient/... (a file in memory, or not a file: 404). */
    void asset(ChannelHandlerContext ctx, FullHttpRequest req, String path) {
        Asset asset = assets == null ? null : assets.loaded(path);
        if (asset == null) WebRequestHandler.respond(ctx, req, HttpResponseStatus.NOT_FOUND, null, null);
        else if (!getOrHead(req)) WebRequestHandler.respond(ctx, req, HttpResponseStatus.METHOD_NOT_ALLOWED, null, null);
        else serve(ctx, req, asset, WebClientPage.NOSNIFF);
    }

    private static boolean getOrHead(FullHttpRequest req) {
        return req.method().equals(HttpMethod.GET) || req.method().equals(HttpMethod.HEAD);
    }

    /** 200 with the gzip copy when the client takes it, or 304 when its copy is current. */
    private static void serve(ChannelHandlerContext ctx, FullHttpRequest req, Asset asset, HttpHeaders extra) {
        boolean gzip = asset.gzipped() != null && acceptsGzip(req.headers().get(HttpHeaderNames.ACCEPT_ENCODING));
        String etag = gzip ? asset.gzipEtag() : asset.etag();
        String ifNoneMatch = req.headers().get(HttpHeaderNames.IF_NONE_MATCH);
        boolean notModified = ifNoneMatch != null && matches(ifNoneMatch, asset);
        byte[] body = gzip ? asset.gzipped() : asset.bytes();
        boolean head = req.method().equals(HttpMethod.HEAD);
        FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                notModified ? HttpResponseStatus.NOT_MODIFIED : HttpResponseStatus.OK,
                notModified || head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body));
        HttpHeaders h = res.headers();
        h.set(HttpHeaderNames.ETAG, etag);
        h.set(HttpHeaderNames.CACHE_CONTROL, asset.cacheControl());
        if (asset.gzipped() != null) h.set(HttpHeaderNames.VARY, HttpHeaderNames.ACCEPT_ENCODING);
        if (!notModified) {
            h.set(HttpHeaderNames.CONTENT_TYPE, asset.type());
            h.setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
            if (gzip) h.set(HttpHeaderNames.CONTENT_ENCODING, "gzip");
            h.add(extra);
        }
        WebRequestHandler.send(ctx, req, res);
    }

    /** If-None-Match: {@code *} or a list of tags, weak or not (RFC 9110 §13.1.2 compares weakly). */
    static boolean matches(String ifNoneMatch, Asset asset) {
        for (String tag : ifNoneMatch.split(",")) {
            tag = tag.strip();
            if (tag.startsWith("W/")) tag = tag.substring(2);
            if (tag.equals("*") || tag.equals(asset.etag()) || tag.equals(asset.gzipEtag())) return true;
        }
        return false;
    }

    /** Accept-Encoding lists gzip (or *) without {@code q=0}. */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) return false;
        for (String part : acceptEncoding.split(",")) {
            String[] p = part.split(";");
            String coding = p[0].strip().toLowerCase(Locale.ROOT);
            if (!coding.equals("gzip") && !coding.equals("*")) continue;
            boolean refused = false;
            for (int i = 1; i < p.length; i++) {
                String param = p[i].strip().replace(" ", "");
                if (param.startsWith("q=")) refused = param.substring(2).matches("0(\\.0{0,3})?");
            }
            return !refused;
        }
        return false;
    }
}
