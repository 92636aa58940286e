package dev.streamcast.app.cli;

import dev.streamcast.app.config.AppConfig;
import dev.streamcast.app.config.Setting;
import dev.streamcast.app.config.Settings;
import dev.streamcast.app.http.HttpApi;
import dev.streamcast.app.metrics.AppMetrics;
import dev.streamcast.app.model.ModelDocuments;
import dev.streamcast.app.model.ModelRegistry;
import dev.streamcast.app.model.RnnModel;
import dev.streamcast.app.runtime.ForecasterApp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code run}: the service. Runs until SIGTERM / Ctrl-C, then closes cleanly (state flushed, offsets committed). */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs the forecaster against a Kafka cluster.",
            "Settings: defaults < --config FILE < STREAMCAST_* environment variables < options here.",
            "Any Kafka client setting (security.protocol, sasl.*, ssl.*, producer.*, consumer.*) passes through."},
        footer = {"", "Settings (key = default; environment variable STREAMCAST_KEY_WITH_UNDERSCORES):"})
public final class RunCommand implements Callable<Integer> {

    @Option(names = "--bootstrap-servers", description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE})",
            defaultValue = "127.0.0.1:9092")
    String bootstrapServers;

    @Option(names = "--config", paramLabel = "FILE", description = "properties file with settings (see below)")
    Path config;

    @Option(names = "--model", paramLabel = "FILE",
            description = "start from this saved model document instead of the latest on the models topic")
    Path model;

    @Option(names = {"-D", "--set"}, paramLabel = "KEY=VALUE", description = "override one setting")
    Map<String, String> overrides = new LinkedHashMap<>();

    private volatile boolean failed;

    @Override
    public Integer call() throws Exception {
        Map<String, String> cli = new LinkedHashMap<>(overrides);
        // An explicit option beats the file and the environment; the default only fills a gap.
        AppConfig probe = AppConfig.load(config, System.getenv(), cli);
        if (bootstrapServersGiven() || probe.get("bootstrap.servers").equals(defaultBootstrap())) {
            cli.putIfAbsent("bootstrap.servers", bootstrapServers);
        }
        AppConfig cfg = AppConfig.load(config, System.getenv(), cli);
        AppMetrics metrics = new AppMetrics();
        ModelRegistry registry = model == null ? new ModelRegistry() : new ModelRegistry(loadModel(model), true);
        metrics.servingVersion(registry.current().version());
        ForecasterApp app = new ForecasterApp(cfg, registry, metrics);
        HttpApi http = new HttpApi(cfg, app, registry, metrics);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            http.close();
            app.close();
            stopped.countDown();
        }, "streamcast-shutdown"));
        app.start();
        http.start();
        System.out.println("streamcast running: bootstrap " + cfg.get("bootstrap.servers") + ", HTTP on port "
                + http.port() + " (dashboard http://127.0.0.1:" + http.port() + "/), serving model version "
                + registry.current().version());
        app.stoppedOnItsOwn().thenAccept(state -> {
            System.err.println("streamcast stopped: Kafka Streams is " + state + " (see the log above for why)");
            failed = true;
            stopped.countDown();
        });
        stopped.await();
        return failed ? 1 : 0;
    }

    private boolean bootstrapServersGiven() {
        return !bootstrapServers.equals(defaultBootstrap());
    }

    private static String defaultBootstrap() {
        return "127.0.0.1:9092";
    }

    static RnnModel loadModel(Path file) {
        try {
            return ModelDocuments.parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model file " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("model file " + file + " cannot serve: " + e.getMessage(), e);
        }
    }

    /** The settings table for --help. */
    public static String settingsTable() {
        StringBuilder sb = new StringBuilder();
        for (Setting s : Settings.ALL) {
            sb.append(String.format("  %-28s %-22s %s%n", s.key(), s.defaultValue(), s.description()));
        }
        sb.append(String.format("%nKafka settings the forecaster sets unless given (see the README's Performance):%n"));
        sb.append(String.format("  %-28s %-22s %s%n", "statestore.cache.max.bytes",
                ForecasterApp.DEFAULT_RECORD_CACHE_BYTES, "record cache; at most an eighth of the heap"));
        ForecasterApp.KAFKA_DEFAULTS.forEach((key, value) -> sb.append(String.format("  %-28s %s%n", key, value)));
        return sb.toString();
    }
}
