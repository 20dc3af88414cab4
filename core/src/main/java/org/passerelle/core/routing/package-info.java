/**
 * Routing: the one place that decides where a stanza goes.
 *
 * <pre>
 *  client stanza ─▶ ClientStanzas: parse, check/stamp 'from', default 'to', inbound interceptors
 *                        │
 *                        ▼
 *                     Router.route(stanza)
 *        ┌───────────────┼──────────────────┬──────────────────────┬──────────────────┐
 *   to a registered   to a domain we      to a hosted domain     to a local bare JID   to a local full JID
 *   component/gateway don't host          (or presence with      (ACCOUNT)             (RESOURCE)
 *   domain            ─▶ remote route      no 'to') (SERVER)
 *        │            (bounce until s2s)        │                      │                     │
 *        ▼                                 IQ ─▶ IqDispatcher by payload namespace (SERVER / ACCOUNT)
 *   its handler                            message/presence ─▶ Hooks handlers in priority order,
 *                                          then the default: deliver to the session / bounce / drop
 * </pre>
 *
 * Policy (RFC 6121 §8 delivery, presence broadcast, offline fallback) lives in modules that
 * register {@link org.passerelle.core.routing.StanzaHandler}s; the router only dispatches.
 */
package org.passerelle.core.routing;
