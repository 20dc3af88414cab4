package org.passerelle.modules.upload;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where uploaded bytes live, keyed by slot id (never by the client's file name). {@link DiskFileStorage}
 * keeps them under the data directory; an object store could implement the same calls
 * (its {@link #file} would be a local cache, or downloads would redirect to it).
 */
interface FileStorage {
    /** Where the web listener writes a PUT's body while it arrives: on the storage's file system, so {@link #store} is a rename. */
    Path incoming();

    /** Stores a file written in {@link #incoming} under the key, by moving it; readers see the whole file or nothing. Replaces an older one. */
    void store(String key, Path part) throws IOException;

    /** The stored file, to stream to a client; null when there is none. */
    Path file(String key);

    /** Deletes the file if it exists; returns whether it did. */
    boolean delete(String key) throws IOException;
}
