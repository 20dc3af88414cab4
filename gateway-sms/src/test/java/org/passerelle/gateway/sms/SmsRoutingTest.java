package org.passerelle.gateway.sms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.passerelle.core.testing.TestServer;
import org.passerelle.core.testing.TestSession;
import org.passerelle.gateway.sms.smpp.SmscSimulator;
import org.passerelle.modules.message.MessageModule;

/** Two SMSCs: numbers go by prefix, the one without prefixes takes the rest, and the numbers of an SMSC that is down. */
class SmsRoutingTest {
    @Test
    void numbersGoToTheSmscOfTheirPrefix() throws Exception {
        try (SmscSimulator france = new SmscSimulator("fr", "pw"); SmscSimulator world = new SmscSimulator("world", "pw");
             TestServer server = new TestServer("""
                     modules:
                       sms:
                         enabled: true
                         sourceAddress: "555"
                         reconnectMinSeconds: 1
                         reconnectMaxSeconds: 1
                         smscs:
                           - {name: fr, host: 127.0.0.1, port: %d, systemId: fr, password: pw, prefixes: ["+33"], sourceAddress: "FR"}
                           - {name: world, host: 127.0.0.1, port: %d, systemId: world, password: pw}
                     """.formatted(france.port(), world.port()), new MessageModule(), new SmsModule())) {
            france.awaitBound(5000);
            world.awaitBound(5000);
            TestSession bob = server.login("bob@localhost/desk");
            server.send(bob, "<message to='+33611112222@sms.localhost' type='chat'><body>bonjour</body></message>");
            server.send(bob, "<message to='+447700900001@sms.localhost' type='chat'><body>hello</body></message>");
            SmscSimulator.Submitted fr = france.next(3000);
            assertThat(fr.destination()).isEqualTo("33611112222");
            assertThat(fr.source()).as("the SMSC's own source address").isEqualTo("FR");
            SmscSimulator.Submitted uk = world.next(3000);
            assertThat(uk.destination()).isEqualTo("447700900001");
            assertThat(uk.source()).isEqualTo("555");
            france.assertNothing(200);

            france.stop();
            Thread.sleep(300);
            server.send(bob, "<message to='+33611113333@sms.localhost' type='chat'><body>via the other</body></message>");
            assertThat(world.next(3000).destination()).as("the catch-all takes over").isEqualTo("33611113333");
        }
    }
}
