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
               SpeedCheck speed) {

    /** Seconds for a fixed integer loop on one thread, and nanoseconds per random read from a 32 MB array. */
    record SpeedCheck(double loopSeconds, double memoryReadNanos) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.2f s loop, %.0f ns per memory read", loopSeconds, memoryReadNanos);
        }
    }

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
     * How fast the machine is right now: on a shared virtual machine the same work takes up to twice as long at some
     * hours as at others, and so does every time in the tables. The better of two rounds after a warm-up.
     */
    static SpeedCheck measureSpeed() {
        long sink = 0;
        double loop = Double.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            long start = System.nanoTime();
            long x = round + 1;
            for (int i = 0; i < 100_000_000; i++) {
                x = x * 6364136223846793005L + 1442695040888963407L;
                x ^= x >>> 29;
            }
            sink += x;
            if (round > 0) {
                loop = Math.min(loop, (System.nanoTime() - start) / 1e9);
            }
        }
        // A random cycle through 8M ints (32 MB): nearly every read misses the caches, as a large hash join's probes do.
        int size = 1 << 23;
        int[] next = new int[size];
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        for (int i = 0; i < size; i++) {
            next[i] = i;
        }
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i);
            int swap = next[i];
            next[i] = next[j];
            next[j] = swap;
        }
        double read = Double.MAX_VALUE;
        int reads = 1_000_000;
        for (int round = 0; round < 3; round++) {
            long start = System.nanoTime();
            int at = round;
            for (int i = 0; i < reads; i++) {
                at = next[at];
            }
            sink += at;
            if (round > 0) {
                read = Math.min(read, (System.nanoTime() - start) / (double) reads);
            }
        }
        return new SpeedCheck(sink == 42 ? loop + 1e-9 : loop, read);
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
