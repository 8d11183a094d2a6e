package dev.marquee.publish;

import dev.marquee.run.ReportException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Builds a site (or an export) in a staging folder beside the target and swaps it in only when the whole run
 * succeeded. Until {@link #publish()} the previous site is untouched; {@link #close()} without publishing discards
 * the work.
 * <p>
 * The staging folder {@code .<name>.building-<random>} is a {@link RunFolder}: it carries its owner, is deleted when
 * the JVM is stopped, and a later run removes it when a {@code kill -9} left it. The new site grows in a subfolder
 * of it, so whatever a killed run leaves lies inside a folder with an owner. Every site carries the marker of its
 * {@link OutputFolder.Kind}, which is what lets the next run replace it.
 */
public final class StagedSite implements Output, AutoCloseable {

    private final Path target;
    private final RunFolder staging;
    private final Path folder;

    private StagedSite(Path target, RunFolder staging, Path folder) {
        this.target = target;
        this.staging = staging;
        this.folder = folder;
    }

    /** A staging folder for a site beside {@code target}; see {@link #beside(Path, OutputFolder.Kind)}. */
    public static StagedSite beside(Path target) {
        return beside(target, OutputFolder.SITE);
    }

    /**
     * Removes the staging and previous-site folders that killed runs left beside {@code target}, then makes this run's.
     * {@code target} is the folder to replace, as {@link OutputFolder#check} returned it.
     */
    public static StagedSite beside(Path target, OutputFolder.Kind kind) {
        Path absolute = target.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        try {
            Files.createDirectories(parent);
            removeLeftovers(absolute);
            RunFolder staging = RunFolder.create(parent, "." + absolute.getFileName() + ".building-");
            try {
                Path folder = Files.createDirectory(staging.path().resolve("new"));
                Files.writeString(folder.resolve(kind.marker()), kind.text(), StandardCharsets.UTF_8);
                return new StagedSite(absolute, staging, folder);
            } catch (IOException e) {
                staging.close();
                throw e;
            }
        } catch (IOException e) {
            throw new ReportException(ReportException.CONFIG_PROBLEM, "cannot make a build folder in " + parent + " for " + absolute
                    + ": " + e.getClass().getSimpleName() + " " + e.getMessage());
        }
    }

    /** The leftovers of runs that were killed ({@code kill -9}, a power cut) while building {@code target}. */
    static void removeLeftovers(Path target) {
        String name = target.getFileName().toString().replace("\\", "\\\\").replace("*", "\\*").replace("?", "\\?")
                .replace("[", "\\[").replace("{", "\\{");
        RunFolder.removeStale(target.getParent(), "." + name + ".building-*");
        RunFolder.removeStale(target.getParent(), "." + name + ".previous-*");
    }

    /** Where the new site is written. */
    public Path folder() {
        return folder;
    }

    @Override
    public void write(String path, byte[] content) {
        if (path.startsWith("/") || path.contains("..") || path.contains("\\")) {
            throw new IllegalArgumentException("not a relative site path: " + path);
        }
        if (staging.isClosed()) {
            throw new IllegalStateException("the build was stopped; not writing " + path);
        }
        Path file = folder.resolve(path);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * Replaces the target folder with the finished build: the old site moves into a run folder of its own, the new
     * one into its place, and the old one is deleted. The shutdown hook waits while the two moves happen.
     */
    public void publish() {
        synchronized (staging) {
            if (staging.isClosed()) {
                throw new IllegalStateException("the build was stopped before it was published");
            }
            Path parent = target.getParent();
            try (RunFolder previous = Files.exists(target, LinkOption.NOFOLLOW_LINKS)
                    ? RunFolder.create(parent, "." + target.getFileName() + ".previous-") : null) {
                Path old = previous == null ? null : previous.path().resolve("old");
                if (old != null) {
                    move(target, old);
                }
                makeReadable(folder);
                try {
                    move(folder, target);
                } catch (IOException e) {
                    if (old != null) {
                        move(old, target);
                    }
                    throw e;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot move the new site into " + target, e);
            }
        }
        staging.close();
    }

    @Override
    public void close() {
        staging.close();
    }

    /** Temporary folders are private to their owner; a published site is readable by the web server. */
    private static void makeReadable(Path folder) throws IOException {
        try {
            Files.setPosixFilePermissions(folder, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the default permissions apply.
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }
}
