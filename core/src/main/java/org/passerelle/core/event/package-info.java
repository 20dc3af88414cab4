/**
 * Events between the core and modules: typed records published on an {@link
 * org.passerelle.core.event.EventBus}, handled in priority order. A listener that returns true
 * consumes the event (used for "who takes this undeliverable message").
 */
package org.passerelle.core.event;
