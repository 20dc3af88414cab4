package org.passerelle.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The whole configuration file. Every section is optional; the defaults give a server for
 * {@code localhost} on SQLite with TLS required. See docs/CONFIGURATION.md.
 *
 * @param domains         hosted domains (virtual hosts)
 * @param listeners       client ports
 * @param tls             certificate and policy
 * @param storage         SQLite or PostgreSQL
 * @param limits          per-client bounds and rate limits
 * @param auth            SCRAM settings
 * @param streamManagement XEP-0198 resumption
 * @param bosh            XMPP over BOSH on the web listeners
 * @param disabledModules names of modules not to start
 * @param modules         per-module options, by module name
 * @param web             the web client, admin API, console and /metrics on the web listeners
 */
public record ServerConfig(List<DomainConfig> domains, ListenersConfig listeners, TlsConfig tls,
                           StorageConfig storage, LimitsConfig limits, AuthConfig auth,
                           StreamManagementConfig streamManagement, BoshConfig bosh, Set<String> disabledModules,
                           Map<String, JsonNode> modules, WebConfig web) {
    public ServerConfig {
        domains = domains == null || domains.isEmpty() ? List.of(new DomainConfig("localhost", null)) : List.copyOf(domains);
        listeners = Checks.orDefault(listeners, ListenersConfig.defaults());
        tls = Checks.orDefault(tls, TlsConfig.defaults());
        storage = Checks.orDefault(storage, StorageConfig.defaults());
        limits = Checks.orDefault(limits, LimitsConfig.defaults());
        auth = Checks.orDefault(auth, AuthConfig.defaults());
        streamManagement = Checks.orDefault(streamManagement, StreamManagementConfig.defaults());
        bosh = Checks.orDefault(bosh, BoshConfig.defaults());
        disabledModules = disabledModules == null ? Set.of() : Set.copyOf(disabledModules);
        modules = modules == null ? Map.of() : Map.copyOf(modules);
        web = Checks.orDefault(web, WebConfig.defaults());
    }

    public static ServerConfig defaults() {
        return new ServerConfig(null, null, null, null, null, null, null, null, null, null, null);
    }

    public DomainConfig domain(String name) {
        for (DomainConfig d : domains) if (d.name().equals(name)) return d;
        return null;
    }

    public ServerConfig withListeners(ListenersConfig l) {
        return new ServerConfig(domains, l, tls, storage, limits, auth, streamManagement, bosh, disabledModules, modules, web);
    }

    public ServerConfig withStorage(StorageConfig s) {
        return new ServerConfig(domains, listeners, tls, s, limits, auth, streamManagement, bosh, disabledModules, modules, web);
    }

    public ServerConfig withDomains(List<DomainConfig> d) {
        return new ServerConfig(d, listeners, tls, storage, limits, auth, streamManagement, bosh, disabledModules, modules, web);
    }

    public ServerConfig withLimits(LimitsConfig l) {
        return new ServerConfig(domains, listeners, tls, storage, l, auth, streamManagement, bosh, disabledModules, modules, web);
    }

    public ServerConfig withWeb(WebConfig w) {
        return new ServerConfig(domains, listeners, tls, storage, limits, auth, streamManagement, bosh, disabledModules, modules, w);
    }

    public ServerConfig withStreamManagement(StreamManagementConfig s) {
        return new ServerConfig(domains, listeners, tls, storage, limits, auth, s, bosh, disabledModules, modules, web);
    }
}
