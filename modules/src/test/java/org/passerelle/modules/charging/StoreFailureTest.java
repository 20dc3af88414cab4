package org.passerelle.modules.charging;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.passerelle.core.config.ConfigLoader;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.store.ChargingStore;
import org.passerelle.core.store.Stores;
import org.passerelle.core.testing.MemoryStores;
import org.passerelle.core.testing.TestServer;
import org.passerelle.core.testing.TestSession;
import org.passerelle.core.testing.Xml;
import org.passerelle.modules.message.MessageModule;

/** A record that cannot be written stops the message it charges: nothing is delivered uncharged. */
class StoreFailureTest {
    /** In-memory stores whose charging writes fail while {@code broken} is set (a full disk, a lost database). */
    private static Stores failing(AtomicBoolean broken) {
        MemoryStores memory = new MemoryStores();
        ChargingStore charging = (ChargingStore) Proxy.newProxyInstance(ChargingStore.class.getClassLoader(),
                new Class<?>[] {ChargingStore.class}, (proxy, method, args) -> {
                    if (broken.get() && method.getName().startsWith("add")) throw new IllegalStateException("disk full");
                    try {
                        return method.invoke(memory.charging(), args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return (Stores) Proxy.newProxyInstance(Stores.class.getClassLoader(), new Class<?>[] {Stores.class}, (proxy, method, args) -> {
            if (method.getName().equals("charging")) return charging;
            try {
                return method.invoke(memory, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }

    @Test
    void aMessageThatCannotBeChargedIsRefusedWithAnError() throws Exception {
        AtomicBoolean broken = new AtomicBoolean(true);
        try (TestServer server = new TestServer(ConfigLoader.parse(ChargingModuleTest.TARIFF, "test"), failing(broken),
                new MessageModule(), new ChargingModule())) {
            TestSession alice = server.login("alice@localhost/phone");
            TestSession bob = server.login("bob@localhost/pc");
            bob.setPresence(Stanza.of(Xml.parse("<presence/>"), bob.jid(), null));
            server.send(alice, "<message to='bob@localhost' type='chat' id='x1'><body>hello</body></message>");
            Stanza error = alice.next();
            assertThat(error.type()).isEqualTo("error");
            assertThat(error.element().toString()).contains("internal-server-error");
            bob.assertNothingMore();

            broken.set(false);
            server.send(alice, "<message to='bob@localhost' type='chat' id='x2'><body>hello again</body></message>");
            assertThat(bob.next().id()).isEqualTo("x2");
            alice.assertNothingMore();
        }
    }
}
