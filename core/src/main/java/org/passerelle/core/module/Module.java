package org.passerelle.core.module;

/** One feature of the server. Implementations are listed in META-INF/services. */
public interface Module {
    /** Short name: the key of its options under {@code modules:} and of {@code disabledModules}. */
    String name();

    /** Registers hooks, handlers and listeners. Runs once, before any client connects. */
    void start(ModuleContext context) throws Exception;
}
