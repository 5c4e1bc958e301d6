package org.interdict.commons.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the outbox relay publishes. */
@ConfigMapping(prefix = "interdict.outbox")
public interface OutboxConfig {

    /** How often the relay looks for new events; also the delay an event may wait at most when all is well. */
    @WithDefault("200ms")
    Duration pollInterval();

    /** Events published per transaction. */
    @WithDefault("500")
    int batchSize();

    /** How long a batch may take to be acknowledged by Kafka before it is retried later. */
    @WithDefault("10s")
    Duration sendTimeout();
}
