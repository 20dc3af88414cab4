/**
 * SMPP 3.4 as an ESME with jSMPP: one kept-up transceiver bind per SMSC, routing by number
 * prefix, plain TCP or TLS, and the GSM 7-bit / UCS-2 encoding and concatenation of texts.
 */
package org.passerelle.gateway.sms.smpp;
