package org.passerelle.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/** The data directory: database, certificate, and the first admin's password file. */
public record DataDirectory(Path root) {
    /** Opens the directory, creating it readable by its owner only (it holds credentials and keys). */
    public static DataDirectory open(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            try {
                Files.createDirectories(root, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (UnsupportedOperationException e) {
                Files.createDirectories(root);
            }
        }
        return new DataDirectory(root.toAbsolutePath().normalize());
    }

    public Path certificate() { return root.resolve("tls-cert.pem"); }

    public Path privateKey() { return root.resolve("tls-key.pem"); }

    public Path adminPassword() { return root.resolve("admin-password"); }

    /** Writes a file only its owner can read (mode 0600 where the file system has modes). */
    static void writePrivate(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.writeString(file, content, StandardOpenOption.TRUNCATE_EXISTING);
    }
}
