/**
 * The load tool's command line: {@link org.passerelle.bench.BenchMain} runs a scenario and
 * prints JSON lines and a table; {@code population} writes a XEP-0227 file of the users.
 */
package org.passerelle.bench;
