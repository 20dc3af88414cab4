/**
 * Nearby, the study's geolocated discovery, as a component at {@code nearby.<domain>} for each
 * hosted domain. Users opt in with XEP-0077 registration and a form
 * ({@link org.passerelle.modules.nearby.OptInRegistration}: visibility contacts or public,
 * precision 0.01°, 0.1° or 1°), then search with XEP-0055 and a form
 * ({@link org.passerelle.modules.nearby.NearbySearch}) around the location they published with
 * XEP-0080 PEP (read from the pubsub store, not from the PEP module). Public rooms come in
 * through the core events {@code PublicPlaceListed} / {@code PublicPlaceUnlisted}
 * ({@link org.passerelle.modules.nearby.Places}), asked for again with {@code PublicPlacesWanted}
 * at start, so the MUC module lists rooms without depending on this package; a room that bans
 * the asker ({@code PlaceBanQuery}) or that the asker blocks is left out. See docs/NEARBY.md.
 */
package org.passerelle.modules.nearby;
