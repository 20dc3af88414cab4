package org.passerelle.gateway.sms;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.passerelle.core.store.SmsMoPart;
import org.passerelle.core.store.SmsMoText;
import org.passerelle.core.store.SmsStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts concatenated mobile-originated SMS back together from the store, where each part is
 * committed before the SMSC gets its deliver_sm_resp: the SMSC does not send answered parts
 * again, so they must outlive a crash. A text's parts stay until it was handled (the commit of
 * its key deletes them), so the retry of its last part completes it again. At most
 * {@link #MAX_PENDING} texts wait; a text whose latest part is {@link #MAX_AGE} old is dropped.
 */
final class MoParts {
    private static final Logger LOG = LoggerFactory.getLogger(MoParts.class);
    static final Duration MAX_AGE = Duration.ofMinutes(10);
    /**
     * A text whose parts all came but that was never handled (a crash before its commit) waits
     * for the SMSC's retry of its last part: SMSCs retry for hours to days (the validity period).
     */
    static final Duration COMPLETE_MAX_AGE = Duration.ofDays(3);
    /** The keys of handled texts are kept longer than any retry of them. */
    static final Duration SEEN_MAX_AGE = Duration.ofDays(7);
    static final int MAX_PENDING = 1000;

    /** What became of a part. */
    sealed interface Result {
        /** The text, and when its first part came: that does not change when the SMSC delivers a part again. */
        record Complete(String text, Instant first) implements Result {
        }

        record Waiting() implements Result {
        }

        record Refused(String reason) implements Result {
        }
    }

    private final SmsStore store;

    MoParts(SmsStore store) {
        this.store = store;
    }

    /**
     * Stores a part and says whether its text is complete. A part received again is ignored (its
     * first copy and time stay, so the text keeps its key); a part whose number is stored with
     * another content starts the text anew.
     */
    Result add(SmsMoText text, int sequence, String content, Instant now) {
        if (sequence < 1 || sequence > text.total()) return new Result.Refused("part " + sequence + " of " + text.total());
        if (store.moTextsWaiting() >= MAX_PENDING && store.moParts(text).isEmpty()) {
            return new Result.Refused(MAX_PENDING + " texts already wait for their parts");
        }
        SmsMoPart part = new SmsMoPart(text, sequence, content, now);
        List<SmsMoPart> parts = store.addMoPart(part);
        if (parts.stream().anyMatch(p -> p.sequence() == sequence && !p.content().equals(content))) {
            // Not a retry: the phone reused the reference for another text; the old, incomplete one goes.
            store.deleteMoParts(text);
            parts = store.addMoPart(part);
        }
        if (parts.size() < text.total()) return new Result.Waiting();
        return new Result.Complete(parts.stream().map(SmsMoPart::content).collect(Collectors.joining()),
                parts.stream().map(SmsMoPart::received).min(Instant::compareTo).orElseThrow());
    }

    /**
     * The gateway's timer: drops the texts still incomplete {@link #MAX_AGE} after their latest
     * part, the complete but unhandled ones after {@link #COMPLETE_MAX_AGE}, and the keys of texts
     * handled {@link #SEEN_MAX_AGE} ago.
     */
    void expire(Instant now) {
        int dropped = store.deleteMoPartsBefore(now.minus(MAX_AGE), now.minus(COMPLETE_MAX_AGE));
        if (dropped > 0) LOG.info("{} part(s) of MO texts dropped (incomplete after {}, unhandled after {})", dropped, MAX_AGE,
                COMPLETE_MAX_AGE);
        store.deleteSeenBefore(now.minus(SEEN_MAX_AGE));
    }
}
