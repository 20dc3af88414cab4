package org.passerelle.bench.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessStatsTest {
    @Test
    void readsMemoryAndCpuOfAProcessNameWithSpaces(@TempDir Path proc) throws Exception {
        Files.writeString(proc.resolve("status"), "Name:\tbeam.smp\nVmHWM:\t  204800 kB\nVmRSS:\t  102400 kB\n");
        Files.writeString(proc.resolve("stat"), "4242 (a b) S 1 4242 4242 0 -1 4194560 100 0 0 0 250 50 0 0 20 0 8 0\n");
        ProcessStats s = new ProcessStats(proc);
        assertThat(s.rssBytes()).isEqualTo(102400L * 1024);
        assertThat(s.peakRssBytes()).isEqualTo(204800L * 1024);
        assertThat(s.cpuSeconds()).isEqualTo(3.0);
    }

    @Test
    void aMissingProcessReadsAsMinusOne(@TempDir Path dir) {
        ProcessStats s = new ProcessStats(dir.resolve("nope"));
        assertThat(s.rssBytes()).isEqualTo(-1);
        assertThat(s.cpuSeconds()).isEqualTo(-1);
    }

    @Test
    void readsThisProcess() {
        ProcessStats s = new ProcessStats(ProcessHandle.current().pid());
        assertThat(s.rssBytes()).isGreaterThan(1024 * 1024);
        assertThat(s.cpuSeconds()).isGreaterThan(0);
    }
}
