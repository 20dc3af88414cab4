package org.passerelle.modules.presence;

/**
 * Options under {@code modules.presence}.
 *
 * @param preApproval accept subscription pre-approvals (RFC 6121 §3.4) and advertise the stream feature
 */
public record PresenceOptions(Boolean preApproval) {
    public PresenceOptions {
        preApproval = preApproval == null || preApproval;
    }
}
