package org.passerelle.modules.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class UploadOptionsTest {
    private static UploadOptions with(Long max, Long quota, String publicUrl, String directory) {
        return new UploadOptions(null, null, max, quota, null, null, null, publicUrl, directory, null);
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        UploadOptions o = with(null, null, null, null);
        assertThat(o.enabled()).isTrue();
        assertThat(o.maxFileBytes()).isEqualTo(10L << 20);
        assertThat(o.quotaBytes()).isEqualTo(100L << 20);
        assertThat(o.expireDays()).isEqualTo(30);
        assertThat(o.slotSeconds()).isEqualTo(300);
        assertThat(o.directoryIn(Path.of("/data"))).isEqualTo(Path.of("/data/uploads"));
    }

    @Test
    void badValuesAreRefusedAtStart() {
        assertThatThrownBy(() -> with(1000L, 999L, null, null)).hasMessageContaining("quotaBytes");
        assertThatThrownBy(() -> with(0L, null, null, null)).hasMessageContaining("maxFileBytes");
        assertThatThrownBy(() -> with(2L << 30, 4L << 30, null, null)).hasMessageContaining("maxFileBytes");
        assertThatThrownBy(() -> with(null, null, "ftp://x", null)).hasMessageContaining("publicUrl");
        assertThatThrownBy(() -> with(null, null, "https://x/?a=b", null)).hasMessageContaining("publicUrl");
        assertThatThrownBy(() -> with(null, null, null, "rel").directoryIn(null)).hasMessageContaining("absolute");
        assertThat(with(null, null, "https://files.example.org//", null).publicUrl()).isEqualTo("https://files.example.org");
    }
}
