package org.passerelle.xmpp.tls;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.io.File;
import javax.net.ssl.SSLException;

/** Builds the server's TLS context from a PEM certificate chain and PKCS#8 private key. */
public final class TlsContexts {
    private TlsContexts() {
    }

    public static SslContext server(File certificateChain, File privateKey) {
        try {
            return SslContextBuilder.forServer(certificateChain, privateKey)
                    .sslProvider(SslProvider.JDK)
                    .protocols("TLSv1.3", "TLSv1.2")
                    .build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot load TLS certificate " + certificateChain + ": " + e.getMessage(), e);
        }
    }
}
