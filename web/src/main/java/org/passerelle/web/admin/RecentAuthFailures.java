package org.passerelle.web.admin;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.passerelle.core.event.AuthFailed;

/** The last failed logins (XMPP and admin), newest first, for the console's dashboard; bounded. */
final class RecentAuthFailures {
    static final int KEPT = 100;

    private final ArrayDeque<AuthFailed> failures = new ArrayDeque<>();

    synchronized void add(AuthFailed f) {
        if (failures.size() == KEPT) failures.removeLast();
        failures.addFirst(f);
    }

    synchronized List<AuthFailed> list() {
        return new ArrayList<>(failures);
    }
}
