/**
 * HTTP resources that modules serve through the web listeners (XEP-0363 uploads, the admin
 * API), without depending on Netty: a module mounts an {@link org.passerelle.core.http.HttpRoute}
 * under a path prefix in {@link org.passerelle.core.http.HttpRoutes}; the web frontend reads the
 * request, calls the route on a worker thread and writes its answer.
 */
package org.passerelle.core.http;
