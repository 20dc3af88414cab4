package org.passerelle.gateway.sms;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.InvalidDeliveryReceiptException;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.passerelle.core.charging.Chargeable;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.stanza.Namespaces;
import org.passerelle.core.stanza.Stanza;
import org.passerelle.core.store.SmsLink;
import org.passerelle.core.store.SmsMoText;
import org.passerelle.core.store.SmsOutgoing;
import org.passerelle.core.util.Digests;
import org.passerelle.gateway.sms.smpp.SmsEncoding;
import org.passerelle.gateway.sms.smpp.SmscConnection;
import org.passerelle.xml.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every deliver_sm: a delivery receipt becomes a XEP-0184 {@code <received/>} for the message that
 * asked; a text from a linked phone (its parts put together from the store when concatenated,
 * see {@link MoParts}) is a command;
 * from a phone someone wrote to, a reply to that
 * user from the phone's JID; from anyone else it is logged and dropped, uncharged. A message the
 * SMSC delivers again (same key) is handled once: its key is stored after the command ran, with
 * the text's charging record in the same transaction, and only then is the deliver_sm answered.
 * A crash (or a failure) before that commit leaves the SMSC to retry: the text is handled again
 * and charged once, never charged without being handled.
 */
final class MobileOriginated implements SmscConnection.Inbound {
    private static final Logger LOG = LoggerFactory.getLogger(MobileOriginated.class);
    /** Tags of TLVs an SMSC may use to identify a message across retries. */
    private static final short USER_MESSAGE_REFERENCE = 0x0204;
    private static final int RECEIPT_CHECKS = 5;
    private static final long RECEIPT_RECHECK_MILLIS = 400;
    private static final int LOCK_STRIPES = 64;

    private final Gateway gateway;
    private final MobileCommands commands;
    private final MoParts parts;
    /**
     * jSMPP hands each deliver_sm to one of a few processing threads per bind, so an SMSC's retry
     * may come while the first delivery is still being handled: a key's deliveries take turns.
     */
    private final ReentrantLock[] locks = new ReentrantLock[LOCK_STRIPES];

    MobileOriginated(Gateway gateway, MobileCommands commands) {
        this.gateway = gateway;
        this.commands = commands;
        this.parts = new MoParts(gateway.store);
        for (int i = 0; i < locks.length; i++) locks[i] = new ReentrantLock();
    }

    @Override
    public void deliver(SmscConnection smsc, DeliverSm pdu) {
        if (pdu.isSmscDeliveryReceipt()) {
            receipt(smsc, pdu);
            return;
        }
        String phone = Phones.fromSmsc(pdu.getSourceAddr());
        if (phone == null) {
            LOG.info("SMSC {}: MO from '{}' ignored: not an E.164 number", smsc.name(), pdu.getSourceAddr());
            return;
        }
        Optional<SmsLink> link = gateway.store.linkOfPhone(phone);
        Optional<EntityBareJid> writer = link.isPresent() ? Optional.empty() : gateway.store.lastWriter(phone);
        if (link.isEmpty() && writer.isEmpty()) {
            LOG.info("SMSC {}: MO from unknown number {} ignored", smsc.name(), phone);
            return;
        }
        byte[] raw = pdu.getShortMessage() == null ? new byte[0] : pdu.getShortMessage();
        String text = SmsEncoding.decode(pdu.getDataCoding(), raw, pdu.isUdhi());
        if (text == null) {
            LOG.info("SMSC {}: MO from {} ignored: binary or unknown data_coding 0x{}", smsc.name(), phone,
                    Integer.toHexString(pdu.getDataCoding() & 0xFF));
            return;
        }
        Instant now = gateway.server.clock().instant();
        int segments = 1;
        String key = null;
        Short reference = pdu.getOptionalParameter(USER_MESSAGE_REFERENCE) instanceof OptionalParameter.Short s ? s.getValue() : null;
        int[] concat = SmsEncoding.concatenation(raw, pdu.isUdhi());
        SmsMoText whole = concat != null && concat[1] > 1 ? new SmsMoText(smsc.name(), phone, concat[0], concat[1]) : null;
        if (whole != null) {
            switch (parts.add(whole, concat[2], text, now)) {
                case MoParts.Result.Waiting w -> {
                    return;
                }
                case MoParts.Result.Refused r -> {
                    LOG.info("SMSC {}: MO part from {} ignored: {}", smsc.name(), phone, r.reason());
                    return;
                }
                case MoParts.Result.Complete c -> {
                    text = c.text();
                    segments = concat[1];
                    // Its parts stay stored until it was handled, so the retry of its last part has the same key.
                    key = smsc.name() + ":" + phone + ":parts:" + concat[0] + "/" + concat[1] + ":" + c.first().toEpochMilli();
                }
            }
        }
        if (key == null) key = key(smsc, phone, reference, text, now);
        EntityBareJid user = link.map(SmsLink::account).orElseGet(writer::get);
        ReentrantLock lock = locks[Math.floorMod(key.hashCode(), locks.length)];
        lock.lock();
        try {
            if (gateway.store.seen(key)) {
                LOG.info("SMSC {}: MO from {} already handled (SMSC retry)", smsc.name(), phone);
                if (whole != null) gateway.store.deleteMoParts(whole);
            } else {
                if (link.isPresent()) commands.run(link.get(), text);
                else fromPhoneContact(phone, user, text);
                // Handled: the key, the record and the delete of the text's parts in one commit; if it
                // fails, the SMSC's retry (of the last part only, for a concatenated text) runs the text again.
                if (!gateway.store.firstSeen(key, now, gateway.server.charging().price(
                        new Chargeable(now, user, phone, "sms", "in", "segment", segments)), whole)) {
                    LOG.warn("SMSC {}: MO from {} was handled twice at once (key stored meanwhile), charged once", smsc.name(), phone);
                    if (whole != null) gateway.store.deleteMoParts(whole);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** The gateway's timer: texts whose parts stopped coming are dropped. */
    void expireParts() {
        try {
            parts.expire(gateway.server.clock().instant());
        } catch (RuntimeException e) {
            LOG.warn("SMS: incomplete MO texts not cleaned up: {}", e.toString());
        }
    }

    private void fromPhoneContact(String phone, EntityBareJid user, String text) {
        Jid from = Phones.jid(phone, gateway.gatewayOf(user.asDomainBareJid()));
        gateway.server.router().route(Stanza.of(Element.builder("message", Namespaces.CLIENT).attr("type", "chat")
                .attr("from", from.toString()).attr("to", user.toString())
                .textChild("body", Namespaces.CLIENT, text).build(), from, user));
    }

    private void receipt(SmscConnection smsc, DeliverSm pdu) {
        String id;
        DeliveryReceiptState state;
        try {
            DeliveryReceipt r = pdu.getShortMessageAsDeliveryReceipt();
            id = r.getId();
            state = r.getFinalStatus();
        } catch (InvalidDeliveryReceiptException e) {
            LOG.info("SMSC {}: unreadable delivery receipt ignored: {}", smsc.name(), e.getMessage());
            return;
        }
        OptionalParameter tlv = pdu.getOptionalParameter(OptionalParameter.Tag.RECEIPTED_MESSAGE_ID);
        if (tlv instanceof OptionalParameter.OctetString s) id = s.getValueAsString();
        if (state != DeliveryReceiptState.DELIVRD) {
            LOG.info("SMSC {}: SMS {} not delivered: {}", smsc.name(), id, state);
            return;
        }
        settle(id, RECEIPT_CHECKS);
    }

    /**
     * Answers the receipt owed for an SMSC message id. A fast SMSC may send the receipt before the
     * outbox has stored the id from submit_sm_resp, so an unknown id is looked up again a few times.
     */
    private void settle(String id, int checksLeft) {
        Optional<SmsOutgoing> owed = gateway.store.takeReceipt(id);
        if (owed.isEmpty()) {
            if (checksLeft > 1) {
                gateway.server.scheduler().schedule(() -> gateway.server.workers().execute(() -> settle(id, checksLeft - 1)),
                        RECEIPT_RECHECK_MILLIS, TimeUnit.MILLISECONDS);
            }
            return;
        }
        SmsOutgoing sms = owed.get();
        Jid to = Jids.of(sms.receiptTo());
        // A forwarded message was received by the account; a message to a phone contact, by the phone.
        Jid from = to.asBareJid().equals(sms.account())
                ? Phones.jid(sms.phone(), gateway.gatewayOf(sms.account().asDomainBareJid()))
                : sms.account();
        gateway.server.router().route(Stanza.of(Element.builder("message", Namespaces.CLIENT).attr("from", from.toString())
                .attr("to", to.toString()).child(Element.builder("received", Gateway.RECEIPTS).attr("id", sms.receiptId()).build())
                .build(), from, to));
    }

    /** The SMSC's reference when it gives one, else the content: a retried deliver_sm carries the same. */
    private static String key(SmscConnection smsc, String phone, Short reference, String text, Instant now) {
        if (reference != null) return smsc.name() + ":" + phone + ":ref:" + reference;
        // The same text from the same phone within the same two minutes counts as a retry.
        return smsc.name() + ":" + Digests.sha256Hex(phone + "\n" + text + now.getEpochSecond() / 120);
    }
}
