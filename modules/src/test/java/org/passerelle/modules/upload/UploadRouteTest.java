package org.passerelle.modules.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passerelle.core.http.HttpAnswer;
import org.passerelle.core.http.HttpCall;
import org.passerelle.core.stanza.Jids;
import org.passerelle.core.stanza.StanzaException;
import org.passerelle.core.store.UploadStore;
import org.passerelle.core.testing.MemoryStores;
import org.passerelle.core.testing.MovableClock;
import org.passerelle.xml.Element;

/** The HTTP side called with HttpCall objects, on a clock the test moves. */
class UploadRouteTest {
    private static final String NS = UploadModule.NS;

    @TempDir
    Path dir;
    private final MovableClock clock = MovableClock.at(Instant.parse("2026-11-26T08:00:00Z"));
    private final UploadStore store = new MemoryStores().uploads();
    private final UploadOptions options = new UploadOptions(null, null, 1000L, 2000L, 2, 300, null, null, null);
    private DiskFileStorage files;
    private SlotRequests slots;
    private UploadRoute route;

    @BeforeEach
    void setUp() throws Exception {
        files = new DiskFileStorage(dir);
        slots = new SlotRequests(options, store, clock, d -> "https://" + d + ":5443");
        route = new UploadRoute(store, files, clock, options);
    }

    /** A slot as the module hands it out: the PUT path and the Authorization value. */
    private record Slot(String path, String authorization) {
        String id() {
            return path.split("/")[2];
        }
    }

    private Slot slot(String name, long size, String type) throws StanzaException {
        Element request = Element.builder("request", NS).attr("filename", name).attr("size", Long.toString(size))
                .attr("content-type", type).build();
        Element put = slots.slot(Jids.of("alice@localhost/a"), Jids.of("localhost").asDomainBareJid(), request).child("put", NS);
        String url = put.attr("url");
        return new Slot(java.net.URI.create(url).getPath(), put.childText("header", NS));
    }

    /** Calls the route as the web listener does: a body in a file of its directory, deleted after the call unless moved. */
    private HttpAnswer call(String method, String path, byte[] body, String... headers) throws Exception {
        Map<String, List<String>> h = new LinkedHashMap<>();
        for (int i = 0; i < headers.length; i += 2) h.put(headers[i].toLowerCase(), List.of(headers[i + 1]));
        if (body.length > 0 && !h.containsKey("content-length")) h.put("content-length", List.of(Integer.toString(body.length)));
        Path file = body.length > 0 ? Files.write(Files.createTempFile(route.bodyDirectory(), "body-", ".part"), body) : null;
        try {
            return route.handle(new HttpCall(method, path, Map.of(), h, new byte[0], file, new InetSocketAddress("127.0.0.1", 1),
                    "https://localhost:5443", true));
        } finally {
            if (file != null) Files.deleteIfExists(file);
        }
    }

    private HttpAnswer put(Slot s, byte[] body, String type) throws Exception {
        return call("PUT", s.path(), body, "Authorization", s.authorization(), "Content-Type", type);
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) b[i] = (byte) i;
        return b;
    }

    @Test
    void aPutThenGetAndHeadServeTheFileWithSafeHeaders() throws Exception {
        Slot s = slot("photo.jpg", 500, "image/jpeg");
        assertThat(call("GET", s.path(), new byte[0]).status()).as("nothing before the PUT").isEqualTo(404);
        HttpAnswer created = put(s, bytes(500), "image/jpeg");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.headers()).containsEntry("access-control-allow-origin", "*");

        HttpAnswer get = call("GET", s.path(), new byte[0]);
        assertThat(get.status()).isEqualTo(200);
        assertThat(Files.readAllBytes(get.file())).isEqualTo(bytes(500));
        assertThat(get.headers()).containsEntry("content-type", "image/jpeg").containsEntry("x-content-type-options", "nosniff")
                .containsEntry("content-security-policy", "default-src 'none'").containsKey("cache-control")
                .containsEntry("access-control-allow-origin", "*").doesNotContainKey("content-disposition");
        assertThat(call("HEAD", s.path(), new byte[0]).headers()).containsEntry("content-type", "image/jpeg");
        assertThat(call("GET", "/upload/" + s.id() + "/other-name", new byte[0]).status()).as("only the id counts").isEqualTo(200);
        assertThat(get.file()).as("stored under the id, inside the directory").hasFileName(s.id()).startsWith(dir);
    }

    @Test
    void scriptableTypesAreDownloadedAsAttachments() throws Exception {
        for (String type : new String[] {"text/html", "image/svg+xml"}) {
            Slot s = slot("page <1>.html", 4, type);
            assertThat(put(s, "<b/>".getBytes(StandardCharsets.UTF_8), type).status()).isEqualTo(201);
            HttpAnswer get = call("GET", s.path(), new byte[0]);
            assertThat(get.headers()).as(type).containsEntry("content-type", "application/octet-stream")
                    .containsEntry("content-disposition", "attachment; filename*=UTF-8''page%20%3C1%3E.html");
        }
    }

    @Test
    void aPutNeedsAnUnusedSlotItsTokenSizeAndType() throws Exception {
        Slot s = slot("a.png", 10, "image/png");
        assertThat(call("PUT", "/upload/AAAAAAAAAAAAAAAAAAAAAA/a.png", bytes(10), "Authorization", s.authorization(), "Content-Type", "image/png")
                .status()).as("no such slot").isEqualTo(404);
        assertThat(call("PUT", s.path(), bytes(10), "Content-Type", "image/png").status()).as("no token").isEqualTo(403);
        assertThat(call("PUT", s.path(), bytes(10), "Authorization", s.authorization() + "x", "Content-Type", "image/png").status())
                .as("wrong token").isEqualTo(403);
        assertThat(put(s, bytes(9), "image/png").status()).as("too short").isEqualTo(400);
        assertThat(put(s, bytes(11), "image/png").status()).as("larger than the slot").isEqualTo(413);
        assertThat(put(s, bytes(10), "image/gif").status()).as("another type").isEqualTo(400);
        assertThat(call("PUT", s.path(), bytes(10), "Authorization", s.authorization(), "Content-Type", "image/png", "Content-Length", "11")
                .status()).as("length and body differ").isEqualTo(400);
        assertThat(put(s, bytes(10), "image/png").status()).isEqualTo(201);
        assertThat(put(s, bytes(10), "image/png").status()).as("a slot is used once").isEqualTo(409);
        assertThat(Files.readAllBytes(files.file(s.id()))).isEqualTo(bytes(10));
    }

    @Test
    void aPutIsCheckedByItsHeadBeforeItsBodyIsRead() throws Exception {
        Slot s = slot("a.png", 10, "image/png");
        assertThat(head(s.path(), "10", "Authorization", s.authorization(), "Content-Type", "image/png")).as("passes").isNull();
        assertThat(head("/upload/AAAAAAAAAAAAAAAAAAAAAA/a.png", "10", "Authorization", s.authorization()).status()).isEqualTo(404);
        assertThat(head("/upload/x", "10").status()).isEqualTo(404);
        HttpAnswer noToken = head(s.path(), "10", "Content-Type", "image/png");
        assertThat(noToken.status()).isEqualTo(403);
        assertThat(noToken.headers()).containsEntry("access-control-allow-origin", "*");
        assertThat(head(s.path(), "11", "Authorization", s.authorization(), "Content-Type", "image/png").status()).isEqualTo(413);
        assertThat(head(s.path(), "9", "Authorization", s.authorization(), "Content-Type", "image/png").status()).isEqualTo(400);
        assertThat(head(s.path(), "10", "Authorization", s.authorization(), "Content-Type", "image/gif").status()).isEqualTo(400);
        assertThat(put(s, bytes(10), "image/png").status()).isEqualTo(201);
        assertThat(head(s.path(), "10", "Authorization", s.authorization(), "Content-Type", "image/png").status()).isEqualTo(409);
        assertThat(route.beforeBody(new HttpCall("GET", s.path(), Map.of(), Map.of(), new byte[0], null, null, null, true)))
                .as("only PUTs have bodies to check").isNull();
    }

    /** The route's check of a PUT's head, as the web listener asks it before reading the body. */
    private HttpAnswer head(String path, String length, String... headers) {
        Map<String, List<String>> h = new LinkedHashMap<>();
        for (int i = 0; i < headers.length; i += 2) h.put(headers[i].toLowerCase(), List.of(headers[i + 1]));
        h.put("content-length", List.of(length));
        return route.beforeBody(new HttpCall("PUT", path, Map.of(), h, new byte[0], null, new InetSocketAddress("127.0.0.1", 1),
                "https://localhost:5443", true));
    }

    @Test
    void bodiesArriveInTheStoragesTemporaryDirectoryAndAreMovedIntoPlace() throws Exception {
        assertThat(route.bodyDirectory()).isEqualTo(dir.resolve("tmp"));
        Slot s = slot("a.bin", 3, null);
        Path body = Files.write(Files.createTempFile(route.bodyDirectory(), "body-", ".part"), bytes(3));
        HttpAnswer created = route.handle(new HttpCall("PUT", s.path(), Map.of(), Map.of("authorization", List.of(s.authorization()),
                "content-length", List.of("3")), new byte[0], body, new InetSocketAddress("127.0.0.1", 1), "https://localhost:5443", true));
        assertThat(created.status()).isEqualTo(201);
        assertThat(body).doesNotExist();
        try (var left = Files.list(dir.resolve("tmp"))) {
            assertThat(left).isEmpty();
        }
        assertThat(Files.readAllBytes(files.file(s.id()))).isEqualTo(bytes(3));
    }

    @Test
    void anEmptySlotTakesAPutWithoutABody() throws Exception {
        Slot s = slot("empty.txt", 0, "text/plain");
        assertThat(call("PUT", s.path(), new byte[0], "Authorization", s.authorization(), "Content-Type", "text/plain",
                "Content-Length", "0").status()).isEqualTo(201);
        assertThat(files.file(s.id())).isEmptyFile();
    }

    @Test
    void anExpiredSlotTakesNoUpload() throws Exception {
        Slot s = slot("a.bin", 3, null);
        clock.add(Duration.ofSeconds(301));
        assertThat(put(s, bytes(3), "application/octet-stream").status()).isEqualTo(404);
        assertThat(files.file(s.id())).isNull();
    }

    @Test
    void traversalInThePathReachesNothing() throws Exception {
        Slot s = slot("../../etc/passwd", 3, null);
        assertThat(s.path()).endsWith("/passwd");
        assertThat(put(s, bytes(3), "application/octet-stream").status()).isEqualTo(201);
        for (String path : new String[] {"/upload/../../etc/passwd", "/upload/" + s.id() + "..", "/upload/../" + s.id(),
                "/upload/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/upload/..", "/upload/", "/upload", "/upload/" + s.id().substring(1),
                "/upload/" + s.id() + "\u0000", "/upload/" + s.id().substring(0, 21) + "/"}) {
            assertThat(call("GET", path, new byte[0]).status()).as(path).isEqualTo(404);
        }
        assertThat(call("GET", "/upload/" + s.id() + "/..%2f..%2fetc%2fpasswd", new byte[0]).status())
                .as("the name part is ignored").isEqualTo(200);
    }

    @Test
    void optionsAnswersThePreflightAndOtherMethodsAre405() throws Exception {
        HttpAnswer pre = call("OPTIONS", "/upload/x/y", new byte[0]);
        assertThat(pre.status()).isEqualTo(200);
        assertThat(pre.headers()).containsEntry("access-control-allow-origin", "*")
                .containsEntry("access-control-allow-methods", "GET, PUT, HEAD, OPTIONS")
                .containsEntry("access-control-allow-headers", "Authorization, Content-Type");
        assertThat(call("DELETE", "/upload/x/y", new byte[0]).status()).isEqualTo(405);
    }

    @Test
    void cleanupDeletesExpiredFilesAndUnusedSlotsAndAnAccountsFiles() throws Exception {
        Cleanup cleanup = new Cleanup(store, files, clock);
        Slot old = slot("old.bin", 1, null);
        Slot unused = slot("never.bin", 1, null);
        assertThat(put(old, bytes(1), "application/octet-stream").status()).isEqualTo(201);
        clock.add(Duration.ofDays(1));
        Slot kept = slot("new.bin", 1, null);
        assertThat(put(kept, bytes(1), "application/octet-stream").status()).isEqualTo(201);
        clock.add(Duration.ofDays(1).plusSeconds(1)); // old is 2 days old: expireDays is 2

        assertThat(cleanup.expired()).isEqualTo(2);
        assertThat(files.file(old.id())).isNull();
        assertThat(store.find(old.id())).isEmpty();
        assertThat(store.find(unused.id())).isEmpty();
        assertThat(call("GET", old.path(), new byte[0]).status()).isEqualTo(404);
        assertThat(call("GET", kept.path(), new byte[0]).status()).isEqualTo(200);

        cleanup.accountDeleted(Jids.of("alice@localhost").asEntityBareJidOrThrow());
        assertThat(files.file(kept.id())).isNull();
        assertThat(call("GET", kept.path(), new byte[0]).status()).isEqualTo(404);
    }

    @Test
    void aStaleTemporaryIsRemovedAFreshOneKept() throws Exception {
        Path stale = Files.createFile(dir.resolve("tmp").resolve("x.part"));
        Files.setLastModifiedTime(stale, java.nio.file.attribute.FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        Path fresh = Files.createFile(dir.resolve("tmp").resolve("y.part"));
        assertThat(files.deleteStaleTemporaries(Instant.now(), Duration.ofHours(1))).isEqualTo(1);
        assertThat(stale).doesNotExist();
        assertThat(fresh).exists();
    }

    /** A clock the test moves forward. */
}
