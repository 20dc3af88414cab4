/**
 * Accounts and credentials: SCRAM key derivation on the JDK's own crypto (RFC 5802, RFC 7677),
 * the account service used by SASL, the CLI and admin commands, and rate limits on failures.
 */
package org.passerelle.core.auth;
