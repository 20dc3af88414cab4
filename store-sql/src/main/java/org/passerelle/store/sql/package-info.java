/**
 * The store interfaces over JDBC, for SQLite (embedded, the default) and PostgreSQL, with one set
 * of Flyway migrations. Open them with {@link org.passerelle.store.sql.SqlStores#open}.
 */
package org.passerelle.store.sql;
