/**
 * XEP-0202 entity time of the server: UTC now and the offset of the server clock's time zone.
 * Queries to full JIDs go to clients.
 */
package org.passerelle.modules.time;
