package org.passerelle.gateway.sms.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SmscRoutesTest {
    @Test
    void theLongestPrefixWinsAndNoPrefixesCatchAll() {
        assertThat(SmscRoutes.match(List.of("+33", "+336"), "+33612345678")).isEqualTo(4);
        assertThat(SmscRoutes.match(List.of("+44"), "+33612345678")).isEqualTo(-1);
        assertThat(SmscRoutes.match(List.of(), "+33612345678")).isZero();
    }
}
