/**
 * SASL mechanisms on the server side: SCRAM-SHA-1 and SCRAM-SHA-256 (RFC 5802, RFC 7677), with
 * and without {@code tls-server-end-point} channel binding (RFC 5929), and PLAIN (RFC 4616) inside
 * TLS only. Mechanisms are pure state machines over byte arrays: no I/O, no threads; credential
 * lookups are passed in and may block, so callers run them on a worker thread.
 */
package org.passerelle.xmpp.sasl;
