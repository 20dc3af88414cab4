package org.passerelle.core.event;

import java.time.Instant;

/**
 * Someone failed to authenticate: over SASL on a client stream, or to the admin API or console.
 * For operators (the console lists the recent ones); rate limits are applied where it happens.
 *
 * @param user      the account the client claimed, as it wrote it (null when it named none)
 * @param address   where the client connects from
 * @param mechanism the SASL mechanism or HTTP scheme ({@code PLAIN}, {@code basic}); "none" when unknown
 * @param reason    the failure condition ({@code not-authorized}, ...)
 */
public record AuthFailed(Instant time, String user, String address, String mechanism, String reason) {
}
