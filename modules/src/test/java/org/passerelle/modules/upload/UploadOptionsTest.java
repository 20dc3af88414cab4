package org.passerelle.modules.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class UploadOptionsTest {
    private static UploadOptions with(Long max, Long quota, String directory) {
        return new UploadOptions(null, null, max, quota, null, null, null, directory, null);
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        UploadOptions o = with(null, null, null);
        assertThat(o.enabled()).isTrue();
        assertThat(o.maxFileBytes()).isEqualTo(10L << 20);
        assertThat(o.quotaBytes()).isEqualTo(100L << 20);
        assertThat(o.expireDays()).isEqualTo(30);
        assertThat(o.slotSeconds()).isEqualTo(300);
        assertThat(o.directoryIn(Path.of("/data"))).isEqualTo(Path.of("/data/uploads"));
    }

    @Test
    void badValuesAreRefusedAtStart() {
        assertThatThrownBy(() -> with(1000L, 999L, null)).hasMessageContaining("quotaBytes");
        assertThatThrownBy(() -> with(0L, null, null)).hasMessageContaining("maxFileBytes");
        assertThatThrownBy(() -> with(2L << 30, 4L << 30, null)).hasMessageContaining("maxFileBytes");
        assertThatThrownBy(() -> with(null, null, "rel").directoryIn(null)).hasMessageContaining("absolute");
    }
}
