package org.passerelle.core.module;

/** A XEP-0030 item of a hosted domain (a component or service address); {@code node} and {@code name} are optional. */
public record DiscoItem(String jid, String node, String name) {
}
