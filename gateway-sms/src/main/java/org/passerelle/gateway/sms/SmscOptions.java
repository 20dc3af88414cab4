package org.passerelle.gateway.sms;

import java.util.List;
import java.util.function.Function;
import org.passerelle.gateway.sms.smpp.Pem;

/**
 * One SMSC under {@code modules.sms.smscs}: where to bind (transceiver) and as whom, and the
 * number prefixes it serves ({@code ["+33", "+44"]}; empty: every number not served by a longer
 * prefix). {@code sourceAddress} and {@code window}, when set, replace the gateway-wide ones for
 * this SMSC. With {@code tls}, the bind goes over TLS (1.2 or later) and the SMSC's certificate must
 * name {@code host} and chain to {@code trustedCertificates} (a PEM file) or, without it, to the
 * JDK's trust store; {@code clientCertificate} (PEM chain) and {@code clientKey} (unencrypted
 * PKCS#8 PEM) go together, for SMSCs that ask for a client certificate. The PEM files are read
 * here so that a bad one stops the start with its key.
 */
public record SmscOptions(String name, String host, Integer port, String systemId, String password, String systemType,
                          List<String> prefixes, String sourceAddress, Integer window, Boolean tls, String trustedCertificates,
                          String clientCertificate, String clientKey) {
    public SmscOptions {
        if (host == null || host.isBlank()) throw new IllegalArgumentException("an SMSC needs a host");
        if (port == null) port = 2775;
        if (name == null) name = host + ":" + port;
        if (systemId == null || systemId.isEmpty() || systemId.length() > 15) {
            throw new IllegalArgumentException("SMSC " + name + ": systemId must be 1 to 15 characters");
        }
        if (password == null) password = "";
        if (password.length() > 8) throw new IllegalArgumentException("SMSC " + name + ": password must be at most 8 characters (SMPP 3.4)");
        if (systemType == null) systemType = "";
        prefixes = prefixes == null ? List.of() : List.copyOf(prefixes);
        for (String p : prefixes) {
            if (!p.matches("\\+[0-9]{1,14}")) throw new IllegalArgumentException("SMSC " + name + ": prefix must be + and digits, not " + p);
        }
        if (window != null && (window < 1 || window > 1000)) {
            throw new IllegalArgumentException("SMSC " + name + ": window must be between 1 and 1000");
        }
        if (port < 1 || port > 65535) throw new IllegalArgumentException("SMSC " + name + ": port out of range");
        if (tls == null) tls = false;
        if ((clientCertificate == null) != (clientKey == null)) {
            throw new IllegalArgumentException("SMSC " + name + ": clientCertificate and clientKey go together");
        }
        pem(name, tls, "trustedCertificates", trustedCertificates, Pem::certificates);
        pem(name, tls, "clientCertificate", clientCertificate, Pem::certificates);
        pem(name, tls, "clientKey", clientKey, Pem::privateKey);
    }

    private static void pem(String name, boolean tls, String key, String file, Function<String, ?> parse) {
        if (file == null) return;
        if (!tls) throw new IllegalArgumentException("SMSC " + name + ": " + key + " needs tls: true");
        try {
            parse.apply(file);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("SMSC " + name + ": " + key + " " + e.getMessage(), e);
        }
    }
}
