package dev.marquee.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs a main class of this jar in a fresh JVM, as a user would, so the JVM's start, its heap cap and its memory
 * are all real: wall time from launch to exit, and everything it printed.
 */
final class ChildJvm {

    /** One finished run. {@code timings} is empty when the run did not get as far as its summary line. */
    record Run(int exitCode, double wallSeconds, List<String> output, Optional<Timings> timings) {
        boolean succeeded() {
            return exitCode == 0 && timings.isPresent();
        }

        String failure() {
            int from = Math.max(0, output.size() - 15);
            return "exit code " + exitCode + ":\n  " + String.join("\n  ", output.subList(from, output.size()));
        }
    }

    private final List<String> jvmOptions;
    private final Path workingDirectory;
    private final java.util.Optional<Path> launcher;

    /**
     * @param launcher the script a user starts the report with (generator/target/marquee: the class-data archive and
     *                 the JVM settings it picks); without it, a plain {@code java -cp} with this JVM's class path
     */
    ChildJvm(List<String> jvmOptions, Path workingDirectory, java.util.Optional<Path> launcher) {
        this.jvmOptions = List.copyOf(jvmOptions);
        this.workingDirectory = workingDirectory;
        this.launcher = launcher;
    }

    /** How the runs were started, for the results: the launcher, or plain java. */
    String describe() {
        return launcher.map(l -> "`" + workingDirectory.relativize(l.toAbsolutePath()) + "` with MARQUEE_JAVA_OPTS=`"
                + String.join(" ", jvmOptions) + "` (the launcher a user runs)").orElse("`java " + String.join(" ", jvmOptions) + " ...`");
    }

    List<String> jvmOptions() {
        return jvmOptions;
    }

    Run run(String mainClass, List<String> arguments) {
        List<String> command = new ArrayList<>();
        if (launcher.isPresent()) {
            command.add(launcher.get().toAbsolutePath().toString());
        } else {
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add(mainClass);
        }
        command.addAll(arguments);
        java.util.Map<String, String> environment = new java.util.HashMap<>();
        if (launcher.isPresent()) {
            environment.put("MARQUEE_JAVA_OPTS", String.join(" ", jvmOptions));
            environment.put("MARQUEE_MAIN", mainClass);
            if (!mainClass.equals("dev.marquee.Main")) {
                // A class of the benchmark (DuckDB alone): not in marquee.jar, so the launcher adds this JVM's class path.
                environment.put("MARQUEE_CLASSPATH", absoluteClassPath());
            }
        }
        return execute(command, workingDirectory, environment);
    }

    private static String absoluteClassPath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    /**
     * Runs any command the same way (the peer's Python too): wall time from launch to exit, and everything it printed,
     * read for a {@code timings} summary line.
     */
    static Run execute(List<String> command, Path workingDirectory, java.util.Map<String, String> environment) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        List<String> output = new ArrayList<>();
        try {
            long start = System.nanoTime();
            Process process = builder.start();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    output.add(line);
                }
            }
            int exit = process.waitFor();
            double wall = (System.nanoTime() - start) / 1e9;
            return new Run(exit, wall, output, Timings.parse(output));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + command.get(0), e);
        }
    }
}
