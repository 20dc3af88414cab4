package org.passerelle.core.module;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.passerelle.core.config.ConfigException;
import org.passerelle.core.config.ConfigLoader;
import org.passerelle.core.event.EventListener;
import org.passerelle.core.routing.DeliveryInterceptor;
import org.passerelle.core.routing.Destination;
import org.passerelle.core.routing.InboundInterceptor;
import org.passerelle.core.routing.IqHandler;
import org.passerelle.core.routing.LocalInterceptor;
import org.passerelle.core.routing.StanzaHandler;
import org.passerelle.core.session.Session;
import org.passerelle.core.stanza.StanzaKind;
import org.passerelle.xml.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Finds modules with {@link ServiceLoader}, starts those not disabled, and stops them in reverse. */
public final class ModuleLoader implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ModuleLoader.class);

    private final ServerContext server;
    private final List<Context> started = new ArrayList<>();

    public ModuleLoader(ServerContext server) {
        this.server = server;
    }

    /** Starts every module found on the class path, except those disabled in the config. */
    public List<String> startAll() {
        List<Module> modules = new ArrayList<>();
        ServiceLoader.load(Module.class).forEach(modules::add);
        modules.sort(Comparator.comparing(Module::name));
        for (String disabled : server.config().disabledModules()) {
            if (modules.stream().noneMatch(m -> m.name().equals(disabled))) {
                throw new ConfigException("disabledModules: no module named '" + disabled + "'");
            }
        }
        for (String configured : server.config().modules().keySet()) {
            if (modules.stream().noneMatch(m -> m.name().equals(configured))) {
                throw new ConfigException("modules." + configured + ": no module by that name");
            }
        }
        List<String> names = new ArrayList<>();
        for (Module m : modules) {
            if (server.config().disabledModules().contains(m.name())) continue;
            start(m);
            names.add(m.name());
        }
        return names;
    }

    /** Starts one module (tests start exactly the modules they need). */
    public void start(Module module) {
        Context ctx = new Context(module);
        try {
            module.start(ctx);
        } catch (ConfigException e) {
            ctx.stop();
            throw e;
        } catch (Exception e) {
            ctx.stop();
            throw new IllegalStateException("module " + module.name() + " failed to start", e);
        }
        for (Implements spec : module.getClass().getAnnotationsByType(Implements.class)) server.features().add(spec);
        started.add(ctx);
        LOG.debug("module {} started", module.name());
    }

    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) started.get(i).stop();
        started.clear();
    }

    private final class Context implements ModuleContext {
        private final Module module;
        private final List<Runnable> undo = new ArrayList<>();

        Context(Module module) {
            this.module = module;
        }

        @Override public ServerContext server() { return server; }

        @Override
        public <T> T options(Class<T> type) {
            return ConfigLoader.moduleOptions(server.config(), module.name(), type);
        }

        @Override
        public void iq(Destination destination, String namespace, IqHandler handler) {
            undo.add(server.iqs().register(destination, namespace, handler));
        }

        @Override
        public void handle(Destination destination, StanzaKind kind, int priority, StanzaHandler handler) {
            undo.add(server.hooks().handle(destination, kind, priority, handler));
        }

        @Override
        public void inbound(int priority, InboundInterceptor interceptor) {
            undo.add(server.hooks().inbound(priority, interceptor));
        }

        @Override
        public void delivery(int priority, DeliveryInterceptor interceptor) {
            undo.add(server.hooks().delivery(priority, interceptor));
        }

        @Override
        public void local(int priority, LocalInterceptor interceptor) {
            undo.add(server.hooks().local(priority, interceptor));
        }

        @Override
        public <E> void on(Class<E> event, int priority, EventListener<? super E> listener) {
            undo.add(server.events().on(event, priority, listener));
        }

        @Override public void feature(String var) { server.features().addServer(var); }

        @Override public void identity(String category, String type, String name) {
            server.features().addIdentity(new Identity(category, type, name));
        }

        @Override public void onStop(Runnable action) { undo.add(action); }

        @Override
        public void http(String prefix, int maxBodyBytes, org.passerelle.core.http.HttpRoute route) {
            undo.add(server.http().mount(prefix, maxBodyBytes, route));
        }

        @Override public void streamFeature(StreamFeature feature) { server.features().addStreamFeature(feature); }

        @Override
        public void preAuthIq(String namespace, org.passerelle.core.routing.PreAuthIqHandler handler) {
            server.features().addPreAuthIq(namespace, handler);
            undo.add(() -> server.features().removePreAuthIq(namespace));
        }

        @Override
        public void discoNode(String node, DiscoNode handler) {
            undo.add(server.features().discoNodes().add(node, handler));
        }

        @Override
        public void discoItem(DiscoItem item) {
            server.features().addItem(item);
            undo.add(() -> server.features().removeItem(item));
        }

        @Override
        public void discoForm(Element form) {
            server.features().addForm(form);
            undo.add(() -> server.features().removeForm(form));
        }

        @Override
        public void infoNode(Supplier<String> node) {
            server.features().addInfoNode(node);
            undo.add(() -> server.features().removeInfoNode(node));
        }

        @Override
        public void streamElement(String namespace, BiConsumer<Session, Element> handler) {
            server.features().addStreamElement(namespace, handler);
            undo.add(() -> server.features().removeStreamElement(namespace));
        }

        void stop() {
            for (int i = undo.size() - 1; i >= 0; i--) {
                try {
                    undo.get(i).run();
                } catch (RuntimeException e) {
                    LOG.warn("stopping module {}", module.name(), e);
                }
            }
            undo.clear();
        }
    }
}
