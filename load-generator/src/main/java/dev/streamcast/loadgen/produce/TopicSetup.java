package dev.streamcast.loadgen.produce;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Creates missing topics (existing ones are left exactly as they are), and finds and deletes a run's scratch topics
 * by name prefix.
 */
public final class TopicSetup {

    private TopicSetup() {
    }

    /**
     * @param partitions        for new topics; -1 = the broker's default
     * @param replicationFactor for new topics; -1 = the broker's default
     * @return the topics that were created
     */
    public static List<String> ensure(Admin admin, Collection<String> topics, int partitions, short replicationFactor)
            throws InterruptedException, ExecutionException, TimeoutException {
        Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
        List<NewTopic> missing = new ArrayList<>();
        for (String t : topics) {
            if (!existing.contains(t) && missing.stream().noneMatch(n -> n.name().equals(t))) {
                missing.add(new NewTopic(t,
                        partitions > 0 ? Optional.of(partitions) : Optional.empty(),
                        replicationFactor > 0 ? Optional.of(replicationFactor) : Optional.empty()));
            }
        }
        List<String> created = new ArrayList<>();
        for (NewTopic t : missing) {
            try {
                admin.createTopics(List.of(t)).all().get(30, TimeUnit.SECONDS);
                created.add(t.name());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
        return created;
    }

    /** The topics whose names start with {@code prefix}, sorted. */
    public static List<String> withPrefix(Admin admin, String prefix, long timeoutSeconds)
            throws InterruptedException, ExecutionException, TimeoutException {
        return admin.listTopics().names().get(timeoutSeconds, TimeUnit.SECONDS).stream()
                .filter(t -> t.startsWith(prefix)).sorted().toList();
    }

    /**
     * Deletes {@code topics}; returns the ones that could not be deleted with the reason, in their order. A topic
     * already gone is not a failure.
     */
    public static Map<String, String> delete(Admin admin, List<String> topics, long timeoutSeconds)
            throws InterruptedException, TimeoutException {
        Map<String, String> failed = new LinkedHashMap<>();
        if (topics.isEmpty()) {
            return failed;
        }
        Map<String, KafkaFuture<Void>> results = admin.deleteTopics(topics).topicNameValues();
        for (String t : topics) {
            try {
                results.get(t).get(timeoutSeconds, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    failed.put(t, String.valueOf(e.getCause().getMessage()));
                }
            }
        }
        return failed;
    }
}
