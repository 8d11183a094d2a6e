package dev.marquee.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A folder a run makes for itself and deletes at its end: the staging folder beside the output, the folder the
 * previous output is moved into, the scratch folder under the temporary folder.
 * <p>
 * Each is born holding an owner file ({@value #OWNER_FILE}: this process's id, its start time and the host), so a
 * later run can tell the leftover of a killed run (its owner is gone: {@link #removeStale}) from the folder of a run
 * still going, and never has to guess from a name. A JVM stopped by SIGTERM or Ctrl-C deletes its run folders in a
 * shutdown hook; {@code kill -9} runs no hook, and the next run removes what it left.
 */
public final class RunFolder implements AutoCloseable {

    public static final String OWNER_FILE = ".marquee-owner";
    /**
     * The owner records when its JVM started, which is after its process started. A process found under the owner's id
     * that started more than this after that time is another process that reuses the id, and the owner is gone.
     */
    private static final Duration LATER_START = Duration.ofSeconds(1);
    private static final Set<RunFolder> OPEN = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> OPEN.forEach(RunFolder::close), "marquee-cleanup"));
    }

    private final Path path;
    private boolean closed;

    private RunFolder(Path path) {
        this.path = path;
    }

    /** A new folder {@code parent/prefix<random>} holding the owner file, deleted by {@link #close()} or at shutdown. */
    public static RunFolder create(Path parent, String prefix) throws IOException {
        Path folder = Files.createTempDirectory(parent, prefix);
        RunFolder created = new RunFolder(folder);
        OPEN.add(created);
        try {
            Files.writeString(folder.resolve(OWNER_FILE), Owner.current().text(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            created.close();
            throw e;
        }
        return created;
    }

    public Path path() {
        return path;
    }

    /** Deletes the folder, the owner file last: if anything resists, the owner file stays and a later run retries. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        OPEN.remove(this);
        deleteOwned(path);
    }

    synchronized boolean isClosed() {
        return closed;
    }

    /**
     * Deletes the folders in {@code parent} whose names match {@code glob} and whose owner file names a process of this
     * host that has ended. A folder without a readable owner file, or owned by a live process or another host, is kept.
     *
     * @return the folders removed
     */
    public static List<Path> removeStale(Path parent, String glob) {
        if (!Files.isDirectory(parent)) {
            return List.of();
        }
        List<Path> removed = new java.util.ArrayList<>();
        try (DirectoryStream<Path> candidates = Files.newDirectoryStream(parent, glob)) {
            for (Path folder : candidates) {
                if (Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS) && Owner.of(folder).filter(Owner::isGone).isPresent()
                        && deleteOwned(folder)) {
                    removed.add(folder);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // Leftovers are untidy, not harmful: the run goes on, and the next one tries again.
        }
        return removed;
    }

    /** @return whether the folder is gone */
    private static boolean deleteOwned(Path folder) {
        Path owner = folder.resolve(OWNER_FILE);
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(owner) && !p.equals(folder)).toList()) {
                Files.deleteIfExists(path);
            }
            Files.deleteIfExists(owner);
            Files.deleteIfExists(folder);
            return true;
        } catch (NoSuchFileException e) {
            return !Files.exists(folder, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    /** Which process made a folder: its id, start time and host. */
    record Owner(long pid, Instant started, String host) {

        /** From the runtime's bean, which the run has loaded already; ProcessHandle's first use costs 10-25 ms. */
        static Owner current() {
            var runtime = java.lang.management.ManagementFactory.getRuntimeMXBean();
            return new Owner(runtime.getPid(), Instant.ofEpochMilli(runtime.getStartTime()), thisHost());
        }

        static Optional<Owner> of(Path folder) {
            try {
                List<String> lines = Files.readAllLines(folder.resolve(OWNER_FILE), StandardCharsets.UTF_8);
                if (lines.size() < 3 || !lines.get(0).startsWith("pid ") || !lines.get(1).startsWith("started ")
                        || !lines.get(2).startsWith("host ")) {
                    return Optional.empty();
                }
                return Optional.of(new Owner(Long.parseLong(lines.get(0).substring(4)), Instant.parse(lines.get(1).substring(8)),
                        lines.get(2).substring(5)));
            } catch (IOException | NumberFormatException | DateTimeParseException e) {
                return Optional.empty();
            }
        }

        String text() {
            return "pid " + pid + "\nstarted " + started + "\nhost " + host + "\n";
        }

        /**
         * Whether the owner, a process of this host, has ended: its id is free, or taken by a process that started after
         * it. In doubt (another host, no start time), the owner is taken to be alive and its folder is kept.
         */
        boolean isGone() {
            if (!host.equals(thisHost())) {
                return false;
            }
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .map(alive -> alive.info().startInstant().map(s -> s.isAfter(started.plus(LATER_START))).orElse(false))
                    .orElse(true);
        }

        /** The host's name, read without a network lookup (which can take seconds); empty when unknown. */
        private static String thisHost() {
            for (Path file : List.of(Path.of("/proc/sys/kernel/hostname"), Path.of("/etc/hostname"))) {
                try {
                    String name = Files.readString(file, StandardCharsets.UTF_8).strip();
                    if (!name.isEmpty()) {
                        return name;
                    }
                } catch (IOException | UncheckedIOException | SecurityException e) {
                    // Try the next source.
                }
            }
            return Optional.ofNullable(System.getenv("COMPUTERNAME")).or(() -> Optional.ofNullable(System.getenv("HOSTNAME")))
                    .orElse("").strip();
        }
    }
}
