/** Latency histograms, results as JSON lines and tables, and readings of the server process. */
package org.passerelle.bench.stats;
