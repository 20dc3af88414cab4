/**
 * XEP-0092 software version of the server: name "Passerelle", the version from the jar manifest
 * ("dev" when running from classes), and the operating system unless {@code modules.version.os}
 * is false. Queries to full JIDs go to clients; those to bare JIDs are not answered.
 */
package org.passerelle.modules.version;
