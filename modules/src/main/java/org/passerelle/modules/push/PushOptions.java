package org.passerelle.modules.push;

/**
 * {@code modules.push}; every key is optional.
 *
 * @param enabled                    answer enable/disable and send notifications (default true)
 * @param maxRegistrationsPerAccount app server registrations an account may keep, over all its devices (default 10)
 * @param minIntervalSeconds         at most one notification per registration in this many seconds; messages
 *                                   meanwhile are counted into one later notification; 0 sends each (default 10)
 * @param includeBodyAllowed         whether a client may ask for the message text in its notifications with the
 *                                   {@code include-body} field; false never sends text (default true)
 * @param timeoutSeconds             how long an app server has to answer a notification before it counts as lost
 *                                   (the registration is kept) (default 30)
 */
public record PushOptions(Boolean enabled, Integer maxRegistrationsPerAccount, Integer minIntervalSeconds,
                          Boolean includeBodyAllowed, Integer timeoutSeconds) {
    public PushOptions {
        if (enabled == null) enabled = true;
        if (maxRegistrationsPerAccount == null) maxRegistrationsPerAccount = 10;
        if (minIntervalSeconds == null) minIntervalSeconds = 10;
        if (includeBodyAllowed == null) includeBodyAllowed = true;
        if (timeoutSeconds == null) timeoutSeconds = 30;
        if (maxRegistrationsPerAccount < 1 || maxRegistrationsPerAccount > 1000) {
            throw new IllegalArgumentException("maxRegistrationsPerAccount must be between 1 and 1000");
        }
        if (minIntervalSeconds < 0 || minIntervalSeconds > 86_400) throw new IllegalArgumentException("minIntervalSeconds must be between 0 and 86400");
        if (timeoutSeconds < 1 || timeoutSeconds > 600) throw new IllegalArgumentException("timeoutSeconds must be between 1 and 600");
    }
}
