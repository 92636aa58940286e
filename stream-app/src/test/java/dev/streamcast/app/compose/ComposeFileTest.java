package dev.streamcast.app.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamcast.app.config.Setting;
import dev.streamcast.app.config.Settings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docker-compose.yml read as data (no Docker engine on the build machines): the services exist with the right
 * images and build targets, host ports are distinct, every {@code STREAMCAST_*} variable names a real setting, the
 * two forecasters form one application that can route to each other, and the generator's options exist.
 */
class ComposeFileTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static JsonNode services;
    static String dockerfile;

    @BeforeAll
    static void read() throws IOException {
        // SnakeYAML (under jackson-dataformat-yaml) builds the objects, resolving the anchors and merge keys
        // (<<: *forecaster-env) as Compose does; Jackson's streaming YAML reader would not.
        Object yaml = new org.yaml.snakeyaml.Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        JsonNode compose = new ObjectMapper().valueToTree(yaml);
        services = compose.get("services");
        dockerfile = Files.readString(ROOT.resolve("docker/Dockerfile"));
    }

    @Test
    void servicesAndImages() {
        assertEquals(Set.of("kafka", "forecaster-1", "forecaster-2", "generator"), names(services));
        assertTrue(services.at("/kafka/image").asText().startsWith("apache/kafka:"), "KRaft Kafka image");
        assertEquals("broker,controller", services.at("/kafka/environment/KAFKA_PROCESS_ROLES").asText());
        for (String f : List.of("forecaster-1", "forecaster-2")) {
            assertEquals("docker/Dockerfile", services.at("/" + f + "/build/dockerfile").asText());
            assertEquals("stream-app", services.at("/" + f + "/build/target").asText());
            assertEquals("run", services.at("/" + f + "/command/0").asText());
        }
        assertEquals("load-generator", services.at("/generator/build/target").asText());
        assertTrue(dockerfile.contains("FROM maven:3.9-eclipse-temurin-17 AS build"));
        assertTrue(dockerfile.contains("FROM eclipse-temurin:17-jre AS stream-app"));
        assertTrue(dockerfile.contains("FROM eclipse-temurin:17-jre AS load-generator"));
        assertTrue(Files.exists(ROOT.resolve("docker/Dockerfile.dockerignore")));
    }

    @Test
    void hostPortsAreDistinctAndForecastersListenWhereTheyAdvertise() {
        Set<String> hostPorts = new HashSet<>();
        for (JsonNode service : iterable(services)) {
            for (JsonNode p : iterable(service.path("ports"))) {
                assertTrue(hostPorts.add(p.asText().split(":")[0]), "host port used twice: " + p.asText());
            }
        }
        assertEquals(Set.of("29092", "8081", "8082"), hostPorts);
        for (String f : List.of("forecaster-1", "forecaster-2")) {
            JsonNode env = services.at("/" + f + "/environment");
            assertEquals(f, env.get("STREAMCAST_HTTP_ADVERTISED_HOST").asText(), "other instances reach it by name");
            String containerPort = services.at("/" + f + "/ports/0").asText().split(":")[1];
            assertEquals(env.get("STREAMCAST_HTTP_PORT").asText(), containerPort);
            assertEquals("kafka:9092", env.get("STREAMCAST_BOOTSTRAP_SERVERS").asText());
        }
        assertEquals(services.at("/forecaster-1/environment/STREAMCAST_APPLICATION_ID").asText(),
                services.at("/forecaster-2/environment/STREAMCAST_APPLICATION_ID").asText(), "one application");
        assertTrue(services.at("/kafka/environment/KAFKA_ADVERTISED_LISTENERS").asText().contains("kafka:9092"));
    }

    @Test
    void everyStreamcastVariableIsARealSetting() {
        Set<String> known = Settings.ALL.stream().map(Setting::envName).collect(Collectors.toSet());
        int seen = 0;
        for (JsonNode service : iterable(services)) {
            var it = service.path("environment").fieldNames();
            while (it.hasNext()) {
                String name = it.next();
                if (name.startsWith("STREAMCAST_")) {
                    assertTrue(known.contains(name), name + " is not a setting; known: " + known);
                    seen++;
                }
            }
        }
        assertTrue(seen >= 10, "both forecasters are configured through the environment");
    }

    @Test
    void generatorOptionsExist() throws IOException {
        Set<String> options = generatorOptions();
        assertTrue(options.contains("--keys"), "options read from load-generator sources: " + options);
        List<String> command = new ArrayList<>();
        services.at("/generator/command").forEach(n -> command.add(n.asText()));
        assertEquals("produce", command.get(0));
        for (String arg : command) {
            if (arg.startsWith("-")) {
                assertTrue(options.contains(arg.split("=")[0]), "load-generator produce has no option " + arg);
            }
        }
    }

    /** Every option name declared with picocli's @Option in the load-generator's command-line package. */
    private static Set<String> generatorOptions() throws IOException {
        Path cli = ROOT.resolve("load-generator/src/main/java/dev/streamcast/loadgen/cli");
        Pattern names = Pattern.compile("names\\s*=\\s*(\\{[^}]*}|\"[^\"]*\")");
        Pattern quoted = Pattern.compile("\"(-[^\"]+)\"");
        Set<String> out = new HashSet<>();
        try (Stream<Path> files = Files.list(cli)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = names.matcher(Files.readString(f));
                while (m.find()) {
                    Matcher q = quoted.matcher(m.group(1));
                    while (q.find()) {
                        out.add(q.group(1));
                    }
                }
            }
        }
        return out;
    }

    private static Set<String> names(JsonNode object) {
        Set<String> out = new HashSet<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static Iterable<JsonNode> iterable(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        node.forEach(out::add);
        return out;
    }

}
