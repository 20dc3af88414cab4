package org.passerelle.modules.upload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileNamesTest {
    @Test
    void aNameKeepsOnlyItsLastSegmentWithoutControlsOrLeadingDots() {
        assertThat(FileNames.sanitize("../../etc/passwd")).isEqualTo("passwd");
        assertThat(FileNames.sanitize("..\\..\\windows\\win.ini")).isEqualTo("win.ini");
        assertThat(FileNames.sanitize("pass\u0000wd\n.txt")).isEqualTo("passwd.txt");
        assertThat(FileNames.sanitize("evil\u202Etxt.exe")).as("no bidi override").isEqualTo("eviltxt.exe");
        assertThat(FileNames.sanitize("..")).isEqualTo("file");
        assertThat(FileNames.sanitize("../")).isEqualTo("file");
        assertThat(FileNames.sanitize(" .hidden ")).isEqualTo("hidden");
        assertThat(FileNames.sanitize("caf\u00e9 \uD83D\uDE00.jpg")).isEqualTo("caf\u00e9 \uD83D\uDE00.jpg");
        assertThat(FileNames.sanitize("x".repeat(300))).hasSize(FileNames.MAX_NAME_CHARS);
        assertThat(FileNames.sanitize("\uD83D\uDE00".repeat(150)).codePointCount(0, 200)).isEqualTo(FileNames.MAX_NAME_CHARS);
    }

    @Test
    void anEncodedTraversalStaysTextInTheUrl() {
        String name = FileNames.sanitize("%2e%2e%2fetc%2fpasswd");
        assertThat(FileNames.urlSegment(name)).isEqualTo("%252e%252e%252fetc%252fpasswd").doesNotContain("/");
        assertThat(FileNames.urlSegment("a b/c?d#e")).isEqualTo("a%20b%2Fc%3Fd%23e");
    }

    @Test
    void contentTypesAreMediaTypesOrRefused() {
        assertThat(FileNames.contentType(null)).isEqualTo("application/octet-stream");
        assertThat(FileNames.contentType("Image/JPEG")).isEqualTo("image/jpeg");
        assertThat(FileNames.contentType("text/plain; charset=UTF-8")).isEqualTo("text/plain; charset=utf-8");
        assertThat(FileNames.contentType("text/html\r\nSet-Cookie: x=y")).isNull();
        assertThat(FileNames.contentType("nothing")).isNull();
        assertThat(FileNames.sameType("image/png", "image/PNG")).isTrue();
        assertThat(FileNames.sameType("image/png", "image/gif")).isFalse();
        assertThat(FileNames.sameType("image/png", null)).isFalse();
        assertThat(FileNames.sameType("application/octet-stream", "image/gif")).as("no type asked, any accepted").isTrue();
    }

    @Test
    void onlyTypesThatCannotScriptAreServedInline() {
        assertThat(FileNames.servedInline("image/jpeg")).isTrue();
        assertThat(FileNames.servedInline("text/plain; charset=utf-8")).isTrue();
        for (String t : new String[] {"text/html", "image/svg+xml", "application/xml", "text/xml", "application/javascript",
                "text/javascript", "application/xhtml+xml", "application/pdf", "application/octet-stream"}) {
            assertThat(FileNames.servedInline(t)).as(t).isFalse();
        }
        assertThat(FileNames.attachment("a b\".html")).isEqualTo("attachment; filename*=UTF-8''a%20b%22.html");
    }
}
