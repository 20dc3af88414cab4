package org.passerelle.modules.proxy65;

import org.passerelle.core.util.Digests;

/** XEP-0065 §5.3.2: the SOCKS5 DST.ADDR is hex SHA-1 of SID + initiator full JID + target full JID. */
final class StreamHash {
    private StreamHash() {
    }

    static String of(String sid, String initiator, String target) {
        return Digests.sha1Hex(sid + initiator + target);
    }
}
