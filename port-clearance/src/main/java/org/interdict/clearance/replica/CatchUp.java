package org.interdict.clearance.replica;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToLongFunction;

import org.apache.kafka.common.TopicPartition;

/**
 * Whether the replica has read as far as its topics reached when it started. A partition's target is its end offset
 * when the replica first saw it; once every target is reached the replica stays caught up.
 */
final class CatchUp {

    private final Map<TopicPartition, Long> targets = new ConcurrentHashMap<>();
    private volatile boolean started;
    private volatile boolean reached;

    /** The end offsets of partitions now assigned; partitions seen before keep their first target. */
    void aim(Map<TopicPartition, Long> endOffsets) {
        endOffsets.forEach(targets::putIfAbsent);
        started = true;
    }

    /** Compares the reading positions with the targets; true from the first time all are reached. */
    boolean check(ToLongFunction<TopicPartition> position) {
        if (!reached && started) {
            reached = targets.entrySet().stream().allMatch(target -> position.applyAsLong(target.getKey()) >= target.getValue());
        }
        return reached;
    }

    boolean reached() {
        return reached;
    }
}
