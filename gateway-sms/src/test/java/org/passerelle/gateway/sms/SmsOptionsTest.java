package org.passerelle.gateway.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The window keys: a default, bounds, and an SMSC's own window. */
class SmsOptionsTest {
    private static SmscOptions smsc(Integer window) {
        return new SmscOptions("sim", "127.0.0.1", null, "esme", "pw", null, null, null, window);
    }

    private static SmsOptions options(Integer window) {
        return new SmsOptions(true, null, "555", List.of(smsc(null)), null, null, null, null, null, null, null, window);
    }

    @Test
    void theWindowDefaultsToTenAndStaysWithinBounds() {
        assertThat(options(null).window()).isEqualTo(10);
        assertThat(options(1).window()).isEqualTo(1);
        assertThatThrownBy(() -> options(0)).hasMessageContaining("window");
        assertThatThrownBy(() -> options(1001)).hasMessageContaining("window");
    }

    @Test
    void anSmscMayHaveItsOwnWindow() {
        assertThat(smsc(null).window()).isNull();
        assertThat(smsc(25).window()).isEqualTo(25);
        assertThatThrownBy(() -> smsc(0)).hasMessageContaining("window");
    }
}
