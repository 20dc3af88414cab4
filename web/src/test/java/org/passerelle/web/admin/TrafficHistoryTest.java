package org.passerelle.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TrafficHistoryTest {
    @Test
    void minutesAreDifferencesOfTheCounterAndHoursTheirSums() {
        TrafficHistory h = new TrafficHistory();
        h.sample(100); // the base
        h.sample(103);
        h.sample(103);
        h.sample(110);
        long[] minutes = h.lastHourByMinute();
        assertThat(minutes).hasSize(60);
        assertThat(minutes[57]).isEqualTo(3);
        assertThat(minutes[58]).isZero();
        assertThat(minutes[59]).isEqualTo(7);
        assertThat(h.lastDayByHour()[23]).isEqualTo(10);
    }

    @Test
    void theRingKeepsOneDay() {
        TrafficHistory h = new TrafficHistory();
        long total = 0;
        h.sample(total);
        for (int i = 0; i < TrafficHistory.MINUTES + 60; i++) h.sample(total += (i < 60 ? 1000 : 1)); // the first hour falls out
        long[] hours = h.lastDayByHour();
        assertThat(hours).containsOnly(60L);
    }
}
