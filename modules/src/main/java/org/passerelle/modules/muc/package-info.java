/**
 * XEP-0045 multi-user chat: a service at {@code conference.<domain>} for each hosted domain.
 *
 * <p>{@link org.passerelle.modules.muc.MucModule} registers the services;
 * {@link org.passerelle.modules.muc.MucService} takes every stanza sent to one service and hands it
 * to the right {@link org.passerelle.modules.muc.Room}. A room's state (configuration,
 * affiliations, occupants, history) is guarded by the room's own lock: a stanza is handled and its
 * broadcast routed while the lock is held, so every occupant sees the room's events in one order.
 * The work is split by concern: {@link org.passerelle.modules.muc.Joining} (enter, leave, nick
 * change), {@link org.passerelle.modules.muc.RoomMessages} (groupchat, subject, private messages,
 * invitations), {@link org.passerelle.modules.muc.RoomAdmin} (roles and affiliations),
 * {@link org.passerelle.modules.muc.RoomOwner} (configuration, destruction),
 * {@link org.passerelle.modules.muc.NickRegistration}, {@link org.passerelle.modules.muc.VoiceRequests}
 * and {@link org.passerelle.modules.muc.RoomDisco}. An archive module hooks in through the core
 * events {@link org.passerelle.core.event.GroupchatMessage},
 * {@link org.passerelle.core.event.RoomIqRequest} and {@link org.passerelle.core.event.RoomDestroyed},
 * and the room features it declares ({@link org.passerelle.core.module.Features#room()}), which
 * rooms list in disco#info and which show the archiving switch in the configuration form.
 * {@link org.passerelle.modules.muc.RoomPlaces} offers public rooms with a location to location
 * searches through {@link org.passerelle.core.event.PublicPlaceListed} and its siblings. Persistent rooms live in the core's
 * {@link org.passerelle.core.store.RoomStore}; occupants are only in memory.
 */
package org.passerelle.modules.muc;
