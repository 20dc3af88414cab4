package org.passerelle.core.store;

import java.time.Instant;
import org.jxmpp.jid.EntityBareJid;

/**
 * One XEP-0363 upload slot and, once the file arrived, the file it names.
 *
 * @param id          the slot id in the URLs (unguessable, URL-safe)
 * @param owner       the account that asked for the slot
 * @param fileName    the sanitized name shown in the URLs (never a path on disk)
 * @param size        the exact size in bytes the slot accepts
 * @param contentType the type the client announced (application/octet-stream when it gave none)
 * @param tokenHash   SHA-256 of the PUT authorization token, base64 (the token itself is not kept)
 * @param created     when the slot was handed out
 * @param expires     for a pending slot, when it can no longer be used; for a stored file, when it
 *                    is deleted (null: never)
 * @param state       pending (slot handed out) or stored (file uploaded)
 */
public record StoredUpload(String id, EntityBareJid owner, String fileName, long size, String contentType, String tokenHash,
                           Instant created, Instant expires, State state) {
    public enum State { PENDING, STORED }

    public boolean expiredAt(Instant now) {
        return expires != null && !expires.isAfter(now);
    }
}
