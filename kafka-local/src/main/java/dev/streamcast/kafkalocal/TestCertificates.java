package dev.streamcast.kafkalocal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed TLS certificate for {@code localhost} / {@code 127.0.0.1}, made at run time with the JDK's own
 * {@code keytool}: a PKCS12 key store for the broker and a PKCS12 trust store for clients. Nothing is downloaded
 * and nothing is checked in; each call makes a fresh key pair with random store passwords.
 *
 * @param keyStore the broker's key store (private key and certificate)
 * @param trustStore the certificate alone, for clients ({@code ssl.truststore.location})
 * @param keyStorePassword password of the key store and of the key in it
 * @param trustStorePassword password of the trust store
 * @param subject the certificate's distinguished name; also the broker's principal on an mTLS listener
 */
public record TestCertificates(Path keyStore, Path trustStore, String keyStorePassword, String trustStorePassword,
        String subject) {

    /** The certificate's subject: Kafka names a TLS client by it ({@code User:CN=streamcast-local-broker}). */
    public static final String SUBJECT = "CN=streamcast-local-broker";

    /** Makes a key pair and self-signed certificate (valid 30 days) in {@code dir}; takes about a second. */
    public static TestCertificates create(Path dir) {
        try {
            Files.createDirectories(dir);
            Path keyStore = dir.resolve("broker.keystore.p12");
            Path trustStore = dir.resolve("client.truststore.p12");
            Path cert = dir.resolve("broker.crt");
            Files.deleteIfExists(keyStore);
            Files.deleteIfExists(trustStore);
            Files.deleteIfExists(cert);
            String keyPass = randomPassword();
            String trustPass = randomPassword();
            keytool("-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize", "2048", "-validity", "30",
                    "-dname", SUBJECT, "-ext", "SAN=DNS:localhost,IP:127.0.0.1",
                    "-storetype", "PKCS12", "-keystore", keyStore.toString(),
                    "-storepass", keyPass, "-keypass", keyPass);
            keytool("-exportcert", "-alias", "broker", "-rfc", "-file", cert.toString(),
                    "-storetype", "PKCS12", "-keystore", keyStore.toString(), "-storepass", keyPass);
            keytool("-importcert", "-noprompt", "-alias", "streamcast-local-ca", "-file", cert.toString(),
                    "-storetype", "PKCS12", "-keystore", trustStore.toString(), "-storepass", trustPass);
            ownerOnly(keyStore);
            return new TestCertificates(keyStore, trustStore, keyPass, trustPass, SUBJECT);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make test certificates in " + dir, e);
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file inherits its folder's permissions.
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static void keytool(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        Path fromJavaHome = Path.of(System.getProperty("java.home"), "bin", "keytool");
        command.add(Files.isExecutable(fromJavaHome) ? fromJavaHome.toString() : "keytool");
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("keytool " + args[0] + " did not finish within 60 s");
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IOException("keytool " + args[0] + " failed (exit " + process.exitValue() + "): " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running keytool", e);
        }
    }
}
