package org.passerelle.modules.pep;

import java.util.ArrayList;
import java.util.List;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.store.PubsubAccess;
import org.passerelle.core.store.PubsubNode;
import org.passerelle.modules.forms.DataForm;
import org.passerelle.modules.forms.Field;
import org.passerelle.xml.Element;

/**
 * The node configuration fields this service supports (XEP-0060 §16.4.4), read from a
 * configure or publish-options form and written into the configure form. Publish-options are
 * strict (XEP-0060 §7.1.5: unknown fields are refused); a configure form may carry fields a
 * client copied from elsewhere, which are ignored.
 */
final class NodeForms {
    static final String ACCESS = "pubsub#access_model";
    static final String MAX_ITEMS = "pubsub#max_items";
    static final String PERSIST = "pubsub#persist_items";
    static final String SEND_LAST = "pubsub#send_last_published_item";
    static final String GROUPS = "pubsub#roster_groups_allowed";
    private static final List<String> SEND_LAST_VALUES = List.of("never", "on_sub", "on_sub_and_presence");

    private final int maxItems;

    NodeForms(int maxItems) {
        this.maxItems = maxItems;
    }

    /** XEP-0163 §4.3 defaults: presence access, one item, kept, sent on presence. */
    PubsubNode defaults(EntityBareJid owner, String name) {
        return new PubsubNode(owner, name, PubsubAccess.PRESENCE, 1, true, "on_sub_and_presence", List.of());
    }

    /** The node with the form's values applied; {@code not-acceptable} for a value out of range. */
    PubsubNode apply(PubsubNode node, DataForm form) throws PubsubException {
        return apply(node, form, false);
    }

    /** Publish-options on an existing node: every field must already hold (§7.1.5). */
    void checkPreconditions(PubsubNode node, DataForm form) throws PubsubException {
        PubsubNode wanted;
        try {
            wanted = apply(node, form, true);
        } catch (PubsubException e) {
            throw preconditionNotMet(e.getMessage());
        }
        if (!wanted.equals(node)) throw preconditionNotMet("the node's configuration differs from the publish-options");
    }

    /** Publish-options creating a node: unknown fields are refused as unmet preconditions. */
    PubsubNode applyStrict(PubsubNode node, DataForm form) throws PubsubException {
        try {
            return apply(node, form, true);
        } catch (PubsubException e) {
            throw preconditionNotMet(e.getMessage());
        }
    }

    private PubsubNode apply(PubsubNode node, DataForm form, boolean strict) throws PubsubException {
        PubsubAccess access = node.access();
        int max = node.maxItems();
        boolean persist = node.persistItems();
        String sendLast = node.sendLast();
        List<String> groups = node.rosterGroups();
        for (Field f : form.fields()) {
            String var = f.var();
            String v = f.value();
            if (var == null || "FORM_TYPE".equals(var)) continue;
            switch (var) {
                case ACCESS -> {
                    access = PubsubAccess.of(v);
                    if (access == null) throw notAcceptable("unsupported access model " + v);
                }
                case MAX_ITEMS -> max = maxItems(v);
                case PERSIST -> persist = bool(var, v);
                case SEND_LAST -> {
                    if (!SEND_LAST_VALUES.contains(v)) throw notAcceptable("unsupported " + SEND_LAST + " " + v);
                    sendLast = v;
                }
                case GROUPS -> groups = f.values();
                default -> {
                    if (strict) throw notAcceptable("unsupported option " + var);
                }
            }
        }
        return node.withConfig(access, max, persist, sendLast, groups);
    }

    private int maxItems(String v) throws PubsubException {
        if ("max".equals(v)) return maxItems;
        try {
            int n = Integer.parseInt(v == null ? "" : v.trim());
            if (n >= 1 && n <= maxItems) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw notAcceptable(MAX_ITEMS + " must be 'max' or between 1 and " + maxItems);
    }

    private static boolean bool(String var, String v) throws PubsubException {
        if ("1".equals(v) || "true".equals(v)) return true;
        if ("0".equals(v) || "false".equals(v)) return false;
        throw notAcceptable(var + " must be a boolean");
    }

    /** The configure form (§8.2.1) with the node's current values. */
    Element form(PubsubNode node) {
        List<Field.Option> models = new ArrayList<>();
        for (PubsubAccess a : PubsubAccess.values()) models.add(new Field.Option(null, a.value()));
        List<Field.Option> sendLast = SEND_LAST_VALUES.stream().map(s -> new Field.Option(null, s)).toList();
        return DataForm.form(Pubsub.NODE_CONFIG, null, null,
                Field.listSingle(ACCESS, "Who may subscribe and retrieve items", models).withValue(node.access().value()),
                Field.textSingle(MAX_ITEMS, "Max number of items to keep").withValue(Integer.toString(node.maxItems())),
                Field.of("boolean", PERSIST, "Keep items").withValue(node.persistItems() ? "1" : "0"),
                Field.listSingle(SEND_LAST, "When to send the last published item", sendLast).withValue(node.sendLast()),
                Field.of("list-multi", GROUPS, "Roster groups allowed (roster access)").withValues(node.rosterGroups()))
                .toElement();
    }

    private static PubsubException notAcceptable(String text) {
        return new PubsubException("not-acceptable", null, text);
    }

    private static PubsubException preconditionNotMet(String text) {
        return new PubsubException("conflict", "precondition-not-met", text);
    }
}
