/**
 * The operator's HTTP side: the admin REST API at {@code /api/v1} (users, sessions, rooms,
 * announcements, statistics, API tokens; described by {@code openapi.json}), the web console at
 * {@code /admin}, and {@code /metrics} in the Prometheus format. {@link org.passerelle.web.admin.Admin}
 * mounts them on the server's {@link org.passerelle.core.http.HttpRoutes}; every request runs on a
 * worker thread. Authentication and CSRF rules are in {@link org.passerelle.web.admin.AdminAuth};
 * see docs/ADMIN.md.
 */
package org.passerelle.web.admin;
