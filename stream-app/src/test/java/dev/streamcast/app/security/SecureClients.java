package dev.streamcast.app.security;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourcePatternFilter;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Producers, read_committed consumers and ACL grants for tests against a SASL_SSL broker. */
final class SecureClients {

    private SecureClients() {
    }

    static KafkaProducer<String, String> producer(String bootstrap, Map<String, String> security) {
        Map<String, Object> p = new HashMap<>(security);
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    /** Reads committed records from the start until {@code enough} holds or {@code timeout} passes. */
    static List<ConsumerRecord<String, byte[]>> readUntil(String bootstrap, Map<String, String> security,
            String topic, Predicate<List<ConsumerRecord<String, byte[]>>> enough, Duration timeout) {
        Map<String, Object> p = new HashMap<>(security);
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, byte[]>> got = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            c.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!enough.test(got) && System.nanoTime() < deadline) {
                c.poll(Duration.ofMillis(200)).forEach(got::add);
            }
            long settle = System.nanoTime() + Duration.ofMillis(1000).toNanos();
            while (System.nanoTime() < settle) {
                c.poll(Duration.ofMillis(200)).forEach(got::add);
            }
        }
        return got;
    }

    /**
     * Lets {@code user} do everything an application needs (every topic, group and transactional id, the cluster's
     * idempotent writes), then denies it each of {@code deniedWrites} topics' WRITE.
     */
    static void grantAll(Map<String, Object> adminProps, String user, List<String> deniedWrites) throws Exception {
        String principal = "User:" + user;
        List<AclBinding> acls = new ArrayList<>();
        for (ResourceType type : List.of(ResourceType.TOPIC, ResourceType.GROUP, ResourceType.TRANSACTIONAL_ID)) {
            acls.add(new AclBinding(new ResourcePattern(type, "*", PatternType.LITERAL),
                    new AccessControlEntry(principal, "*", AclOperation.ALL, AclPermissionType.ALLOW)));
        }
        acls.add(new AclBinding(new ResourcePattern(ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL),
                new AccessControlEntry(principal, "*", AclOperation.IDEMPOTENT_WRITE, AclPermissionType.ALLOW)));
        for (String topic : deniedWrites) {
            acls.add(new AclBinding(new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL),
                    new AccessControlEntry(principal, "*", AclOperation.WRITE, AclPermissionType.DENY)));
        }
        createAcls(adminProps, principal, acls);
    }

    /** Creates {@code acls} (all for {@code principal}) and waits until the broker shows them. */
    static void createAcls(Map<String, Object> adminProps, String principal, List<AclBinding> acls) throws Exception {
        Map<String, Object> p = new HashMap<>(adminProps);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        try (Admin admin = Admin.create(p)) {
            admin.createAcls(acls).all().get(30, TimeUnit.SECONDS);
            // The broker applies ACLs from the metadata log: wait until it shows them all.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            AclBindingFilter mine = new AclBindingFilter(ResourcePatternFilter.ANY,
                    new AccessControlEntryFilter(principal, null, AclOperation.ANY, AclPermissionType.ANY));
            while (admin.describeAcls(mine).values().get(30, TimeUnit.SECONDS).size() < acls.size()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("ACLs for " + principal + " not visible after 20 s");
                }
                Thread.sleep(100);
            }
        }
    }
}
