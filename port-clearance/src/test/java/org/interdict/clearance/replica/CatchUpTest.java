package org.interdict.clearance.replica;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class CatchUpTest {

    final TopicPartition p0 = new TopicPartition("registry.vessel-status.v1", 0);
    final TopicPartition p1 = new TopicPartition("registry.vessel-status.v1", 1);
    final CatchUp catchUp = new CatchUp();
    final Map<TopicPartition, Long> positions = new HashMap<>(Map.of(p0, 0L, p1, 0L));

    @Test
    void isNotCaughtUpBeforeKnowingWhereTheTopicEnds() {
        assertFalse(catchUp.check(positions::get));
    }

    @Test
    void isCaughtUpOnlyOnceEveryPartitionReachedItsEndAtStart() {
        catchUp.aim(Map.of(p0, 3L, p1, 2L));
        assertFalse(catchUp.check(positions::get));
        positions.put(p0, 3L);
        assertFalse(catchUp.check(positions::get));
        positions.put(p1, 2L);
        assertTrue(catchUp.check(positions::get));
    }

    @Test
    void keepsTheFirstTargetOfAPartitionAndStaysCaughtUp() {
        catchUp.aim(Map.of(p0, 3L));
        catchUp.aim(Map.of(p0, 10L));
        positions.put(p0, 3L);
        assertTrue(catchUp.check(positions::get));
        positions.put(p0, 0L);
        assertTrue(catchUp.check(positions::get));
    }

    @Test
    void isCaughtUpAtOnceWhenThereIsNoTopicYet() {
        catchUp.aim(Map.of());
        assertTrue(catchUp.check(positions::get));
    }
}
