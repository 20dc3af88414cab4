package org.passerelle.bench.scenario;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ChatScenarioTest {
    @Test
    void aStepIsSustainedWhenNearlyAllIsDeliveredWithinTheLatencyBudget() {
        assertTrue(ChatScenario.sustains(8000, 7999, 12.2));
        assertTrue(ChatScenario.sustains(8000, 7920, 100));
    }

    @Test
    void aStepIsNotSustainedWhenMessagesFallBehindOrLatencyExplodes() {
        assertFalse(ChatScenario.sustains(12000, 11472, 52)); // 95.6 % delivered
        assertFalse(ChatScenario.sustains(16000, 16001, 1091.58)); // all delivered, far too late
        assertFalse(ChatScenario.sustains(8000, 7999, 100.5));
    }
}
