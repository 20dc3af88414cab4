package org.passerelle.modules.upload;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.passerelle.core.http.HttpAnswer;
import org.passerelle.core.http.HttpCall;
import org.passerelle.core.http.HttpRoute;
import org.passerelle.core.store.StoredUpload;
import org.passerelle.core.store.UploadStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /upload/<slot id>/<name>} (XEP-0363 §6): PUT stores the file of a pending slot, GET and
 * HEAD serve a stored one, OPTIONS answers browsers' CORS preflight. Only the slot id counts;
 * the name segment is for people. Every answer allows any origin, so web clients can read it.
 * A PUT is checked twice: by its head before the body is read ({@link #beforeBody}: slot, token,
 * announced size and type), then with its body, which reaches it as a file the web listener wrote
 * in the storage's {@link FileStorage#incoming} directory; a body it refuses is deleted by the
 * listener once it returns.
 */
final class UploadRoute implements HttpRoute {
    private static final Logger LOG = LoggerFactory.getLogger(UploadRoute.class);

    private final UploadStore store;
    private final FileStorage files;
    private final Clock clock;
    private final UploadOptions options;
    /** Slots whose PUT is being written, so two PUTs at once cannot both use one slot. */
    private final Set<String> writing = ConcurrentHashMap.newKeySet();

    UploadRoute(UploadStore store, FileStorage files, Clock clock, UploadOptions options) {
        this.store = store;
        this.files = files;
        this.clock = clock;
        this.options = options;
    }

    @Override
    public Path bodyDirectory() {
        return files.incoming();
    }

    @Override
    public HttpAnswer beforeBody(HttpCall head) {
        if (!head.method().equals("PUT")) return null;
        Optional<String> id = slotId(head);
        if (id.isEmpty()) return cors(HttpAnswer.status(404, "Not Found"));
        HttpAnswer refusal = refusal(id.get(), head, head.header("content-length").map(UploadRoute::number).orElse(-1L));
        return refusal == null ? null : cors(refusal);
    }

    @Override
    public HttpAnswer handle(HttpCall call) throws Exception {
        return cors(switch (call.method()) {
            case "OPTIONS" -> HttpAnswer.of(200, "text/plain; charset=utf-8", new byte[0]).with("access-control-max-age", "86400");
            case "PUT" -> slotId(call).map(id -> put(id, call)).orElseGet(() -> HttpAnswer.status(404, "Not Found"));
            case "GET", "HEAD" -> slotId(call).map(this::get).orElseGet(() -> HttpAnswer.status(404, "Not Found"));
            default -> HttpAnswer.status(405, "Method Not Allowed").with("allow", "GET, HEAD, PUT, OPTIONS");
        });
    }

    /** The first segment after the prefix, when it looks like a slot id (nothing else reaches the stores). */
    private static Optional<String> slotId(HttpCall call) {
        String rest = call.rest(SlotRequests.PATH);
        int slash = rest.indexOf('/');
        String id = slash < 0 ? rest : rest.substring(0, slash);
        return Secrets.SLOT_ID.matcher(id).matches() ? Optional.of(id) : Optional.empty();
    }

    /** Why a PUT of {@code length} bytes to the slot is refused, or null. */
    private HttpAnswer refusal(String id, HttpCall call, long length) {
        Optional<StoredUpload> found = store.find(id);
        if (found.isEmpty() || found.get().state() == StoredUpload.State.PENDING && found.get().expiredAt(clock.instant())) {
            return HttpAnswer.status(404, "Not Found");
        }
        StoredUpload slot = found.get();
        if (!Secrets.matches(call.header("authorization").orElse(null), slot.tokenHash())) return HttpAnswer.status(403, "Forbidden");
        if (slot.state() != StoredUpload.State.PENDING) return HttpAnswer.text(409, "409 Conflict: this slot was used");
        if (length > slot.size()) return HttpAnswer.text(413, "413 Payload Too Large: the slot is for " + slot.size() + " bytes");
        if (length < slot.size()) return HttpAnswer.text(400, "400 Bad Request: the slot is for " + slot.size() + " bytes");
        if (!FileNames.sameType(slot.contentType(), call.header("content-type").orElse(null))) {
            return HttpAnswer.text(400, "400 Bad Request: the slot is for Content-Type " + slot.contentType());
        }
        return null;
    }

    private HttpAnswer put(String id, HttpCall call) {
        long length = length(call);
        long declared = call.header("content-length").map(UploadRoute::number).orElse(length);
        if (declared != length) return HttpAnswer.text(400, "400 Bad Request: Content-Length differs from the body");
        HttpAnswer refusal = refusal(id, call, length);
        if (refusal != null) return refusal;
        if (!writing.add(id)) return HttpAnswer.text(409, "409 Conflict: this slot is being used");
        try {
            // A slot of 0 bytes gets a PUT without a body, hence no file: store an empty one.
            files.store(id, call.bodyFile() != null ? call.bodyFile() : Files.createTempFile(files.incoming(), "empty-", ".part"));
            Instant deleteAt = options.expireDays() > 0 ? clock.instant().plus(Duration.ofDays(options.expireDays())) : null;
            if (!store.markStored(id, deleteAt)) {
                files.delete(id);
                return HttpAnswer.status(404, "Not Found");
            }
            return HttpAnswer.status(201, "Created");
        } catch (java.io.IOException e) {
            LOG.warn("upload: cannot store slot {}", id, e);
            return HttpAnswer.status(500, "Internal Server Error");
        } finally {
            writing.remove(id);
        }
    }

    private HttpAnswer get(String id) {
        Optional<StoredUpload> found = store.find(id);
        if (found.isEmpty() || found.get().state() != StoredUpload.State.STORED || found.get().expiredAt(clock.instant())) {
            return HttpAnswer.status(404, "Not Found");
        }
        StoredUpload u = found.get();
        Path file = files.file(id);
        if (file == null) return HttpAnswer.status(404, "Not Found");
        boolean inline = FileNames.servedInline(u.contentType());
        HttpAnswer a = HttpAnswer.file(inline ? u.contentType() : FileNames.OCTET_STREAM, file)
                .with("x-content-type-options", "nosniff")
                .with("content-security-policy", "default-src 'none'")
                .with("cache-control", "private, max-age=86400, immutable")
                .with("etag", "\"" + id + "\"");
        return inline ? a : a.with("content-disposition", FileNames.attachment(u.fileName()));
    }

    private static HttpAnswer cors(HttpAnswer a) {
        return a.with("access-control-allow-origin", "*")
                .with("access-control-allow-methods", "GET, PUT, HEAD, OPTIONS")
                .with("access-control-allow-headers", "Authorization, Content-Type");
    }

    /** The body's size: it is in a file, or absent (a PUT without a body). */
    private static long length(HttpCall call) {
        try {
            return call.bodyFile() != null ? Files.size(call.bodyFile()) : call.body().length;
        } catch (java.io.IOException e) {
            return -1; // gone: answered as a body of the wrong size
        }
    }

    private static long number(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
