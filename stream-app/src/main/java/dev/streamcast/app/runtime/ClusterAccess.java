package dev.streamcast.app.runtime;

import dev.streamcast.app.config.AppConfig;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Start-up checks that turn a secured cluster's refusals into one clear message instead of a stream thread that
 * fails and is replaced forever: authentication errors name the security settings in use (never their values),
 * and missing ACLs are found before the topology starts by asking the broker which operations it allows on each
 * topic ({@code includeAuthorizedOperations}).
 */
public final class ClusterAccess {

    private ClusterAccess() {
    }

    /** Throws {@link KafkaAccessException} naming every topic operation this application needs and lacks. */
    public static void verify(Admin admin, AppConfig config) throws ExecutionException, InterruptedException,
            TimeoutException {
        Map<String, Set<AclOperation>> needed = new LinkedHashMap<>();
        need(needed, config.get("topic.observations"), AclOperation.READ);
        need(needed, config.get("topic.forecasts"), AclOperation.WRITE);
        need(needed, config.get("topic.dlq"), AclOperation.WRITE);
        need(needed, config.get("topic.models"), AclOperation.READ);
        need(needed, config.get("topic.training"), AclOperation.WRITE);
        if (config.getBoolean("retrain.enabled")) {
            need(needed, config.get("topic.models"), AclOperation.WRITE);
            need(needed, config.get("topic.training"), AclOperation.READ);
        }
        Map<String, TopicDescription> described = describe(admin, needed.keySet());
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, Set<AclOperation>> e : needed.entrySet()) {
            Set<AclOperation> allowed = described.get(e.getKey()).authorizedOperations();
            if (allowed == null || allowed.contains(AclOperation.ALL)) {
                continue; // the broker did not say (no authorizer), or allows everything
            }
            for (AclOperation op : e.getValue()) {
                if (!allowed.contains(op)) {
                    missing.add(op + " on topic '" + e.getKey() + "' (allowed: " + names(allowed) + ")");
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new KafkaAccessException("Kafka at " + config.get("bootstrap.servers") + " does not allow this "
                    + "application's principal " + String.join("; ", missing) + ". Grant them with ACLs (e.g. "
                    + "kafka-acls.sh --add --allow-principal User:<name> --operation Write --topic <topic>), or "
                    + "connect as a principal that has them.", null);
        }
    }

    private static Map<String, TopicDescription> describe(Admin admin, Set<String> topics)
            throws ExecutionException, InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try {
                return admin.describeTopics(topics, new DescribeTopicsOptions().includeAuthorizedOperations(true))
                        .allTopicNames().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                // Topics created a moment ago may not be in the metadata yet.
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

    /** A clear exception for a failure talking to Kafka: authentication and authorization errors named as such. */
    public static KafkaAccessException explain(Throwable failure, AppConfig config, String doing) {
        Throwable cause = failure instanceof ExecutionException && failure.getCause() != null
                ? failure.getCause() : failure;
        String where = "Kafka at " + config.get("bootstrap.servers");
        if (cause instanceof SslAuthenticationException) {
            return new KafkaAccessException(where + " refused the TLS handshake while " + doing + " ("
                    + securitySummary(config) + "): " + cause.getMessage()
                    + ". Check ssl.truststore.* (the broker's certificate must be trusted) and the host name.", cause);
        }
        if (cause instanceof AuthenticationException) {
            return new KafkaAccessException(where + " refused authentication while " + doing + " ("
                    + securitySummary(config) + "): " + cause.getMessage()
                    + ". Check the user name and password in sasl.jaas.config.", cause);
        }
        if (cause instanceof AuthorizationException) {
            return new KafkaAccessException(where + " denied " + doing + " (" + securitySummary(config) + "): "
                    + cause.getMessage() + ". The principal needs ACLs for this application's topics, "
                    + "consumer groups and transactional ids.", cause);
        }
        if (cause instanceof TimeoutException || cause instanceof org.apache.kafka.common.errors.TimeoutException) {
            return new KafkaAccessException("no answer from " + where + " while " + doing + ": is a broker running "
                    + "there, and reachable from here? (--bootstrap-servers, bootstrap.servers)", cause);
        }
        if (cause instanceof ApiException) {
            return new KafkaAccessException(where + " answered with an error while " + doing + ": " + cause.getMessage(),
                    cause);
        }
        return new KafkaAccessException("cannot reach " + where + " while " + doing + ": " + cause, cause);
    }

    /** {@code security.protocol} and {@code sasl.mechanism} as configured: names that are safe to print. */
    static String securitySummary(AppConfig config) {
        Map<String, Object> clients = config.plainClientProps();
        return "security.protocol=" + clients.getOrDefault("security.protocol", "PLAINTEXT")
                + (clients.containsKey("sasl.mechanism") ? ", sasl.mechanism=" + clients.get("sasl.mechanism") : "");
    }

    private static void need(Map<String, Set<AclOperation>> needed, String topic, AclOperation op) {
        needed.computeIfAbsent(topic, t -> EnumSet.noneOf(AclOperation.class)).add(op);
    }

    private static String names(Set<AclOperation> ops) {
        Set<String> out = new TreeSet<>();
        ops.forEach(op -> out.add(op.name()));
        return out.isEmpty() ? "none" : String.join(", ", out);
    }
}
