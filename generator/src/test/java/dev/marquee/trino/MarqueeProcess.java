package dev.marquee.trino;

import dev.marquee.Fixtures;
import dev.marquee.engine.TrinoEngine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The command line in a JVM of its own, as a user runs it: the credentials are read from the environment, which a test
 * cannot change in its own JVM. The Trino variables are only those given.
 */
final class MarqueeProcess {

    private MarqueeProcess() {
    }

    /** The command line's process, not yet started, its output to be read as it comes; no Trino variable is set. */
    static ProcessBuilder command(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                "dev.marquee.Main"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(Fixtures.ROOT.toFile());
        builder.environment().remove(TrinoEngine.USER_VARIABLE);
        builder.environment().remove(TrinoEngine.PASSWORD_VARIABLE);
        return builder;
    }

    static Fixtures.Run run(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile("marquee-out-", ".txt");
        Path err = Files.createTempFile("marquee-err-", ".txt");
        try {
            ProcessBuilder builder = command(args).redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("marquee " + String.join(" ", args) + " did not finish within 120 s");
            }
            return new Fixtures.Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
