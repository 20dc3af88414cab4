package org.passerelle.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** With TLS optional, an unencrypted stream is offered SCRAM only: PLAIN is refused outside TLS. */
class PlainWithoutTlsIT {
    private static ItServer server;

    @BeforeAll
    static void start() throws Exception {
        server = ItServer.start("tls: {required: false}\n");
        server.user("erin", "pw-erin");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void plainIsNeitherOfferedNorAcceptedWithoutTls() throws Exception {
        try (RawClient c = new RawClient(server)) {
            String features = c.send(RawClient.HEADER).expect("</stream:features>");
            assertThat(features).contains("<starttls").doesNotContain("<required/>")
                    .contains("<mechanism>SCRAM-SHA-256</mechanism>").doesNotContain("PLAIN").doesNotContain("-PLUS");
            c.send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>"
                    + Base64.getEncoder().encodeToString("\0erin\0pw-erin".getBytes(StandardCharsets.UTF_8)) + "</auth>");
            assertThat(c.expect("</failure>")).contains("<invalid-mechanism");
        }
    }
}
