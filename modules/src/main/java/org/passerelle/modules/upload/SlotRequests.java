package org.passerelle.modules.upload;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.passerelle.core.auth.RateLimiter;
import org.passerelle.core.stanza.StanzaException;
import org.passerelle.core.store.StoredUpload;
import org.passerelle.core.store.UploadStore;
import org.passerelle.xml.Element;

/**
 * Answers {@code <request/>} (XEP-0363 §4): checks who asks, the size against the file limit,
 * the request rate and the quota, saves a pending slot and returns its PUT and GET URLs.
 */
final class SlotRequests {
    static final String PATH = "/upload/";

    /** A slot's base URL for a hosted domain: from the options or the bound web listeners. */
    interface BaseUrl {
        String of(DomainBareJid domain) throws StanzaException;
    }

    private final UploadOptions options;
    private final UploadStore store;
    private final Clock clock;
    private final BaseUrl baseUrl;
    private final Secrets secrets = new Secrets();
    private final RateLimiter rate;

    SlotRequests(UploadOptions options, UploadStore store, Clock clock, BaseUrl baseUrl) {
        this.options = options;
        this.store = store;
        this.clock = clock;
        this.baseUrl = baseUrl;
        this.rate = new RateLimiter(options.slotsPerMinute(), 60_000, clock);
    }

    Element slot(Jid from, DomainBareJid domain, Element request) throws StanzaException {
        if (from == null || !from.hasLocalpart() || !from.asDomainBareJid().equals(domain)) {
            throw new StanzaException("not-allowed", "only accounts of " + domain + " may upload here");
        }
        EntityBareJid owner = from.asEntityBareJidIfPossible();
        String filename = request.attr("filename");
        if (filename == null || filename.isBlank()) throw new StanzaException("bad-request", "filename is required");
        long size = size(request.attr("size"));
        if (size > options.maxFileBytes()) throw UploadException.fileTooLarge(options.maxFileBytes());
        String type = FileNames.contentType(request.attr("content-type"));
        if (type == null) throw new StanzaException("bad-request", "content-type is not a media type");
        if (!rate.allowed(owner.toString())) {
            throw UploadException.retry("Too many upload requests. You can ask for " + options.slotsPerMinute()
                    + " slots a minute", clock.instant().plusSeconds(60));
        }
        rate.record(owner.toString());
        String base = baseUrl.of(domain);

        Instant now = clock.instant();
        String id = secrets.slotId();
        String authorization = secrets.authorization();
        String name = FileNames.sanitize(filename);
        StoredUpload slot = new StoredUpload(id, owner, name, size, type, Secrets.hash(authorization), now,
                now.plus(Duration.ofSeconds(options.slotSeconds())), StoredUpload.State.PENDING);
        if (!store.reserve(slot, options.quotaBytes(), now)) {
            long used = store.usedBytes(owner, now);
            throw UploadException.retry("Quota reached: " + used + " of " + options.quotaBytes()
                    + " bytes used. Files are deleted " + (options.expireDays() > 0 ? options.expireDays() + " days after upload" : "never"), null);
        }
        String url = base + PATH + id + "/" + FileNames.urlSegment(name);
        return Element.builder("slot", UploadModule.NS)
                .child(Element.builder("put", UploadModule.NS).attr("url", url)
                        .child(Element.builder("header", UploadModule.NS).attr("name", "Authorization").text(authorization).build())
                        .build())
                .child(Element.builder("get", UploadModule.NS).attr("url", url).build())
                .build();
    }

    private static long size(String text) throws StanzaException {
        if (text == null || !text.matches("[0-9]{1,18}")) throw new StanzaException("bad-request", "size must be a number of bytes");
        return Long.parseLong(text);
    }
}
