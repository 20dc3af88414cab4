package org.passerelle.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PriorityListTest {
    @Test
    void keepsPriorityOrderAndInsertionOrderWithinAPriority() {
        PriorityList<String> list = new PriorityList<>();
        list.add(10, "late");
        list.add(0, "first");
        list.add(10, "later");
        Runnable removeMiddle = list.add(5, "middle");
        assertThat(list.items()).containsExactly("first", "middle", "late", "later");
        removeMiddle.run();
        assertThat(list.items()).containsExactly("first", "late", "later");
    }

    @Test
    void aSnapshotIsNotChangedByLaterRegistrations() {
        PriorityList<String> list = new PriorityList<>();
        list.add(1, "a");
        List<String> snapshot = list.items();
        list.add(0, "b");
        assertThat(snapshot).containsExactly("a");
        assertThat(list.items()).containsExactly("b", "a");
    }
}
