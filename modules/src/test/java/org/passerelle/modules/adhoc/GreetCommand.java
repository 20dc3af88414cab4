package org.passerelle.modules.adhoc;

import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.Jid;
import org.passerelle.core.module.Module;
import org.passerelle.core.module.ModuleContext;
import org.passerelle.core.stanza.StanzaException;
import org.passerelle.modules.forms.DataForm;
import org.passerelle.modules.forms.Field;

/** A two-stage command for tests: asks a name, then a greeting, then answers both. Mallory may not run it. */
final class GreetCommand implements AdhocCommand {
    static final String NODE = "urn:test#greet";

    @Override public String node() { return NODE; }

    @Override public String name() { return "Greet"; }

    @Override
    public boolean allowed(Jid requester, DomainBareJid domain) {
        return !requester.toString().startsWith("mallory@");
    }

    @Override
    public Step execute(CommandRequest request) throws StanzaException {
        return switch (request.stage()) {
            case 0 -> Step.next(DataForm.form("urn:test", "Name", null, Field.textSingle("name", "Your name").asRequired()));
            case 1 -> {
                if (request.form().value("name") == null) throw new StanzaException("bad-request", "name is required");
                yield Step.last(DataForm.form("urn:test", "Greeting", null, Field.textSingle("greeting", "Greeting")));
            }
            default -> Step.completed(DataForm.result("urn:test", null,
                    Field.textSingle("text", null).withValue(request.form().value("greeting") + " " + request.forms().get(0).value("name"))),
                    Step.Note.info("greeted"));
        };
    }

    /** A module that offers this command. */
    static Module module() {
        return new Module() {
            @Override public String name() { return "greet"; }

            @Override public void start(ModuleContext ctx) { ctx.discoNode(NODE, new GreetCommand()); }
        };
    }
}
