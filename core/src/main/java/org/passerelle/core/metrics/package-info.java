/**
 * The server's meters (Micrometer): one {@link org.passerelle.core.metrics.Metrics} per server,
 * reached through {@code ServerContext.metrics()}. Meter names live there and in docs/METRICS.md.
 */
package org.passerelle.core.metrics;
