package org.interdict.clearance.replica;

import java.time.Duration;
import java.time.Instant;

/**
 * How current the sanctions data behind a decision was.
 *
 * @param heartbeatAt     when the registry last vouched for its data (its latest heartbeat), null if never heard
 * @param registryVersion the registry's highest vessel version at that heartbeat, null if never heard
 * @param replicaVersion  the highest vessel version this replica has applied
 */
public record ListVersion(Instant heartbeatAt, Long registryVersion, long replicaVersion) {

    /** Older than the freshness bound, or never vouched for: such data must never clear a vessel. */
    public boolean staleAt(Instant now, Duration freshness) {
        return heartbeatAt == null || heartbeatAt.plus(freshness).isBefore(now);
    }
}
