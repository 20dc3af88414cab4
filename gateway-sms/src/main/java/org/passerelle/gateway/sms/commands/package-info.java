/** The commands a linked phone sends by SMS, parsed from the text; carried out by the gateway. */
package org.passerelle.gateway.sms.commands;
