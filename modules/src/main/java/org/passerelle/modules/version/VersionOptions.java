package org.passerelle.modules.version;

/** {@code modules.version}: {@code os} tells the operating system in answers (default true). */
public record VersionOptions(Boolean os) {
    public VersionOptions {
        if (os == null) os = true;
    }
}
