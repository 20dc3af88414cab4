package org.passerelle.it;

import java.io.IOException;
import org.passerelle.gateway.sms.smpp.SmscSimulator;

/** The SMS gateway wired to an SMSC simulator on a local port, the same way in every IT. */
final class SmscSetup {
    /** The short number texts come from (and phones answer to). */
    static final String SOURCE = "12345";

    private SmscSetup() {
    }

    /** A simulator that accepts the gateway's bind. */
    static SmscSimulator simulator() throws IOException {
        return new SmscSimulator("passerelle", "s3cret");
    }

    /** The {@code sms:} block to put under {@code modules:}, with more of its keys (YAML lines, e.g. {@code "window: 4"}). */
    static String sms(SmscSimulator smsc, String... moreKeys) {
        StringBuilder yaml = new StringBuilder("  sms:\n    enabled: true\n    sourceAddress: \"" + SOURCE + "\"\n");
        for (String key : moreKeys) yaml.append("    ").append(key).append('\n');
        return yaml.append("    smscs:\n      - {name: sim, host: 127.0.0.1, port: ").append(smsc.port())
                .append(", systemId: passerelle, password: s3cret}\n").toString();
    }
}
