package org.passerelle.modules.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.jxmpp.jid.BareJid;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.store.RosterItem;
import org.passerelle.core.store.Subscription;

/** RFC 6121 Appendix A, state by state: "PO" is pending out (ask), "PI" pending in. */
class SubscriptionStatesTest {
    private static final BareJid CONTACT = Jids.of("contact@example.org").asBareJid();

    @ParameterizedTest(name = "A.2.1 outbound subscribe: {0} -> {1}")
    @CsvSource({"None, None+PO", "None+PO, None+PO", "None+PI, None+PO+PI", "None+PO+PI, None+PO+PI", "To, To",
            "To+PI, To+PI", "From, From+PO", "From+PO, From+PO", "Both, Both", "-, None+PO"})
    void outboundSubscribe(String from, String to) {
        check(from, to, i -> SubscriptionStates.outSubscribe(i, CONTACT));
    }

    @ParameterizedTest(name = "A.2.2 outbound unsubscribe: {0} -> {1}")
    @CsvSource({"None, None", "None+PO, None", "None+PI, None+PI", "None+PO+PI, None+PI", "To, None", "To+PI, None+PI",
            "From, From", "From+PO, From", "Both, From", "-, -"})
    void outboundUnsubscribe(String from, String to) {
        check(from, to, SubscriptionStates::outUnsubscribe);
    }

    @ParameterizedTest(name = "A.2.3 outbound subscribed: {0} -> {1}")
    @CsvSource({"None, None+approved", "None+PO, None+PO+approved", "None+PI, From", "None+PO+PI, From+PO",
            "To, To+approved", "To+PI, Both", "From, From", "From+PO, From+PO", "Both, Both", "-, None+approved"})
    void outboundSubscribed(String from, String to) {
        check(from, to, i -> SubscriptionStates.outSubscribed(i, CONTACT, true));
    }

    @ParameterizedTest(name = "A.2.3 without pre-approval: {0} -> {1}")
    @CsvSource({"None, None", "To, To", "None+PI, From", "-, -"})
    void outboundSubscribedWithoutPreApproval(String from, String to) {
        check(from, to, i -> SubscriptionStates.outSubscribed(i, CONTACT, false));
    }

    @ParameterizedTest(name = "A.2.4 outbound unsubscribed: {0} -> {1}")
    @CsvSource({"None, None", "None+PO, None+PO", "None+PI, None", "None+PO+PI, None+PO", "To, To", "To+PI, To",
            "From, None", "From+PO, None+PO", "Both, To", "None+approved, None", "-, -"})
    void outboundUnsubscribed(String from, String to) {
        check(from, to, SubscriptionStates::outUnsubscribed);
    }

    @ParameterizedTest(name = "A.3.1 inbound subscribe: {0} -> {1}")
    @CsvSource({"None, None+PI", "None+PO, None+PO+PI", "None+PI, None+PI", "None+PO+PI, None+PO+PI", "To, To+PI",
            "To+PI, To+PI", "From, From", "From+PO, From+PO", "Both, Both", "-, None+PI",
            "None+approved, From", "None+PO+approved, From+PO", "To+approved, Both"})
    void inboundSubscribe(String from, String to) {
        check(from, to, i -> SubscriptionStates.inSubscribe(i, CONTACT));
    }

    @ParameterizedTest(name = "A.3.2 inbound unsubscribe: {0} -> {1}")
    @CsvSource({"None, None", "None+PO, None+PO", "None+PI, None", "None+PO+PI, None+PO", "To, To", "To+PI, To",
            "From, None", "From+PO, None+PO", "Both, To", "-, -"})
    void inboundUnsubscribe(String from, String to) {
        check(from, to, SubscriptionStates::inUnsubscribe);
    }

    @ParameterizedTest(name = "A.3.3 inbound subscribed: {0} -> {1}")
    @CsvSource({"None, None", "None+PO, To", "None+PI, None+PI", "None+PO+PI, To+PI", "To, To", "To+PI, To+PI",
            "From, From", "From+PO, Both", "Both, Both", "-, -"})
    void inboundSubscribed(String from, String to) {
        check(from, to, SubscriptionStates::inSubscribed);
    }

    @ParameterizedTest(name = "A.3.4 inbound unsubscribed: {0} -> {1}")
    @CsvSource({"None, None", "None+PO, None", "None+PI, None+PI", "None+PO+PI, None+PI", "To, None", "To+PI, None+PI",
            "From, From", "From+PO, From", "Both, From", "None+approved, None+approved", "-, -"})
    void inboundUnsubscribed(String from, String to) {
        check(from, to, SubscriptionStates::inUnsubscribed);
    }

    private static void check(String from, String to, UnaryOperator<RosterItem> transition) {
        assertThat(name(transition.apply(state(from)))).isEqualTo(to);
    }

    private static RosterItem state(String name) {
        if (name.equals("-")) return null;
        String[] parts = name.split("\\+");
        RosterItem item = RosterItem.of(CONTACT).withSubscription(Subscription.valueOf(parts[0].toUpperCase()));
        for (int i = 1; i < parts.length; i++) {
            switch (parts[i]) {
                case "PO" -> item = item.withAskOut(true);
                case "PI" -> item = item.withPendingIn(true);
                case "approved" -> item = item.withPreApproved(true);
                default -> throw new IllegalArgumentException(parts[i]);
            }
        }
        return item;
    }

    private static String name(RosterItem item) {
        if (item == null) return "-";
        String s = item.subscription().name().charAt(0) + item.subscription().name().substring(1).toLowerCase();
        if (item.askOut()) s += "+PO";
        if (item.pendingIn()) s += "+PI";
        if (item.preApproved()) s += "+approved";
        return s;
    }
}
