package org.passerelle.core.http;

/**
 * Answers the HTTP requests under one mounted prefix. Called on a worker (virtual) thread, one
 * request at a time per connection, so it may block on stores or files.
 */
@FunctionalInterface
public interface HttpRoute {
    HttpAnswer handle(HttpCall call) throws Exception;
}
