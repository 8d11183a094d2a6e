package dev.marquee.trino;

import dev.marquee.Fixtures;
import dev.marquee.engine.TrinoEngine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The test run's single-node Trino server, started with scripts/trino-server.sh from the cached Maven Central tarball
 * by the first test class that needs it and stopped by its PID when the test JVM exits. It serves plain HTTP without a
 * password ({@link #url}) and HTTPS with a self-signed certificate and one account ({@link #secureUrl}): one server
 * start (about 15 s) for the engine's tests and the credentials' tests.
 */
final class TrinoServer {

    static final Path SCRIPT = Fixtures.ROOT.resolve("scripts/trino-server.sh");
    /** The one account of the HTTPS port's password file. */
    static final String USER = "analyst";
    static final String PASSWORD = "correct horse battery staple";

    private static TrinoServer shared;

    private final Path home;
    private final Path lake;
    private final int httpPort;
    private final int httpsPort;

    private TrinoServer(Path home, Path lake, int httpPort, int httpsPort) {
        this.home = home;
        this.lake = lake;
        this.httpPort = httpPort;
        this.httpsPort = httpsPort;
    }

    /** Skips the calling test class unless MARQUEE_TRINO_TESTS=1 (.ci/run sets it once the server is fetched). */
    static void assumeEnabled() {
        org.junit.jupiter.api.Assumptions.assumeTrue("1".equals(System.getenv("MARQUEE_TRINO_TESTS")),
                "Trino tests skipped: set MARQUEE_TRINO_TESTS=1 (needs scripts/trino-server.sh fetch and a Java 24+ JDK)");
    }

    /** The server, started on the first call; its hive catalog serves the folder {@link #lake()}. */
    static synchronized TrinoServer shared() throws IOException, InterruptedException {
        if (shared == null) {
            // Not Fixtures.scratch: its exit hook could delete the server's PID file before this one stops the server.
            Path work = Files.createTempDirectory("marquee-trino-");
            Path home = work.resolve("server");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stop(home);
                Fixtures.deleteTree(work);
            }));
            long started = System.nanoTime();
            shared = launch(home, work.resolve("lake"));
            System.out.printf(Locale.ROOT, "Trino started in %.1f s%n", (System.nanoTime() - started) / 1e9);
        }
        return shared;
    }

    private static TrinoServer launch(Path home, Path lake) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", SCRIPT.toString(), "start", home.toString(), lake.toString(), "--secure")
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().putAll(Map.of(TrinoEngine.USER_VARIABLE, USER, TrinoEngine.PASSWORD_VARIABLE, PASSWORD,
                "TRINO_SHORT_LIVED", "1"));
        Process process = builder.start();
        if (!process.waitFor(240, TimeUnit.SECONDS) || process.exitValue() != 0) {
            stop(home);
            throw new IllegalStateException("Trino did not start; see " + home.resolve("data/var/log/server.log"));
        }
        return new TrinoServer(home, lake, Integer.parseInt(Files.readString(home.resolve("http-port")).trim()),
                Integer.parseInt(Files.readString(home.resolve("port")).trim()));
    }

    /** The folder the hive catalog reads: a schema's files go in a folder of it, named after the schema ({@link #register}). */
    Path lake() {
        return lake;
    }

    /** The JDBC URL of a schema over plain HTTP, where any user name is let in without a password. */
    String url(String schema) {
        return "jdbc:trino://127.0.0.1:" + httpPort + "/hive/" + schema;
    }

    /** The JDBC URL of a schema on the HTTPS port, where only {@link #USER} with {@link #PASSWORD} is let in. */
    String secureUrl(String schema) {
        return "jdbc:trino://127.0.0.1:" + httpsPort + "/hive/" + schema;
    }

    /** The secure server's certificate, for the driver's SSLTrustStorePath. */
    Path certificate() {
        return home.resolve("etc/server.pem");
    }

    /** Registers as a schema the tables that marquee export wrote to the lake's folder of that name (its trino.sql). */
    void register(String schema) throws IOException {
        String ddl = Files.readString(lake.resolve(schema).resolve("trino.sql")).replace("hive.marquee", "hive." + schema)
                .replace("sync_partition_metadata('marquee'", "sync_partition_metadata('" + schema + "'")
                .replaceAll("local:///[A-Za-z0-9_.-]+", "local:///" + schema);
        try (TrinoEngine engine = TrinoEngine.connect("jdbc:trino://127.0.0.1:" + httpPort + "/hive", "test", null)) {
            for (String statement : ddl.split(";\n")) {
                String sql = statement.replaceAll("(?m)^--.*$", "").trim();
                if (!sql.isEmpty()) {
                    engine.execute(sql);
                }
            }
        }
    }

    private static void stop(Path home) {
        try {
            new ProcessBuilder("bash", SCRIPT.toString(), "stop", home.toString()).inheritIO().start().waitFor(60, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
