/**
 * XEP-0313 message archive management for accounts and MUC rooms, with XEP-0359 stanza-ids,
 * XEP-0059 paging and XEP-0441 preferences.
 *
 * <p><b>Archiving.</b> A chat or normal message with a body (or an encrypted payload, or a
 * {@code <store/>} hint; see {@link org.passerelle.modules.mam.Archivable}) is archived twice:
 * in the sender's archive when a local client sends it (inbound interceptor), and in the
 * recipient's when it is routed to a local account, from anywhere (local interceptor), whether
 * the recipient is online or not. The recipient's copy gets a {@code <stanza-id by='account'/>}
 * with its archive id, which the delivered (or offline-stored) message carries; stanza-ids in
 * the recipient's name that arrive with a message are removed first. A message to oneself is
 * archived once. Each owner's preferences decide ({@code default} always, roster or never, and
 * always / never lists).
 *
 * <p><b>Queries</b> are answered by {@link org.passerelle.modules.mam.ArchiveQueries}, which takes
 * the archive's owner JID and the query IQ. Results are routed as messages, then the IQ result
 * with {@code <fin/>}.
 *
 * <p><b>Rooms.</b> {@link org.passerelle.modules.mam.RoomArchive} keeps each XEP-0045 room's
 * archive through core events only (the MUC module's classes are never used):
 * {@code GroupchatMessage} archives and stamps each message, {@code RoomIqRequest} brings the
 * queries the room let through, {@code RoomDestroyed} deletes the archive. The module declares
 * its room features, which rooms advertise while they archive.
 *
 * <p><b>Retention</b> runs on the scheduler, on a worker: by age and by count per archive. An
 * account's archive and preferences go with the account.
 */
package org.passerelle.modules.mam;
