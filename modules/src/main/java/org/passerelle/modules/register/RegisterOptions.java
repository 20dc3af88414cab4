package org.passerelle.modules.register;

/**
 * {@code modules.register} options. Whether new accounts may register is per domain
 * ({@code domains[].registration}); these apply to registered users.
 *
 * @param passwordChange users may change their password in-band (XEP-0077 §3.3)
 * @param cancel         users may remove their own account in-band (XEP-0077 §3.2)
 * @param instructions   the text shown above the registration fields
 */
public record RegisterOptions(Boolean passwordChange, Boolean cancel, String instructions) {
    public RegisterOptions {
        passwordChange = passwordChange == null || passwordChange;
        cancel = cancel == null || cancel;
        instructions = instructions == null || instructions.isBlank() ? "Choose a username and password to register with this server." : instructions;
    }
}
