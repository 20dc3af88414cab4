package org.passerelle.bench.client;

import org.passerelle.xml.Element;

/** What a scenario hears from its connections; called on the connection's event loop, must not block. */
public interface ClientListener {
    /** Logged in, bound and (if configured) roster fetched and initial presence sent. */
    void online(XmppClient client, long loginNanos);

    /** A message or presence stanza for the client once it is online. */
    void stanza(XmppClient client, Element stanza);

    /** The login failed ({@code wasOnline} false) or the connection ended; called at most once per connection. */
    void closed(XmppClient client, boolean wasOnline, String reason);
}
