package org.interdict.registry;

import java.time.Duration;
import java.util.List;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** The registry's settings ({@code interdict.registry.*}); the heartbeat interval is read by its schedule. */
@ConfigMapping(prefix = "interdict.registry")
public interface RegistryConfig {

    /** How often the heartbeat goes out; read by {@code Heartbeat}'s schedule, declared here to be validated. */
    @WithDefault("30s")
    Duration heartbeatInterval();

    Search search();

    @WithName("import")
    Import importing();

    Nomination nomination();

    /** Largest JSON body accepted; imports have their own limit. */
    @WithDefault("1M")
    MemorySize maxJsonBytes();

    interface Search {

        /** pg_trgm similarity a whole name needs to match; low enough that a one-letter typo still matches. */
        @WithDefault("0.3")
        double similarityThreshold();

        /** pg_trgm word similarity a query needs to match inside a longer name. */
        @WithDefault("0.6")
        double wordSimilarityThreshold();

        /**
         * Scores a name search tries first, highest first, before the thresholds: a page filled at a higher score
         * needed only the few names that close. Steps at or below the lower threshold are skipped.
         */
        @WithDefault("0.6,0.5,0.4")
        List<Double> steps();
    }

    interface Import {

        /** Largest list file accepted (413 above it). */
        @WithDefault("50M")
        MemorySize maxBytes();

        /** Entries applied per transaction. */
        @WithDefault("500")
        int batchSize();
    }

    interface Nomination {

        /** Endorsements from other member nations that a nomination needs before an admin may approve it. */
        @WithDefault("2")
        int endorsementsRequired();
    }
}
