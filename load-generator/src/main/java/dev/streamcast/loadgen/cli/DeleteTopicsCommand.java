package dev.streamcast.loadgen.cli;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * {@code delete-topics}: removes a benchmark run's scratch topics by name prefix. Left on the broker, they pile up,
 * and the compacted ones (Streams changelogs) keep the log cleaner busy during later runs, which skews them.
 */
@Command(name = "delete-topics", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Delete every topic whose name starts with --prefix (a bench run's topics, including a Streams "
                + "app's internal ones), one line per topic on stdout, then a summary line.",
                "Example: delete-topics --prefix lg-fx --dry-run"})
public final class DeleteTopicsCommand implements Callable<Integer> {

    private static final long TIMEOUT_SECONDS = 60;

    @Option(names = "--prefix", required = true, paramLabel = "P",
            description = "Delete the topics whose name starts with P; must not be blank or match internal topics "
                    + "(__*) (default: none, required).")
    String prefix;

    @Option(names = "--dry-run", defaultValue = "false",
            description = "List the topics that would be deleted; delete nothing (default: ${DEFAULT-VALUE}).")
    boolean dryRun;

    @Mixin
    KafkaOptions kafka = new KafkaOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (prefix.isBlank()) {
            throw new IllegalArgumentException("--prefix must not be blank: it would delete every topic");
        }
        if (prefix.startsWith("__") || "__".startsWith(prefix)) {
            throw new IllegalArgumentException("--prefix '" + prefix + "' would match internal topics (__*)");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Admin admin = Admin.create(kafka.settings().with(Map.of("client.id", "load-generator-delete-topics")))) {
            List<String> topics = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).stream()
                    .filter(t -> t.startsWith(prefix)).sorted().toList();
            if (dryRun) {
                topics.forEach(t -> out.println("would delete " + t));
                out.println("would delete " + topics.size() + " topics with prefix " + prefix);
                out.flush();
                return 0;
            }
            Map<String, KafkaFuture<Void>> results = topics.isEmpty() ? Map.of()
                    : admin.deleteTopics(topics).topicNameValues();
            int deleted = 0;
            List<String> failed = new ArrayList<>();
            for (String t : topics) {
                try {
                    results.get(t).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                    out.println("deleted " + t);
                    deleted++;
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) { // else gone meanwhile
                        failed.add(t + " (" + e.getCause().getMessage() + ")");
                    }
                }
            }
            out.println("deleted " + deleted + " topics with prefix " + prefix);
            out.flush();
            if (!failed.isEmpty()) {
                throw new IllegalStateException("could not delete " + failed.size() + " topics: "
                        + String.join(", ", failed));
            }
            return 0;
        }
    }
}
