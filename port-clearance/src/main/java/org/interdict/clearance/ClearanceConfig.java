package org.interdict.clearance;

import java.time.Duration;
import java.util.Set;

import jakarta.validation.constraints.Positive;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How port clearance decides and where its sanctions data comes from. */
@ConfigMapping(prefix = "interdict.clearance")
public interface ClearanceConfig {

    /** Sanctions data whose last registry heartbeat is older than this never clears a vessel. */
    @WithDefault("5m")
    Duration freshness();

    Replica replica();

    Risk risk();

    Journal journal();

    interface Replica {

        /** The registry's compacted topic of vessel statuses, keyed by IMO. */
        @WithDefault("registry.vessel-status.v1")
        String statusTopic();

        /** The registry's heartbeat topic, which tells current data from stale data. */
        @WithDefault("registry.heartbeat.v1")
        String heartbeatTopic();
    }

    interface Risk {

        /**
         * Flags that weigh on the risk profile as a black-listed flag does in the Paris MoU's ship risk profile: set it
         * to the current Paris MoU black list; the default is a recent one plus the DPRK.
         */
        @WithDefault("PRK,CMR,TZA,MDA,TGO,SLE,COM")
        Set<String> highRiskFlags();
    }

    /** How decisions are kept: all those waiting at once, in one transaction (a group commit). */
    interface Journal {

        /** The most decisions in one transaction; 1 keeps each in its own transaction, as before group commit. */
        @WithDefault("500")
        @Positive
        int maxBatch();

        /** The most decisions waiting to be kept; a request beyond them is answered 503 with Retry-After. */
        @WithDefault("5000")
        @Positive
        int capacity();
    }
}
