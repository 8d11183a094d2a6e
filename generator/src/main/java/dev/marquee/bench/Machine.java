package dev.marquee.bench;

import dev.marquee.engine.DuckDbEngine;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The machine the numbers were taken on, in one line each: they mean little without it. */
record Machine(String cpu, int cores, String memory, String jdk, String os, String duckdb, String loadAverage,
               double speedCheckSeconds) {

    static Machine describe(Path scratch) {
        long bytes = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
        String os = System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch")
                + osRelease().map(r -> " (" + r + ")").orElse("");
        String jdk = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (" + System.getProperty("java.vendor") + ")";
        String duckdb;
        try (DuckDbEngine engine = DuckDbEngine.inMemory(scratch, "256MB")) {
            duckdb = String.valueOf(engine.scalar("SELECT version()"));
        }
        return new Machine(firstLine(Path.of("/proc/cpuinfo"), "model name", ':').orElse(System.getProperty("os.arch")),
                Runtime.getRuntime().availableProcessors(), String.format(Locale.ROOT, "%.1f GB", bytes / 1e9), jdk, os,
                "DuckDB " + duckdb, currentLoadAverage(), measureSpeed());
    }

    /**
     * Seconds one thread takes for a fixed integer loop (the better of two, after a warm-up): on a shared virtual
     * machine the same work takes twice as long at some hours as at others, and every time in the tables with it.
     */
    static double measureSpeed() {
        long sink = 0;
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            long start = System.nanoTime();
            long x = round + 1;
            for (int i = 0; i < 100_000_000; i++) {
                x = x * 6364136223846793005L + 1442695040888963407L;
                x ^= x >>> 29;
            }
            sink += x;
            if (round > 0) {
                best = Math.min(best, (System.nanoTime() - start) / 1e9);
            }
        }
        return sink == 42 ? best + 1e-9 : best;
    }

    /** The 1-minute load average: above about 0.5 other work shared the machine, and times are less reliable. */
    static String currentLoadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            return load < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f", load);
        }
    }

    private static Optional<String> osRelease() {
        return firstLine(Path.of("/etc/os-release"), "PRETTY_NAME", '=').map(v -> v.replace("\"", ""));
    }

    private static Optional<String> firstLine(Path file, String key, char separator) {
        try {
            List<String> lines = Files.readAllLines(file);
            return lines.stream().filter(l -> l.startsWith(key)).findFirst()
                    .map(l -> l.substring(l.indexOf(separator) + 1).strip());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
