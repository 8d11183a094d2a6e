package dev.marquee.trino;

import dev.marquee.Fixtures;
import dev.marquee.engine.TrinoEngine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    static TrinoServer start(Path home, Path lake) throws IOException, InterruptedException {
        long started = System.nanoTime();
        Process process = new ProcessBuilder("bash", SCRIPT.toString(), "start", home.toString(), lake.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
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
