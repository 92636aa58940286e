package dev.streamcast.loadgen.cli;

import dev.streamcast.loadgen.produce.ClientSettings;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Where Kafka is and how to reach it; shared by every command (topic creation: {@link TopicOptions}). */
public final class KafkaOptions {

    @Option(names = {"-b", "--bootstrap-servers"}, paramLabel = "HOST:PORT[,...]", defaultValue = "127.0.0.1:9092",
            description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE}).")
    String bootstrapServers;

    @Option(names = "--client-config", paramLabel = "FILE",
            description = "Java properties file of standard Kafka client settings (security.protocol, sasl.*, ssl.*, "
                    + "...) applied unchanged to every client this tool creates, over its own defaults. Values are "
                    + "never printed (default: none).")
    Path clientConfig;

    @Option(names = {"-X", "--client-property"}, paramLabel = "KEY=VALUE",
            description = "One extra Kafka client setting for every client, over --client-config; repeatable "
                    + "(default: none).")
    Map<String, String> clientProperties = new LinkedHashMap<>();

    public ClientSettings settings() {
        try {
            return ClientSettings.load(bootstrapServers, clientConfig, clientProperties);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read --client-config " + clientConfig, e);
        }
    }
}
