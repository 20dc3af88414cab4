/**
 * The module API. A module is one feature (one XEP, one policy) in one package with one entry
 * class implementing {@link org.passerelle.core.module.Module}, found through
 * {@link java.util.ServiceLoader}: adding a module never edits the core. It declares what it
 * implements with {@link org.passerelle.core.module.Implements}, from which disco features and the
 * feature list in the docs are made, and registers its hooks through the
 * {@link org.passerelle.core.module.ModuleContext}, which removes them again on stop.
 *
 * <p>Modules that own a disco node (the ad-hoc command list, each command) register a
 * {@link org.passerelle.core.module.DiscoNode}; the disco module answers node queries through
 * {@link org.passerelle.core.module.DiscoNodes}, so no module but disco handles the disco namespaces.
 */
package org.passerelle.core.module;
