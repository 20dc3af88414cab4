package org.passerelle.core.event;

/**
 * Published by a module that keeps public places (the nearby module) when it starts: every
 * publisher announces its places again with {@link PublicPlaceListed}, so the order in which the
 * modules start does not matter.
 */
public record PublicPlacesWanted() {
}
