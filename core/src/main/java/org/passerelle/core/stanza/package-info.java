/** Stanzas and JIDs: parsed once, immutable, with error replies built by RFC 6120's rules. */
package org.passerelle.core.stanza;
