package org.passerelle.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityBareJid;
import org.passerelle.core.store.KeyValueStore;

/** What every {@link KeyValueStore} must do; subclassed once per backend. */
abstract class KeyValueStoreContract extends StoresFixture {
    private static final String VCARD = "vcard-temp";
    private static final String PRIVATE = "jabber:iq:private";

    private KeyValueStore store() {
        return stores.keyValue();
    }

    @Test
    void putGetAndOverwrite() {
        EntityBareJid owner = newJid("alice");
        assertThat(store().get(owner, VCARD, "card")).isEmpty();
        store().put(owner, VCARD, "card", "<vCard/>");
        assertThat(store().get(owner, VCARD, "card")).contains("<vCard/>");
        store().put(owner, VCARD, "card", "<vCard><FN>Alice</FN></vCard>");
        assertThat(store().get(owner, VCARD, "card")).contains("<vCard><FN>Alice</FN></vCard>");
        assertThat(store().get(owner, PRIVATE, "card")).as("namespaces are separate").isEmpty();
        assertThat(store().get(newJid("bob"), VCARD, "card")).as("owners are separate").isEmpty();
    }

    @Test
    void deleteSaysWhetherThereWasSomething() {
        EntityBareJid owner = newJid("carol");
        store().put(owner, VCARD, "k", "v");
        assertThat(store().delete(owner, VCARD, "k")).isTrue();
        assertThat(store().delete(owner, VCARD, "k")).isFalse();
        assertThat(store().get(owner, VCARD, "k")).isEmpty();
    }

    @Test
    void allListsANamespaceInKeyOrder() {
        EntityBareJid owner = newJid("dave");
        store().put(owner, PRIVATE, "storage:bookmarks", "b");
        store().put(owner, PRIVATE, "storage:rosternotes", "r");
        store().put(owner, PRIVATE, "exodus:prefs", "e");
        store().put(owner, PRIVATE, "Zeta", "z");
        store().put(owner, VCARD, "card", "not listed");
        Map<String, String> all = store().all(owner, PRIVATE);
        assertThat(all.keySet()).containsExactly("Zeta", "exodus:prefs", "storage:bookmarks", "storage:rosternotes");
        assertThat(all).containsEntry("storage:bookmarks", "b");
        assertThat(store().all(owner, "empty:ns")).isEmpty();
    }

    @Test
    void deleteNamespaceAndDeleteAllKeepOthers() {
        EntityBareJid owner = newJid("erin");
        EntityBareJid other = newJid("frank");
        store().put(owner, VCARD, "card", "1");
        store().put(owner, PRIVATE, "a", "2");
        store().put(owner, PRIVATE, "b", "3");
        store().put(other, PRIVATE, "a", "4");
        store().deleteNamespace(owner, PRIVATE);
        assertThat(store().all(owner, PRIVATE)).isEmpty();
        assertThat(store().get(owner, VCARD, "card")).contains("1");
        assertThat(store().get(other, PRIVATE, "a")).contains("4");
        store().deleteAll(owner);
        assertThat(store().get(owner, VCARD, "card")).isEmpty();
        assertThat(store().get(other, PRIVATE, "a")).contains("4");
    }

    @Test
    void unicodeAndLargeValuesRoundTripExactly() {
        EntityBareJid owner = newJid("\u00e9lise");
        String key = "cl\u00e9 \uD83D\uDD11";
        String value = "\u4f60\u597d \u0645\u0631\u062d\u0628\u0627 \uD83D\uDE00 e\u0301 \r\n\t <&>\"' ".repeat(20_000);
        store().put(owner, "urn:\u00e9t\u00e9", key, value);
        assertThat(store().get(owner, "urn:\u00e9t\u00e9", key)).contains(value);
        assertThat(store().all(owner, "urn:\u00e9t\u00e9")).containsExactly(Map.entry(key, value));
    }

    @Test
    void valuesSurviveClosingAndReopening() {
        EntityBareJid owner = newJid("durable");
        store().put(owner, VCARD, "card", "kept");
        reopen();
        assertThat(store().get(owner, VCARD, "card")).contains("kept");
    }
}
