package dev.marquee.trino;

import dev.marquee.Fixtures;
import dev.marquee.engine.TrinoEngine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A single-node Trino server for tests, started with scripts/trino-server.sh from the cached Maven Central tarball
 * and stopped by its PID whatever happens (also from a shutdown hook).
 */
final class TrinoServer implements AutoCloseable {

    static final Path SCRIPT = Fixtures.ROOT.resolve("scripts/trino-server.sh");

    private final Path home;
    private final int port;
    final double startSeconds;

    private TrinoServer(Path home, int port, double startSeconds) {
        this.home = home;
        this.port = port;
        this.startSeconds = startSeconds;
    }

    /** Skips the calling test class unless MARQUEE_TRINO_TESTS=1 (.ci/run sets it once the server is fetched). */
    static void assumeEnabled() {
        org.junit.jupiter.api.Assumptions.assumeTrue("1".equals(System.getenv("MARQUEE_TRINO_TESTS")),
                "Trino tests skipped: set MARQUEE_TRINO_TESTS=1 (needs scripts/trino-server.sh fetch and a Java 24+ JDK)");
    }

    static TrinoServer start(Path home, Path lake) throws IOException, InterruptedException {
        return launch(home, lake, false, Map.of());
    }

    /** HTTPS with a self-signed certificate for 127.0.0.1 ({@link #certificate()}) and one account in a password file. */
    static TrinoServer startSecure(Path home, Path lake, String user, String password) throws IOException, InterruptedException {
        return launch(home, lake, true, Map.of(TrinoEngine.USER_VARIABLE, user, TrinoEngine.PASSWORD_VARIABLE, password));
    }

    private static TrinoServer launch(Path home, Path lake, boolean secure, Map<String, String> environment)
            throws IOException, InterruptedException {
        long started = System.nanoTime();
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString(), "start", home.toString(), lake.toString()));
        if (secure) {
            command.add("--secure");
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().putAll(environment);
        builder.environment().put("TRINO_SHORT_LIVED", "1");
        Process process = builder.start();
        Thread stopper = new Thread(() -> stop(home));
        Runtime.getRuntime().addShutdownHook(stopper);
        if (!process.waitFor(240, TimeUnit.SECONDS) || process.exitValue() != 0) {
            stop(home);
            throw new IllegalStateException("Trino did not start; see " + home.resolve("data/var/log/server.log"));
        }
        int port = Integer.parseInt(Files.readString(home.resolve("port")).trim());
        return new TrinoServer(home, port, (System.nanoTime() - started) / 1e9);
    }

    String url(String schema) {
        return "jdbc:trino://127.0.0.1:" + port + "/hive/" + schema;
    }

    /** The secure server's certificate, for the driver's SSLTrustStorePath. */
    Path certificate() {
        return home.resolve("etc/server.pem");
    }

    /** Runs the statements of an exported trino.sql against the server. */
    void register(Path trinoSql, String schema, String location) throws IOException {
        String ddl = Files.readString(trinoSql).replace("hive.marquee", "hive." + schema)
                .replace("sync_partition_metadata('marquee'", "sync_partition_metadata('" + schema + "'")
                .replaceAll("local:///[A-Za-z0-9_.-]+", location);
        try (TrinoEngine engine = TrinoEngine.connect("jdbc:trino://127.0.0.1:" + port + "/hive", "test", null)) {
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

    @Override
    public void close() {
        stop(home);
    }
}
