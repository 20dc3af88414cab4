/**
 * XEP-0227 portable import and export of accounts, credentials, rosters, vCards, offline
 * messages and our own per-account data: {@link org.passerelle.server.portable.PortableImporter}
 * (streaming, batched, idempotent, reports what it skipped) and
 * {@link org.passerelle.server.portable.PortableExporter}.
 */
package org.passerelle.server.portable;
