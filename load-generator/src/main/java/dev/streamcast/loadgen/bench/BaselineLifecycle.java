package dev.streamcast.loadgen.bench;

import dev.streamcast.loadgen.baseline.BaselineApp;
import dev.streamcast.loadgen.baseline.BaselineSettings;
import dev.streamcast.loadgen.produce.ClientSettings;
import dev.streamcast.loadgen.produce.TopicSetup;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The in-process baseline's life in a bench run: before producing, commit the input's end offsets for its (fresh)
 * application id so it reads exactly this run's records whenever it starts; start it; afterwards stop it and delete
 * its consumer group and internal topics.
 */
final class BaselineLifecycle implements AutoCloseable {

    private final BaselineSettings settings;
    private final ClientSettings client;
    private final boolean keep;
    private BaselineApp app;

    BaselineLifecycle(BaselineSettings settings, ClientSettings client, boolean keep) {
        this.settings = settings;
        this.client = client;
        this.keep = keep;
    }

    void commitStartOffsets() throws Exception {
        try (Admin admin = admin()) {
            TopicDescription d = admin.describeTopics(List.of(settings.inputTopic())).allTopicNames()
                    .get(30, TimeUnit.SECONDS).get(settings.inputTopic());
            Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
            d.partitions().forEach(p -> specs.put(new TopicPartition(settings.inputTopic(), p.partition()),
                    OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
                    admin.listOffsets(specs).all().get(30, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
            ends.forEach((tp, info) -> commit.put(tp, new OffsetAndMetadata(info.offset())));
            admin.alterConsumerGroupOffsets(settings.applicationId(), commit).all().get(30, TimeUnit.SECONDS);
        }
    }

    void start() throws InterruptedException {
        app = new BaselineApp(settings);
        app.start(client.with(Map.of()), Duration.ofSeconds(120));
    }

    @Override
    public void close() {
        if (app != null) {
            app.close();
        }
        if (keep) {
            return;
        }
        try (Admin admin = admin()) {
            Map<String, String> failed = TopicSetup.delete(admin,
                    TopicSetup.withPrefix(admin, settings.applicationId() + "-", 30), 30);
            if (!failed.isEmpty()) {
                System.err.println("could not delete the baseline's internal topics: " + failed);
            }
            admin.deleteConsumerGroups(List.of(settings.applicationId())).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                System.err.println("could not clean up the baseline's group and internal topics: " + e.getMessage());
            }
        } catch (Exception e) {
            System.err.println("could not clean up the baseline's group and internal topics: " + e.getMessage());
        }
    }

    private Admin admin() {
        Properties p = client.with(Map.of("client.id", "load-generator-baseline-admin"));
        return Admin.create(p);
    }
}
