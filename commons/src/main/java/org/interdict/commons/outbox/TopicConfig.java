package org.interdict.commons.outbox;

import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;

/**
 * The topics a service produces to, created on first use when missing (in Kubernetes, KafkaTopic resources create
 * them first with the same settings). For example {@code interdict.topics."registry.vessel-status.v1".compacted=true}.
 */
@ConfigMapping(prefix = "interdict.topics")
public interface TopicConfig {

    @WithParentName
    Map<String, Topic> topics();

    interface Topic {

        @WithDefault("3")
        int partitions();

        /** Keep the latest event per key for ever, so the topic alone rebuilds a replica. */
        @WithDefault("false")
        boolean compacted();
    }
}
