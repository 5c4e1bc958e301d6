package org.interdict.readouts;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How readouts are distributed. */
@ConfigMapping(prefix = "interdict.readouts")
public interface ReadoutsConfig {

    Webhooks webhooks();

    /** How often the pending-deliveries gauge is recounted. */
    @WithDefault("15s")
    Duration metricsRefresh();

    interface Webhooks {

        /** Lets {@code http://localhost} and {@code http://127.0.0.1} endpoints register: development and tests only. */
        @WithDefault("false")
        boolean allowInsecureLocalhost();

        /** How often due deliveries are looked for. */
        @WithDefault("1s")
        Duration pollInterval();

        /** Deliveries claimed per poll. */
        @WithDefault("100")
        int batchSize();

        /** Connect and response timeout of one attempt: a dead endpoint costs this much, to itself only. */
        @WithDefault("10s")
        Duration timeout();

        /** Wait before the second attempt; it doubles after each failure. */
        @WithDefault("5s")
        Duration initialBackoff();

        /** The wait between attempts never grows beyond this. */
        @WithDefault("15m")
        Duration maxBackoff();

        /** After this long since publishing, a delivery that never succeeded is given up. */
        @WithDefault("24h")
        Duration retryFor();
    }
}
