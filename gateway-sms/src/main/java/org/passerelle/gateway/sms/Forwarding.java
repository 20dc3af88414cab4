package org.passerelle.gateway.sms;

import org.passerelle.core.event.AppAway;
import org.passerelle.core.store.SmsLink;

/**
 * Sends a message to the user's phone as {@code [n] sender: text} when their apps are away and
 * their forwarding mode says so: {@code offline} when no client is connected, {@code away} also
 * when every app is asleep (detached). Consumes the event then, so push does not wake them too.
 */
final class Forwarding {
    static final String OFF = "off";
    static final String OFFLINE = "offline";
    static final String AWAY = "away";

    private final Gateway gateway;

    Forwarding(Gateway gateway) {
        this.gateway = gateway;
    }

    static boolean validMode(String mode) {
        return OFF.equals(mode) || OFFLINE.equals(mode) || AWAY.equals(mode);
    }

    boolean onAway(AppAway e) {
        SmsLink link = gateway.store.linkOf(e.account()).orElse(null);
        if (link == null || !wanted(link.forwarding(), e.offline())) return false;
        String body = e.message().element().childText("body", e.message().element().namespace());
        if (body == null || e.message().from() == null) return false;
        gateway.forward(link, e.message().from().asBareJid().toString(), body, e.message());
        return true;
    }

    static boolean wanted(String mode, boolean offline) {
        return switch (mode) {
            case OFFLINE -> offline;
            case AWAY -> true;
            default -> false;
        };
    }
}
