package org.passerelle.core.module;

import java.util.function.Supplier;
import org.passerelle.xml.Element;

/**
 * An element a module adds to {@code <stream:features/>}: before authentication (e.g. in-band
 * registration) or after it (e.g. roster versioning, client state indication, entity caps).
 * The supplier is asked each time features are sent, so it can reflect the current state.
 */
public record StreamFeature(boolean beforeAuth, Supplier<Element> element) {
}
