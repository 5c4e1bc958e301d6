package org.interdict.registry;

import java.time.Duration;

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

        /**
         * Trigram similarity (as pg_trgm measures it) a whole name needs to match; low enough that a one-letter typo
         * still matches.
         */
        @WithDefault("0.3")
        double similarityThreshold();

        /** Trigram word similarity (as pg_trgm measures it) a query needs to match inside a longer name. */
        @WithDefault("0.6")
        double wordSimilarityThreshold();
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
