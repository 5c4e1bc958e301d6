package org.interdict.commons.outbox;

import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates a topic with its declared settings before the relay first publishes to it, so that a compacted topic is
 * never auto-created by the broker as an ordinary one.
 */
@ApplicationScoped
public class TopicCreator {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    TopicConfig config;

    private final Set<String> ensured = ConcurrentHashMap.newKeySet();

    public void ensure(String topic) throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
        if (ensured.contains(topic)) {
            return;
        }
        Optional<TopicConfig.Topic> declared = Optional.ofNullable(config.topics().get(topic));
        int partitions = declared.map(TopicConfig.Topic::partitions).orElse(3);
        boolean compacted = declared.map(TopicConfig.Topic::compacted).orElse(false);
        // the broker's default replication: one in development, what the cluster requires in production
        NewTopic newTopic = new NewTopic(topic, Optional.of(partitions), Optional.empty());
        if (compacted) {
            newTopic.configs(Map.of(org.apache.kafka.common.config.TopicConfig.CLEANUP_POLICY_CONFIG,
                    org.apache.kafka.common.config.TopicConfig.CLEANUP_POLICY_COMPACT));
        }
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 4000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 8000);
        try (Admin admin = Admin.create(props)) {
            admin.createTopics(Set.of(newTopic)).all().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        ensured.add(topic);
    }
}
