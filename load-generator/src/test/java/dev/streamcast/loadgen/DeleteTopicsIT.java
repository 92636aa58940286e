package dev.streamcast.loadgen;

import dev.streamcast.kafkalocal.LocalKafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code delete-topics} through the real command line against a broker started in this JVM. */
class DeleteTopicsIT {

    private static LocalKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = LocalKafkaBroker.startEphemeral();
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    /** The broker's topics starting with {@code dt-}. */
    private static Set<String> dtTopics(Admin admin) throws Exception {
        Set<String> s = new TreeSet<>(admin.listTopics().names().get(30, TimeUnit.SECONDS));
        s.removeIf(t -> !t.startsWith("dt-"));
        return s;
    }

    @Test
    void deletesOnlyTheTopicsWithThePrefixAndNothingOnADryRun() throws Exception {
        try (Admin admin = Admin.create(broker.adminClientProperties())) {
            admin.createTopics(List.of(new NewTopic("dt-a-1", 1, (short) 1), new NewTopic("dt-a-2", 2, (short) 1),
                    new NewTopic("dt-b-1", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            Set<String> all = Set.of("dt-a-1", "dt-a-2", "dt-b-1");
            assertEquals(all, dtTopics(admin));

            CliRun dry = CliRun.of("delete-topics", "-b", broker.bootstrapServers(), "--prefix", "dt-a-", "--dry-run");
            assertEquals(0, dry.code());
            assertEquals("would delete dt-a-1\nwould delete dt-a-2\nwould delete 2 topics with prefix dt-a-\n",
                    dry.out());
            Thread.sleep(500);
            assertEquals(all, dtTopics(admin), "a dry run deletes nothing");

            CliRun del = CliRun.of("delete-topics", "-b", broker.bootstrapServers(), "--prefix", "dt-a-");
            assertEquals(0, del.code(), del.out());
            assertEquals("deleted dt-a-1\ndeleted dt-a-2\ndeleted 2 topics with prefix dt-a-\n", del.out());
            // Deletion completes asynchronously on the broker: wait, bounded, until the topics are gone.
            long deadline = System.currentTimeMillis() + 30_000;
            while (!dtTopics(admin).equals(Set.of("dt-b-1")) && System.currentTimeMillis() < deadline) {
                Thread.sleep(200);
            }
            assertEquals(Set.of("dt-b-1"), dtTopics(admin));

            CliRun none = CliRun.of("delete-topics", "-b", broker.bootstrapServers(), "--prefix", "dt-none-");
            assertEquals(0, none.code());
            assertEquals("deleted 0 topics with prefix dt-none-\n", none.out());
        }
    }
}
