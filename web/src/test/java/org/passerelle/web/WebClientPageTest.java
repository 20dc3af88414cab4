package org.passerelle.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.passerelle.core.config.ConfigLoader;
import org.passerelle.core.config.ServerConfig;

/** The page at / without a socket: a build without the bundle, the redirect, and escaping. */
class WebClientPageTest {
    /** Sees no resource of the class path: a build that could not download Converse.js. */
    private static final ClassLoader NO_BUNDLE = new ClassLoader(null) {
    };

    private static FullHttpResponse index(WebClient client, int httpsPort, boolean tls) {
        EmbeddedChannel ch = new EmbeddedChannel(new SimpleChannelInboundHandler<FullHttpRequest>() {
            @Override
            protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
                client.index(ctx, req, "chat.example", httpsPort, tls);
            }
        });
        ch.writeInbound(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/"));
        return ch.readOutbound();
    }

    @Test
    void withoutTheBundleTheRootSaysSoAndHowToGetIt() {
        WebClient client = WebClient.create(ServerConfig.defaults(), NO_BUNDLE, List::of);
        assertThat(client.bundled()).isFalse();
        FullHttpResponse res = index(client, 5443, false);
        assertThat(res.status().code()).as("no redirect to a client that is not there").isEqualTo(200);
        assertThat(res.content().toString(StandardCharsets.UTF_8))
                .contains("The web client was not bundled in this build", "registry.npmjs.org", "./mvnw");
        assertThat(res.headers().get("content-security-policy")).contains("default-src 'none'");
    }

    @Test
    void plainHttpIsSentToHttpsWhenTlsIsRequired() {
        WebClient client = WebClient.create(ServerConfig.defaults(), WebClientPageTest.class.getClassLoader(), List::of);
        org.junit.jupiter.api.Assumptions.assumeTrue(client.bundled(), "Converse.js was not bundled in this build");
        FullHttpResponse res = index(client, 5443, false);
        assertThat(res.status().code()).isEqualTo(302);
        assertThat(res.headers().get("location")).isEqualTo("https://chat.example:5443/");
        assertThat(index(client, 5443, true).status().code()).isEqualTo(200);
        WebClient optional = WebClient.create(ConfigLoader.parse("tls: {required: false}\n", "test"), WebClientPageTest.class.getClassLoader(), List::of);
        assertThat(index(optional, 5443, false).status().code()).isEqualTo(200);
    }

    @Test
    void settingsAreEscapedForTheScriptBlockAndTheMarkup() {
        assertThat(WebClientPage.json("a\"b</script>\\")).isEqualTo("a\\u0022b\\u003c/script\\u003e\\u005c");
        assertThat(WebClientPage.html("<a href=\"x\">&'")).isEqualTo("&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
        String page = WebClientPage.render(ServerConfig.defaults(), "/webclient/1.2.3");
        assertThat(page).contains("\"domain\":\"localhost\"", "\"registration\":false", "href=\"/webclient/1.2.3/converse.min.css\"");
    }

    @Test
    void thePolicyLetsThePageUploadToAndShowFromTheServersPublicBases() {
        String csp = WebClientPage.csp(List.of("https://chat.example:5443", "https://files.example.org/im", "https://chat.example:5443"));
        assertThat(csp).contains("connect-src 'self' https://chat.example:5443/ https://files.example.org/im/;")
                .contains("img-src 'self' data: blob: https://chat.example:5443/ https://files.example.org/im/;")
                .contains("media-src 'self' data: blob: https://chat.example:5443/ https://files.example.org/im/;");
        assertThat(WebClientPage.csp(List.of())).contains("connect-src 'self';").contains("img-src 'self' data: blob:;");
    }
}
