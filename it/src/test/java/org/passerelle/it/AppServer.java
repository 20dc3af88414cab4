package org.passerelle.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.iqrequest.AbstractIqRequestHandler;
import org.jivesoftware.smack.iqrequest.IQRequestHandler;
import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.provider.ProviderManager;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;
import org.jivesoftware.smackx.pubsub.packet.PubSub;
import org.jivesoftware.smackx.xdata.packet.DataForm;
import org.jivesoftware.smackx.xdata.provider.DataFormProvider;
import org.jxmpp.jid.Jid;

/**
 * A XEP-0357 app server played by a Smack client: answers each pubsub publish with a result and
 * records it. Smack has no provider for {@code <notification/>}, so the IQ is read back as XML.
 * Its generic parser asserts on a default namespace declared below an unknown element
 * ({@code <notification xmlns='urn:xmpp:push:0'/>} in {@code <publish/>}, a client never receives
 * one), so {@code <publish/>} and {@code <publish-options/>} are kept as raw XML.
 */
final class AppServer {
    /** One publish: who sent it, to which node, the urn:xmpp:push:summary form and the publish-options form. */
    record Notification(Jid from, String node, DataForm summary, DataForm publishOptions) {
        String value(String var) {
            var field = summary.getField(var);
            return field == null ? null : field.getFirstValue();
        }
    }

    /** An element kept as the XML it came in. */
    private record Raw(String element, String xml) implements ExtensionElement {
        @Override public String getElementName() { return element; }
        @Override public String getNamespace() { return PubSub.NAMESPACE; }
        @Override public String toXML(XmlEnvironment env) { return xml; }
    }

    private final LinkedBlockingQueue<Notification> received = new LinkedBlockingQueue<>();
    private volatile StanzaError.Condition refusal;

    AppServer(XMPPConnection connection) {
        for (String element : new String[] {"publish", "publish-options"}) {
            ProviderManager.addExtensionProvider(element, PubSub.NAMESPACE, new ExtensionElementProvider<Raw>() {
                @Override
                public Raw parse(XmlPullParser parser, int depth, XmlEnvironment env) throws XmlPullParserException, IOException {
                    return new Raw(element, PacketParserUtils.parseElement(parser, true).toString());
                }
            });
        }
        connection.registerIQRequestHandler(new AbstractIqRequestHandler(PubSub.ELEMENT, PubSub.NAMESPACE, IQ.Type.set,
                IQRequestHandler.Mode.sync) {
            @Override
            public IQ handleIQRequest(IQ iq) {
                try {
                    received.add(parse(iq));
                } catch (Exception e) {
                    throw new IllegalStateException("cannot read " + iq.toXML(), e);
                }
                StanzaError.Condition r = refusal;
                return r == null ? IQ.createResultIQ(iq) : IQ.createErrorResponse(iq, r);
            }
        });
    }

    /** From now on, answers notifications with this error (as an app server that forgot the node), or null for results. */
    void refuseWith(StanzaError.Condition condition) {
        refusal = condition;
    }

    /** The next notification; fails when none arrives within the wait. */
    Notification next(long millis) throws InterruptedException {
        Notification n = received.poll(millis, TimeUnit.MILLISECONDS);
        assertThat(n).as("a push notification within " + millis + " ms").isNotNull();
        return n;
    }

    void assertNothingMore(long millis) throws InterruptedException {
        assertThat(received.poll(millis, TimeUnit.MILLISECONDS)).as("no more notifications").isNull();
    }

    private static Notification parse(IQ iq) throws Exception {
        XmlPullParser p = PacketParserUtils.getParserFor(iq.toXML().toString());
        String node = null;
        DataForm summary = null;
        DataForm options = null;
        boolean inNotification = false;
        for (XmlPullParser.Event e = p.getEventType(); e != XmlPullParser.Event.END_DOCUMENT; e = p.next()) {
            if (e != XmlPullParser.Event.START_ELEMENT) continue;
            switch (p.getName()) {
                case "publish" -> node = p.getAttributeValue("node");
                case "notification" -> inNotification = true;
                case "x" -> {
                    // The summary comes first, inside <notification/>; then the publish-options form.
                    DataForm form = DataFormProvider.INSTANCE.parse(p);
                    if (inNotification && summary == null) summary = form;
                    else options = form;
                }
                default -> { }
            }
        }
        return new Notification(iq.getFrom(), node, summary, options);
    }
}
