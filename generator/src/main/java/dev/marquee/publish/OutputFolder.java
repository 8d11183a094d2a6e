package dev.marquee.publish;

import dev.marquee.run.ReportException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Whether a run may replace the folder {@code --out} names, and why not: the one place that decides it.
 * <p>
 * A run replaces its output folder as a whole, so it takes only a folder that is missing, empty, or carries the marker
 * file Marquee writes into everything it makes ({@link #SITE} or {@link #EXPORT}). Never the folders a run reads, the
 * working folder, the home folder or a parent of any of them, nor a file. Links are followed before comparing, so a
 * link to the data folder is the data folder. The folder's parent must be writable and the previous output removable,
 * checked before the first stage rather than found out after the last.
 */
public final class OutputFolder {

    /** What made a folder, written into it as a small dot-file; only its presence is read. */
    public record Kind(String marker, String what, String text) {
        String aWhat() {
            return ("aeiou".indexOf(what.charAt(0)) >= 0 ? "an " : "a ") + what;
        }
    }

    public static final Kind SITE = new Kind(".marquee-site", "site", "This site was made by Marquee, the report generator. "
            + "`marquee build --out` replaces this folder as a whole; without this file, Marquee refuses to.\n");
    public static final Kind EXPORT = new Kind(".marquee-export", "export", "This folder was written by `marquee export`, "
            + "which replaces it as a whole; without this file, Marquee refuses to.\n");

    /** A folder the output must not replace, with the words that name it for a user, e.g. "the data folder (--data)". */
    public record Kept(Path folder, String name) {
    }

    private static final int NAMES_SHOWN = 3;

    private OutputFolder() {
    }

    /**
     * @param option the option that named the folder, for the message
     * @param kept   the folders this run reads (data, questions, temporary folder); the working folder and the home folder
     *               are added here
     * @return the folder to replace: {@code target} with links resolved, so a link to a site keeps pointing at the new one
     * @throws ReportException exit code 3, saying why, when the folder may not be replaced
     */
    public static Path check(String option, Path target, Kind kind, List<Kept> kept) {
        Path real = real(target);
        Path absolute = target.toAbsolutePath().normalize();
        String named = option + " " + absolute + (real.equals(absolute) ? "" : " (a link to " + real + ")");
        if (real.getParent() == null) {
            throw refuse(named + " is the root of the file system. Choose a folder of its own, such as --out " + kind.what());
        }
        List<Kept> all = new ArrayList<>(kept);
        all.add(new Kept(Path.of("").toAbsolutePath(), "the working folder"));
        all.add(new Kept(Path.of(System.getProperty("user.home")), "the home folder"));
        for (Kept folder : all) {
            Path keptReal = real(folder.folder());
            if (keptReal.equals(real)) {
                throw refuse(named + " is " + folder.name() + "; the " + kind.what()
                        + " would replace it. Choose a folder of its own, such as --out " + kind.what());
            }
            if (keptReal.startsWith(real)) {
                throw refuse(named + " is a parent of " + folder.name() + " " + keptReal + "; the " + kind.what()
                        + " would replace it. Choose a folder of its own, such as --out " + kind.what());
            }
        }
        if (Files.exists(real) && !Files.isDirectory(real)) {
            throw refuse(named + " is a file, not a folder; Marquee does not replace files. Choose a folder");
        }
        if (Files.isSymbolicLink(absolute) && !Files.exists(absolute)) {
            throw refuse(named + " is a link to a folder that does not exist. Create that folder or choose another");
        }
        if (Files.isDirectory(real)) {
            List<String> names = names(real).orElseThrow(() -> refuse(named + " cannot be read. Choose a folder you may read and write"));
            if (!names.isEmpty() && !Files.isRegularFile(real.resolve(kind.marker()), LinkOption.NOFOLLOW_LINKS)) {
                String shown = String.join(", ", names.subList(0, Math.min(NAMES_SHOWN, names.size())))
                        + (names.size() > NAMES_SHOWN ? " and " + (names.size() - NAMES_SHOWN) + " more" : "");
                throw refuse(named + " holds files Marquee did not write (" + shown + ") and no " + kind.marker()
                        + " marker; Marquee replaces only an empty folder or " + kind.aWhat() + " it made. Choose another folder,"
                        + " or empty this one (" + kind.aWhat() + " made before Marquee wrote markers: delete it once by hand)");
            }
            unremovable(real).ifPresent(locked -> {
                throw refuse(named + " cannot be replaced: " + locked + " is read-only, and the previous " + kind.what()
                        + " is deleted once the new one is in. Make it writable or choose another folder");
            });
        }
        Path existing = real.getParent();
        while (!Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (!Files.isDirectory(existing)) {
            throw refuse(named + " cannot be created: " + existing + " is a file, not a folder");
        }
        if (!Files.isWritable(existing)) {
            throw refuse(named + " cannot be written: its parent folder " + existing + " is read-only. Choose a folder you may write to");
        }
        return real;
    }

    /** The path with every link resolved; for a path that does not exist yet, its nearest existing parent's. */
    static Path real(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing.getParent() != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute)).normalize();
        } catch (IOException e) {
            return absolute;
        }
    }

    /** The names in a folder, sorted, a folder's with a slash; empty when the folder cannot be read. */
    private static Optional<List<String>> names(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return Optional.of(entries.map(p -> p.getFileName() + (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "/" : ""))
                    .sorted().toList());
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /** A folder of the tree whose entries this process may not delete, if any (links are not followed). */
    private static Optional<Path> unremovable(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> !Files.isWritable(p) || !Files.isExecutable(p)).findFirst();
        } catch (IOException | UncheckedIOException e) {
            return Optional.of(root);
        }
    }

    private static ReportException refuse(String message) {
        return new ReportException(ReportException.CONFIG_PROBLEM, message + ".");
    }
}
