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
        long[] minutes = h.lastHourByMinute(114); // 4 more in the minute in progress
        assertThat(minutes).hasSize(60);
        assertThat(minutes[56]).isEqualTo(3);
        assertThat(minutes[57]).isZero();
        assertThat(minutes[58]).isEqualTo(7);
        assertThat(minutes[59]).as("the minute in progress").isEqualTo(4);
        assertThat(h.lastDayByHour(114)[23]).isEqualTo(14);
    }

    @Test
    void trafficShowsBeforeTheFirstFullMinute() {
        TrafficHistory h = new TrafficHistory();
        h.sample(50);
        assertThat(h.lastHourByMinute(52)[59]).isEqualTo(2);
        assertThat(h.lastDayByHour(52)[23]).isEqualTo(2);
    }

    @Test
    void theRingKeepsOneDay() {
        TrafficHistory h = new TrafficHistory();
        long total = 0;
        h.sample(total);
        for (int i = 0; i < TrafficHistory.MINUTES + 60; i++) h.sample(total += (i < 60 ? 1000 : 1)); // the first hour falls out
        long[] hours = h.lastDayByHour(total + 1); // 1 in the minute in progress, as in each sampled minute
        assertThat(hours).containsOnly(60L);
    }
}
