package dev.marquee.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Builds the site in a temporary folder beside the target and swaps it in only when the whole run succeeded.
 * Until {@link #publish()} the previous site is untouched; {@link #close()} without publishing discards the work.
 */
public final class StagedSite implements Output, AutoCloseable {

    private final Path target;
    private final Path staging;
    private boolean published;

    private StagedSite(Path target, Path staging) {
        this.target = target;
        this.staging = staging;
    }

    public static StagedSite beside(Path target) {
        Path absolute = target.toAbsolutePath().normalize();
        try {
            Path parent = absolute.getParent();
            Files.createDirectories(parent);
            Path staging = Files.createTempDirectory(parent, "." + absolute.getFileName() + ".building-");
            return new StagedSite(absolute, staging);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a build folder beside " + absolute, e);
        }
    }

    public Path folder() {
        return staging;
    }

    @Override
    public void write(String path, byte[] content) {
        if (path.startsWith("/") || path.contains("..") || path.contains("\\")) {
            throw new IllegalArgumentException("not a relative site path: " + path);
        }
        Path file = staging.resolve(path);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Replaces the target folder with the finished build: old site out, new site in, old site deleted. */
    public void publish() {
        try {
            Path old = null;
            if (Files.exists(target)) {
                old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".previous-");
                Files.delete(old);
                move(target, old);
            }
            makeReadable(staging);
            move(staging, target);
            published = true;
            if (old != null) {
                deleteTree(old);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the new site into " + target, e);
        }
    }

    @Override
    public void close() {
        if (!published) {
            deleteTree(staging);
        }
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

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
