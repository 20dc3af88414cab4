/**
 * XEP-0050 ad-hoc commands on the hosted domains. A module offers a command by implementing
 * {@link org.passerelle.modules.adhoc.AdhocCommand} and registering it as a disco node
 * ({@code ctx.discoNode(command.node(), command)}): each command is a node of the domain, as
 * XEP-0050 §2.2 has it. {@link org.passerelle.modules.adhoc.AdhocModule} lists the commands a
 * requester may run under the node {@code http://jabber.org/protocol/commands}, and runs them
 * stage by stage: it keeps the session (id, requester, forms submitted so far) and asks the
 * command for the next {@link org.passerelle.modules.adhoc.Step} with every form submitted, so
 * commands keep no state of their own and {@code prev} simply drops the last form.
 */
package org.passerelle.modules.adhoc;
