package org.passerelle.modules.adhoc;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jxmpp.jid.DomainBareJid;
import org.passerelle.core.module.DiscoNodes;
import org.passerelle.core.stanza.Namespaces;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.stanza.StanzaException;
import org.passerelle.modules.forms.DataForm;
import org.passerelle.xml.Element;

/**
 * Answers {@code <command/>} requests (XEP-0050 §2.4): starts a session, moves it on with each
 * submitted form ({@code execute}, {@code next}, {@code complete}), back ({@code prev}), or ends
 * it ({@code cancel}), checking at every stage that the requester may still run the command.
 */
final class CommandRunner {
    private static final Set<String> ACTIONS = Set.of("execute", "cancel", "prev", "next", "complete");

    private final DiscoNodes nodes;
    private final CommandSessions sessions;

    CommandRunner(DiscoNodes nodes, CommandSessions sessions) {
        this.nodes = nodes;
        this.sessions = sessions;
    }

    Stanza handle(Stanza iq) throws StanzaException {
        Element cmd = iq.element().child("command", AdhocModule.NS);
        if (!"set".equals(iq.type()) || cmd == null || iq.to() == null) throw new StanzaException("bad-request", "commands are run with an IQ set of <command/>");
        String node = cmd.attr("node");
        if (node == null) throw new StanzaException("bad-request", "no command node");
        DomainBareJid domain = iq.to().asDomainBareJid();
        if (!(nodes.get(node) instanceof AdhocCommand command)) throw new StanzaException("item-not-found", "no such command");
        if (!command.allowed(iq.from(), domain)) throw new StanzaException("forbidden", "not allowed to run this command");
        String action = cmd.attr("action") == null ? "execute" : cmd.attr("action");
        if (!ACTIONS.contains(action)) return error(iq, "bad-request", "unknown action", "malformed-action");

        String id = cmd.attr("sessionid");
        if (id == null) {
            if (!action.equals("execute")) return error(iq, "bad-request", "no session to " + action, "bad-action");
            return run(iq, command, sessions.newId(), List.of(), domain);
        }
        CommandSessions.Open open = sessions.get(id);
        if (open == null) return error(iq, "not-allowed", "the session has ended", "session-expired");
        if (!open.node().equals(node) || !open.requester().equals(iq.from())) {
            return error(iq, "bad-request", "not a session of this command and requester", "bad-sessionid");
        }
        switch (action) {
            case "cancel" -> {
                sessions.remove(id);
                return iq.result(command(node, id, "canceled").build());
            }
            case "prev" -> {
                if (open.forms().isEmpty()) return error(iq, "bad-request", "this is the first stage", "bad-action");
                return run(iq, command, id, open.forms().subList(0, open.forms().size() - 1), domain);
            }
            default -> {
                if (action.equals("next") && open.last() || action.equals("complete") && !open.last()) {
                    return error(iq, "bad-request", action + " is not offered at this stage", "bad-action");
                }
                // XEP-0050 §3.5.1: a form of type 'cancel' counts as submitted.
                DataForm form = DataForm.find(cmd);
                if (form == null) return error(iq, "bad-request", "the form is missing", "bad-payload");
                List<DataForm> forms = new ArrayList<>(open.forms());
                forms.add(form);
                return run(iq, command, id, forms, domain);
            }
        }
    }

    private Stanza run(Stanza iq, AdhocCommand command, String id, List<DataForm> forms, DomainBareJid domain) {
        Step step;
        try {
            step = command.execute(new CommandRequest(iq.from(), domain, forms));
        } catch (StanzaException e) {
            sessions.remove(id);
            return error(iq, e.condition(), e.getMessage(), e.condition().equals("bad-request") ? "bad-payload" : null);
        }
        return switch (step) {
            case Step.Executing x -> {
                sessions.put(id, command.node(), iq.from(), forms, x.last());
                String move = x.last() ? "complete" : "next";
                Element.Builder actions = Element.builder("actions", AdhocModule.NS).attr("execute", move);
                if (!forms.isEmpty()) actions.child(Element.of("prev", AdhocModule.NS));
                actions.child(Element.of(move, AdhocModule.NS));
                yield iq.result(command(command.node(), id, "executing").child(actions.build()).child(x.form().toElement()).build());
            }
            case Step.Completed done -> {
                sessions.remove(id);
                Element.Builder b = command(command.node(), id, "completed");
                for (Step.Note n : done.notes()) {
                    b.child(Element.builder("note", AdhocModule.NS).attr("type", n.type()).text(n.text()).build());
                }
                if (done.result() != null) b.child(done.result().toElement());
                yield iq.result(b.build());
            }
        };
    }

    private static Element.Builder command(String node, String id, String status) {
        return Element.builder("command", AdhocModule.NS).attr("node", node).attr("sessionid", id).attr("status", status);
    }

    /** An error reply with XEP-0050's specific condition (§4.4) after the RFC 6120 one. */
    private static Stanza error(Stanza iq, String condition, String text, String specific) {
        Stanza reply = iq.error(condition, text);
        if (specific == null) return reply;
        return reply.withElement(reply.element().mapElements(
                e -> e.is("error", Namespaces.CLIENT) ? e.withChild(Element.of(specific, AdhocModule.NS)) : e));
    }
}
