package org.passerelle.bench.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JvmProbeTest {
    @Test
    void onlyAProcessWithLibjvmCountsAsAJvm(@TempDir Path dir) throws Exception {
        assertThat(JvmProbe.isJvm(Path.of("/proc/self/maps"))).isTrue();
        Path beam = dir.resolve("maps");
        Files.writeString(beam, "55d0 r-xp 00000000 fd:01 123 /usr/lib/erlang/erts-13.1.5/bin/beam.smp\n");
        assertThat(JvmProbe.isJvm(beam)).isFalse();
        assertThat(JvmProbe.isJvm(dir.resolve("gone"))).isFalse();
        assertThat(JvmProbe.attach(Long.MAX_VALUE)).isNull();
    }
}
