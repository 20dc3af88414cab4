/** TLS for the frontends: server contexts from PEM files and channel-binding data. */
package org.passerelle.xmpp.tls;
