/**
 * E-mail forwarding and replies. {@link org.passerelle.gateway.mail.MailModule} lets a user opt in
 * with a verified address (an ad-hoc command), collects the messages that reach the user while
 * offline and sends them in one mail per batch through an SMTP relay; each mail carries reply
 * addresses with an unguessable token per conversation, and an embedded SMTP receiver turns the
 * replies into chat messages from the user. See docs/MAIL.md.
 */
package org.passerelle.gateway.mail;
