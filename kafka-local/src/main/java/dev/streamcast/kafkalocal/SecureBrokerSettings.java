package dev.streamcast.kafkalocal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A secured single node: clients connect over {@code SASL_SSL} with SCRAM-SHA-512 users and a TLS certificate
 * made at start-up ({@link TestCertificates}); the controller listener is TLS with client certificates required,
 * so only the broker itself (holding the private key) reaches it. Optionally ACLs are enforced by
 * {@code StandardAuthorizer}, with the admin user and the broker's certificate as super users.
 *
 * <p>Call order: {@link #create(Path)} (or {@link #loadOrCreate(Path)} to keep passwords across restarts), then
 * {@link #withUser}/{@link #withAcls} as needed, then {@link LocalKafkaBroker#startSecured}. Clients then take
 * {@link #clientProperties(String, String)}.
 */
public final class SecureBrokerSettings {

    public static final String MECHANISM = "SCRAM-SHA-512";
    public static final String ADMIN_USER = "admin";
    public static final String AUTHORIZER = "org.apache.kafka.metadata.authorizer.StandardAuthorizer";
    private static final String SAVED = "secure-broker.properties";

    private final TestCertificates certificates;
    private final String adminPassword;
    private final Map<String, String> users;
    private final boolean acls;

    private SecureBrokerSettings(TestCertificates certificates, String adminPassword, Map<String, String> users,
            boolean acls) {
        this.certificates = certificates;
        this.adminPassword = adminPassword;
        this.users = Map.copyOf(users);
        this.acls = acls;
    }

    /** New certificate (in {@code dir}) and a random admin password; no other users, ACLs off. */
    public static SecureBrokerSettings create(Path dir) {
        return new SecureBrokerSettings(TestCertificates.create(dir), randomPassword(), Map.of(), false);
    }

    /**
     * As {@link #create}, but reuses the certificate and passwords saved in {@code dir} by an earlier call, so a
     * broker restarted on the same data keeps working with the same client settings. Saves them (owner-only).
     */
    public static SecureBrokerSettings loadOrCreate(Path dir) {
        Path saved = dir.resolve(SAVED);
        try {
            if (Files.exists(saved)) {
                Properties p = new Properties();
                try (Reader r = Files.newBufferedReader(saved, StandardCharsets.UTF_8)) {
                    p.load(r);
                }
                TestCertificates certs = new TestCertificates(Path.of(p.getProperty("keystore")),
                        Path.of(p.getProperty("truststore")), p.getProperty("keystore.password"),
                        p.getProperty("truststore.password"), p.getProperty("subject"));
                Map<String, String> users = new LinkedHashMap<>();
                for (String k : p.stringPropertyNames()) {
                    if (k.startsWith("user.")) {
                        users.put(k.substring("user.".length()), p.getProperty(k));
                    }
                }
                return new SecureBrokerSettings(certs, p.getProperty("admin.password"), users,
                        Boolean.parseBoolean(p.getProperty("acls")));
            }
            SecureBrokerSettings fresh = create(dir);
            fresh.save(saved);
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load or save secure broker settings in " + dir, e);
        }
    }

    /** Saves certificate paths, passwords and users to {@code dir}, readable by the owner only. */
    public SecureBrokerSettings saveTo(Path dir) {
        try {
            save(dir.resolve(SAVED));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save secure broker settings in " + dir, e);
        }
    }

    private void save(Path file) throws IOException {
        Properties p = new Properties();
        p.setProperty("keystore", certificates.keyStore().toAbsolutePath().toString());
        p.setProperty("truststore", certificates.trustStore().toAbsolutePath().toString());
        p.setProperty("keystore.password", certificates.keyStorePassword());
        p.setProperty("truststore.password", certificates.trustStorePassword());
        p.setProperty("subject", certificates.subject());
        p.setProperty("admin.password", adminPassword);
        p.setProperty("acls", String.valueOf(acls));
        users.forEach((name, password) -> p.setProperty("user." + name, password));
        writeOwnerOnly(file, p, "kafka-local secure broker: secrets, keep private");
    }

    /** Another SCRAM user, created when the storage is formatted (more can be added later over the Admin API). */
    public SecureBrokerSettings withUser(String name, String password) {
        Map<String, String> more = new LinkedHashMap<>(users);
        more.put(name, password);
        return new SecureBrokerSettings(certificates, adminPassword, more, acls);
    }

    /** Turns ACL enforcement on: only {@code admin} and the broker itself are allowed anything by default. */
    public SecureBrokerSettings withAcls() {
        return new SecureBrokerSettings(certificates, adminPassword, users, true);
    }

    public TestCertificates certificates() {
        return certificates;
    }

    public String adminPassword() {
        return adminPassword;
    }

    public Map<String, String> users() {
        return users;
    }

    public boolean acls() {
        return acls;
    }

    /** Broker settings over {@link BrokerSettings#singleNode}: listeners, TLS stores, SASL, the authorizer. */
    Map<String, String> brokerOverrides(int brokerPort, int controllerPort) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("listeners", "SASL_SSL://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "SASL_SSL://127.0.0.1:" + brokerPort);
        p.put("listener.security.protocol.map", "SASL_SSL:SASL_SSL,CONTROLLER:SSL");
        p.put("inter.broker.listener.name", "SASL_SSL");
        p.put("sasl.enabled.mechanisms", MECHANISM);
        p.put("sasl.mechanism.inter.broker.protocol", MECHANISM);
        p.put("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config", jaas(ADMIN_USER, adminPassword));
        p.put("ssl.keystore.type", "PKCS12");
        p.put("ssl.keystore.location", certificates.keyStore().toString());
        p.put("ssl.keystore.password", certificates.keyStorePassword());
        p.put("ssl.key.password", certificates.keyStorePassword());
        p.put("ssl.truststore.type", "PKCS12");
        p.put("ssl.truststore.location", certificates.trustStore().toString());
        p.put("ssl.truststore.password", certificates.trustStorePassword());
        // The controller listener: TLS both ways, so only a holder of the broker's key gets in.
        p.put("listener.name.controller.ssl.client.auth", "required");
        if (acls) {
            p.put("authorizer.class.name", AUTHORIZER);
            p.put("super.users", "User:" + ADMIN_USER + ";User:" + certificates.subject());
            p.put("allow.everyone.if.no.acl.found", "false");
        }
        return p;
    }

    /** Extra {@code StorageTool format} arguments: the SCRAM credentials of the admin and every user. */
    List<String> formatArguments() {
        List<String> args = new ArrayList<>();
        args.add("--add-scram");
        args.add(MECHANISM + "=[name=" + ADMIN_USER + ",password=" + adminPassword + "]");
        users.forEach((name, password) -> {
            args.add("--add-scram");
            args.add(MECHANISM + "=[name=" + name + ",password=" + password + "]");
        });
        return args;
    }

    /**
     * The standard client settings for {@code user}: {@code security.protocol}, {@code sasl.mechanism},
     * {@code sasl.jaas.config} and the trust store (no bootstrap servers). Contains the password: never print it.
     */
    public Map<String, String> clientProperties(String user, String password) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("security.protocol", "SASL_SSL");
        p.put("sasl.mechanism", MECHANISM);
        p.put("sasl.jaas.config", jaas(user, password));
        p.put("ssl.truststore.type", "PKCS12");
        p.put("ssl.truststore.location", certificates.trustStore().toAbsolutePath().toString());
        p.put("ssl.truststore.password", certificates.trustStorePassword());
        return p;
    }

    /** {@link #clientProperties} of the admin (a super user when ACLs are on). */
    public Map<String, String> adminClientProperties() {
        return clientProperties(ADMIN_USER, adminPassword);
    }

    /** Writes {@code bootstrap.servers} and the client settings of {@code user} as a properties file (owner-only). */
    public static void writeClientFile(Path file, String bootstrapServers, Map<String, String> clientProperties) {
        Properties p = new Properties();
        p.setProperty("bootstrap.servers", bootstrapServers);
        clientProperties.forEach(p::setProperty);
        try {
            writeOwnerOnly(file, p, "Kafka client settings for the kafka-local SASL_SSL broker; contains a password");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The JAAS line of a SCRAM client; quotes and backslashes in the values are escaped. */
    public static String jaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + quote(user)
                + "\" password=\"" + quote(password) + "\";";
    }

    private static String quote(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static void writeOwnerOnly(Path file, Properties p, String comment) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.deleteIfExists(file);
        Files.createFile(file);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file inherits its folder's permissions.
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            p.store(out, comment);
        }
    }

    static String randomPassword() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public String toString() {
        return "SecureBrokerSettings[SASL_SSL " + MECHANISM + ", users " + users.keySet() + ", acls " + acls + "]";
    }
}
