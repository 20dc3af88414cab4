package org.passerelle.it;

import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.pubsub.EventElement;
import org.jivesoftware.smackx.pubsub.ItemsExtension;
import org.jivesoftware.smackx.pubsub.PayloadItem;
import org.jivesoftware.smackx.pubsub.SimplePayload;
import org.jxmpp.jid.EntityBareJid;

/**
 * PEP notifications with payloads Smack has no provider for. Smack 4.5's PepManager listeners take
 * only extension elements, and an unknown payload parses as a {@link SimplePayload}, which is not one;
 * so this listens to the event messages itself and announces {@code node+notify} as PepManager would.
 */
final class PepEvents {
    interface Listener {
        void event(EntityBareJid from, String itemId, SimplePayload payload);
    }

    private PepEvents() {
    }

    static void listen(XMPPConnection c, String node, Listener listener) {
        c.addAsyncStanzaListener(s -> {
            EventElement event = EventElement.from(s);
            if (!(event.getEvent() instanceof ItemsExtension items) || !node.equals(items.getNode())) return;
            for (var item : items.getItems()) {
                if (item instanceof PayloadItem<?> p && p.getPayload() instanceof SimplePayload payload) {
                    listener.event(s.getFrom().asEntityBareJidIfPossible(), p.getId(), payload);
                }
            }
        }, s -> s instanceof Message && EventElement.from(s) != null);
        ServiceDiscoveryManager.getInstanceFor(c).addFeature(node + "+notify");
    }
}
