/** Small data structures the modules share (caches); nothing XMPP-specific. */
package org.passerelle.core.util;
