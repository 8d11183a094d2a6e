package dev.marquee.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The entries of the data folder, each with the reason it must not be opened, if there is one. Only a regular file
 * inside the folder is ever read: a link is followed only when its target is inside the folder too, so a link to
 * {@code /proc/self/environ} or {@code ~/.git-credentials} is never opened; a named pipe (which would block the
 * reader), a device, a socket or a folder is never opened either.
 */
final class DataFolder {

    /** Why an entry is not read: a stable rule name and the reason in words. */
    enum Refusal {
        LINK_OUTSIDE("link-outside-data", "is a link to a file outside the data folder, which Marquee does not open"),
        BROKEN_LINK("broken-link", "is a link to a file that does not exist"),
        FOLDER("not-a-file", "is a folder, not a file"),
        SPECIAL("not-a-file", "is not a regular file (a named pipe, a device or a socket), which Marquee does not open"),
        UNREADABLE("unreadable-file", "cannot be read: its permissions do not allow it");

        private final String rule;
        private final String reason;

        Refusal(String rule, String reason) {
            this.rule = rule;
            this.reason = reason;
        }

        String rule() {
            return rule;
        }

        String reason() {
            return reason;
        }
    }

    /**
     * One entry of the data folder.
     *
     * @param path    the entry as listed (a link stays a link, so its name still says the table and the format)
     * @param name    its name in the data folder, as messages and the report show it
     * @param refusal why it must not be opened, if so
     */
    record Entry(Path path, String name, Optional<Refusal> refusal) {
    }

    private DataFolder() {
    }

    /** The entries of the folder (not of its sub-folders), sorted by name, without hidden files and Markdown notes. */
    static List<Entry> entries(Path dataDir) {
        Path realFolder;
        List<Path> listed;
        try (Stream<Path> list = Files.list(dataDir)) {
            realFolder = dataDir.toRealPath();
            listed = list.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dataDir, e);
        }
        List<Entry> entries = new ArrayList<>();
        for (Path path : listed) {
            String name = path.getFileName().toString();
            if (name.startsWith(".") || name.toLowerCase(java.util.Locale.ROOT).endsWith(".md")) {
                continue;
            }
            entries.add(new Entry(path, name, refusal(path, realFolder)));
        }
        return entries;
    }

    private static Optional<Refusal> refusal(Path path, Path realFolder) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            Path target = path;
            if (attributes.isSymbolicLink()) {
                if (!Files.exists(path)) {
                    return Optional.of(Refusal.BROKEN_LINK);
                }
                target = path.toRealPath();
                if (!target.startsWith(realFolder)) {
                    return Optional.of(Refusal.LINK_OUTSIDE);
                }
                attributes = Files.readAttributes(target, BasicFileAttributes.class);
            }
            if (attributes.isDirectory()) {
                return Optional.of(Refusal.FOLDER);
            }
            if (!attributes.isRegularFile()) {
                return Optional.of(Refusal.SPECIAL);
            }
            return Files.isReadable(target) ? Optional.empty() : Optional.of(Refusal.UNREADABLE);
        } catch (IOException e) {
            return Optional.of(Refusal.UNREADABLE);
        }
    }
}
