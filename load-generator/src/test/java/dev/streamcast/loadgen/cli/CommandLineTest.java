package dev.streamcast.loadgen.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandLineTest {

    @Test
    void everyOptionOfEveryCommandShowsItsDefaultInHelp() {
        CommandLine root = LoadGeneratorCommand.commandLine();
        for (String name : new String[] {"produce", "bench", "baseline", "delete-topics"}) {
            CommandLine sub = root.getSubcommands().get(name);
            StringWriter help = new StringWriter();
            sub.usage(new PrintWriter(help));
            for (OptionSpec o : sub.getCommandSpec().options()) {
                if (o.usageHelp() || o.versionHelp()) {
                    continue;
                }
                String text = String.join(" ", o.description());
                assertTrue(text.contains("(default: "), name + " " + o.longestName() + " lacks its default");
                assertTrue(help.toString().contains(o.longestName().replaceFirst("^--?", "")), name + " help lacks " + o.longestName());
            }
        }
    }

    /** Only the commands that create topics offer the options for it. */
    @Test
    void topicCreationOptionsBelongToTheProducingCommands() {
        CommandLine root = LoadGeneratorCommand.commandLine();
        for (String name : new String[] {"produce", "bench", "baseline", "delete-topics"}) {
            var options = root.getSubcommands().get(name).getCommandSpec().optionsMap();
            boolean creates = name.equals("produce") || name.equals("bench");
            for (String option : new String[] {"--partitions", "--replication-factor", "--create-topics"}) {
                assertEquals(creates, options.containsKey(option), name + " " + option);
            }
            assertTrue(options.containsKey("--bootstrap-servers"), name + " --bootstrap-servers");
        }
    }

    @Test
    void helpExitsCleanly() {
        CommandLine root = LoadGeneratorCommand.commandLine();
        StringWriter out = new StringWriter();
        root.setOut(new PrintWriter(out));
        assertEquals(0, root.execute("bench", "--help"));
        assertTrue(out.toString().contains("--processing-guarantee"));
        assertEquals(0, root.execute("--help"));
        assertTrue(out.toString().contains("produce"));
    }

    @Test
    void inputMistakesGiveOneClearLineAndExitCodeTwoBeforeTouchingKafka() {
        CommandLine root = LoadGeneratorCommand.commandLine();
        StringWriter err = new StringWriter();
        root.setErr(new PrintWriter(err));
        assertEquals(2, root.execute("produce", "-b", "127.0.0.1:1", "--fault-fraction", "2"));
        assertTrue(err.toString().startsWith("error: fault fractions add up to 2.0"), err.toString());
        assertEquals(2, root.execute("bench", "-b", "127.0.0.1:1", "--replay", "/nonexistent.csv"));
        assertTrue(err.toString().contains("cannot read the replay file"), err.toString());
        assertEquals(2, root.execute("bench", "-b", "127.0.0.1:1", "--processing-guarantee", "maybe"));
        assertEquals(2, root.execute("baseline", "-b", "127.0.0.1:1", "--processing-guarantee", "maybe"));
        assertTrue(err.toString().contains("--processing-guarantee must be at_least_once or exactly_once_v2"));
        assertEquals(2, root.execute("baseline", "-b", "127.0.0.1:1", "--threads", "0"));
        assertTrue(err.toString().contains("--threads must be at least 1"), err.toString());
        assertTrue(!err.toString().contains("\tat "), "no stack trace: " + err);
    }

    @Test
    void deleteTopicsRefusesBlankAndInternalPrefixesBeforeTouchingKafka() {
        CommandLine root = LoadGeneratorCommand.commandLine();
        StringWriter out = new StringWriter();
        root.setOut(new PrintWriter(out));
        for (String prefix : new String[] {"", "  ", "_", "__", "__consumer"}) {
            StringWriter err = new StringWriter();
            root.setErr(new PrintWriter(err));
            assertEquals(2, root.execute("delete-topics", "-b", "127.0.0.1:1", "--prefix", prefix), "'" + prefix + "'");
            String[] lines = err.toString().strip().split("\n");
            assertEquals(1, lines.length, err.toString());
            assertTrue(lines[0].startsWith("error: --prefix "), err.toString());
            assertTrue(lines[0].contains(prefix.isBlank() ? "must not be blank" : "would match internal topics"),
                    err.toString());
        }
        assertEquals("", out.toString());
        root.setErr(new PrintWriter(new StringWriter()));
        assertEquals(2, root.execute("delete-topics", "-b", "127.0.0.1:1"), "--prefix is required");
    }

    @Test
    void aDryRunProducesTheSummaryWithoutKafka() {
        CommandLine root = LoadGeneratorCommand.commandLine();
        StringWriter out = new StringWriter();
        root.setOut(new PrintWriter(out));
        assertEquals(0, root.execute("produce", "--dry-run", "--count", "5000", "--keys", "10", "--rate", "0",
                "--fault-fraction", "0.08", "--quiet"));
        String json = out.toString().strip();
        assertTrue(json.startsWith("{\"sent\":5000,\"acked\":5000,\"errors\":0,"), json);
        assertTrue(json.contains("\"kinds\":{\"none\":"), json);
    }

    @Test
    void durationsTakeShortAndIsoForms() {
        assertEquals(Duration.ofMillis(500), Durations.parse("500ms"));
        assertEquals(Duration.ofSeconds(30), Durations.parse("30s"));
        assertEquals(Duration.ofSeconds(30), Durations.parse("30"));
        assertEquals(Duration.ofMinutes(5), Durations.parse("5m"));
        assertEquals(Duration.ofMillis(1500), Durations.parse("1.5s"));
        assertEquals(Duration.ofDays(2), Durations.parse("2d"));
        assertEquals(Duration.ofMinutes(1), Durations.parse("PT1M"));
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("soon"));
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("3 weeks"));
    }

    @Test
    void regimeShiftsTakeInstantsOrOffsetsFromStart() {
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        assertEquals(Instant.parse("2024-01-03T00:00:00Z").toEpochMilli(),
                SourceOptions.parseShift("2024-01-03T00:00:00Z", start));
        assertEquals(Instant.parse("2024-01-01T12:00:00Z").toEpochMilli(), SourceOptions.parseShift("12h", start));
        assertEquals(0, SourceOptions.parseStart("now").toEpochMilli() % 60_000);
    }
}
