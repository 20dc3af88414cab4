/**
 * The server's features, one package each, each readable on its own. Every package has one entry
 * class implementing {@link org.passerelle.core.module.Module}, listed in
 * {@code META-INF/services/org.passerelle.core.module.Module}.
 */
package org.passerelle.modules;
