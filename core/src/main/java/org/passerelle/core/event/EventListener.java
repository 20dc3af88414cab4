package org.passerelle.core.event;

/** Reacts to one event type. Returning true stops the event from reaching later listeners. */
@FunctionalInterface
public interface EventListener<E> {
    boolean on(E event) throws Exception;
}
