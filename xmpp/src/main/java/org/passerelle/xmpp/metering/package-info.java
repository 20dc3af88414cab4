/**
 * Data volume per connection, for billing (docs/CHARGING.md, channel {@code data}): {@link
 * org.passerelle.xmpp.metering.DataMeter} counts the bytes one connection reads and writes and
 * reports them for its authenticated user; {@link org.passerelle.xmpp.metering.ByteCounter} feeds
 * it the raw socket bytes from the front of a Netty pipeline. Nothing is counted when the tariff
 * bills no {@code data}.
 */
package org.passerelle.xmpp.metering;
