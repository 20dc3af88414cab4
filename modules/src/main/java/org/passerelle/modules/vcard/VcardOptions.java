package org.passerelle.modules.vcard;

/** {@code modules.vcard}: {@code maxBytes} is the largest vCard accepted, as UTF-8 XML (default 64 KiB). */
public record VcardOptions(Integer maxBytes) {
    public VcardOptions {
        if (maxBytes == null) maxBytes = 64 * 1024;
        if (maxBytes < 1024 || maxBytes > 1024 * 1024) {
            throw new IllegalArgumentException("maxBytes must be between 1024 and 1048576, not " + maxBytes);
        }
    }
}
