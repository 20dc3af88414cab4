/**
 * Store interfaces, one per concept. The SQL backend (module {@code store-sql}) implements them
 * for SQLite and PostgreSQL. Calls block: make them from worker threads only.
 */
package org.passerelle.core.store;
