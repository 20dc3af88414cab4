/**
 * The runnable server: command line ({@link org.passerelle.server.Main}), the data directory,
 * the self-signed certificate, and {@link org.passerelle.server.PasserelleServer}, the one place
 * that wires core, stores, modules and frontends together.
 */
package org.passerelle.server;
