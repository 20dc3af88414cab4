package org.passerelle.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class UsersTest {
    @Test
    void namesAndPasswordsByNumber() {
        Users u = new Users("u%05d", "secret-%d", "example.org");
        assertThat(u.user(42)).isEqualTo("u00042");
        assertThat(u.password(42)).isEqualTo("secret-42");
        assertThat(u.bareJid(7)).isEqualTo("u00007@example.org");
        assertThat(new Users("bench%d", "same", "x").password(3)).isEqualTo("same");
        assertThatThrownBy(() -> new Users("bench", "pw", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void settingsAreBounded() {
        assertThatThrownBy(() -> new Settings(10, 1, 0, List.of(), 0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Settings(10, 1, 0, List.of(-1.0), 5, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Settings(0, 1, 0, List.of(), 5, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Settings(10, 1, 0, List.of(100.0), 5, 10).rates()).containsExactly(100.0);
    }

    @Test
    void scenariosByName() {
        assertThat(Scenario.named("chat")).isInstanceOf(ChatScenario.class);
        assertThatThrownBy(() -> Scenario.named("stress")).isInstanceOf(IllegalArgumentException.class);
    }
}
