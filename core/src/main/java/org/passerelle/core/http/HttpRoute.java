package org.passerelle.core.http;

import java.nio.file.Path;

/**
 * Answers the HTTP requests under one mounted prefix. Called on a worker (virtual) thread, one
 * request at a time per connection, so it may block on stores or files.
 */
@FunctionalInterface
public interface HttpRoute {
    HttpAnswer handle(HttpCall call) throws Exception;

    /**
     * Where the frontend writes request bodies as they arrive, for routes that take large ones
     * (uploads): the route gets the body as {@link HttpCall#bodyFile()}, never in memory, and a
     * body without {@code Content-Length} is refused (411). Null (the default): bodies are read
     * into {@link HttpCall#body()}. Files the route leaves there are deleted after it returns, so
     * it keeps a body by moving it; on the same file system that is a rename.
     */
    default Path bodyDirectory() {
        return null;
    }

    /**
     * For a route with a {@link #bodyDirectory()}: called on a worker with a request's head (no body
     * yet) before its body is read. An answer refuses the request there, and its body is dropped
     * unwritten (e.g. a wrong token for an upload of a gigabyte); null lets the body be written and
     * {@link #handle} called with it. Everything passes by default. A refusal is answered from memory,
     * never as an {@link HttpAnswer#file}.
     */
    default HttpAnswer beforeBody(HttpCall head) throws Exception {
        return null;
    }
}
