package dev.streamcast.loadgen.cli;

import dev.streamcast.loadgen.produce.TopicSetup;
import org.apache.kafka.clients.admin.Admin;
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
            List<String> topics = TopicSetup.withPrefix(admin, prefix, TIMEOUT_SECONDS);
            if (dryRun) {
                topics.forEach(t -> out.println("would delete " + t));
                out.println("would delete " + topics.size() + " topics with prefix " + prefix);
                out.flush();
                return 0;
            }
            Map<String, String> failed = TopicSetup.delete(admin, topics, TIMEOUT_SECONDS);
            topics.stream().filter(t -> !failed.containsKey(t)).forEach(t -> out.println("deleted " + t));
            out.println("deleted " + (topics.size() - failed.size()) + " topics with prefix " + prefix);
            out.flush();
            if (!failed.isEmpty()) {
                List<String> reasons = new ArrayList<>();
                failed.forEach((t, why) -> reasons.add(t + " (" + why + ")"));
                throw new IllegalStateException("could not delete " + failed.size() + " topics: "
                        + String.join(", ", reasons));
            }
            return 0;
        }
    }
}
