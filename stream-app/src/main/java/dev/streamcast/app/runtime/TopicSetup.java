package dev.streamcast.app.runtime;

import dev.streamcast.app.config.AppConfig;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Creates the topics the forecaster needs when they are missing; existing topics are left as they are. */
public final class TopicSetup {

    private static final Logger LOG = LoggerFactory.getLogger(TopicSetup.class);

    private TopicSetup() {
    }

    public static void ensure(AppConfig config) {
        int partitions = config.getInt("topic.partitions");
        short replication = (short) config.getInt("topic.replication");
        List<NewTopic> wanted = new ArrayList<>();
        for (String key : List.of("topic.observations", "topic.forecasts", "topic.dlq")) {
            wanted.add(new NewTopic(config.get(key), partitions, replication));
        }
        // One partition: the single consumer of the training samples is the one active trainer.
        wanted.add(new NewTopic(config.get("topic.training"), 1, replication)
                .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(24L * 3600 * 1000))));
        wanted.add(new NewTopic(config.get("topic.models"), 1, replication)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                        TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(8 * 1024 * 1024))));
        // Until the cluster answers, Kafka's client logs a warning a second; this line says what they are about.
        LOG.info("checking the topics on Kafka at {} (gives up after about a minute without an answer)",
                config.get("bootstrap.servers"));
        try (Admin admin = Admin.create(config.plainClientProps())) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = wanted.stream().filter(t -> !existing.contains(t.name())).toList();
            if (!missing.isEmpty()) {
                try {
                    admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            // On a cluster with ACLs, a missing permission stops the start here with one clear message.
            ClusterAccess.verify(admin, config);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw ClusterAccess.explain(e, config, "checking topics");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }
}
