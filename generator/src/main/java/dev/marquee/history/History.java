package dev.marquee.history;

import dev.marquee.run.ReportException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The earlier editions a run is given with {@code --history DIR}: the previous edition's output folder as it was
 * published. Its {@value Edition#FILE} is the previous edition; its {@code archive/<as-of>/} folders are the ones
 * before, each with its record, and with its whole site unless it was thinned to its PDF.
 *
 * @param folder   the history folder; empty when the run has none
 * @param previous the edition at the folder's root, when there is one
 * @param archived the editions in its archive, oldest first
 */
public record History(Optional<Path> folder, Optional<Edition> previous, List<Archived> archived) {

    public static final String ARCHIVE = "archive";

    public History {
        archived = List.copyOf(archived);
    }

    /** An edition in the archive: its record, and whether its whole site is kept or only its PDF and record. */
    public record Archived(Edition edition, boolean full) {
        public LocalDate asOf() {
            return edition.asOf();
        }
    }

    public static History none() {
        return new History(Optional.empty(), Optional.empty(), List.of());
    }

    public boolean isEmpty() {
        return previous.isEmpty() && archived.isEmpty();
    }

    /** Every earlier edition's record before {@code asOf}, oldest first; the root's record wins over an archived one. */
    public List<Edition> before(LocalDate asOf) {
        TreeMap<LocalDate, Edition> editions = new TreeMap<>();
        archived.forEach(a -> editions.put(a.asOf(), a.edition()));
        previous.ifPresent(p -> editions.put(p.asOf(), p));
        return List.copyOf(editions.headMap(asOf, false).values());
    }

    /**
     * Reads the records of a history folder; a problem names the record within it, then the folder.
     *
     * @throws ReportException when the folder is missing, holds no record, or a record cannot be read (named)
     */
    public static History read(Path folder) {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            throw new ReportException(ReportException.CONFIG_PROBLEM, "--history " + folder + (Files.exists(folder)
                    ? " is not a folder" : " does not exist") + ": pass the output folder of the previous edition, or leave "
                    + "--history out for the first edition");
        }
        Path root = folder.resolve(Edition.FILE);
        if (!Files.isRegularFile(root, LinkOption.NOFOLLOW_LINKS)) {
            throw new ReportException(ReportException.CONFIG_PROBLEM, "--history " + folder + " holds no " + Edition.FILE
                    + ": it is not the output folder of an edition of this version of Marquee; leave --history out to start "
                    + "the history with this edition");
        }
        Edition previous = record(root, Edition.FILE, folder);
        List<Archived> archived = new ArrayList<>();
        Path archive = folder.resolve(ARCHIVE);
        if (Files.isSymbolicLink(archive) || Files.exists(archive, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(archive, LinkOption.NOFOLLOW_LINKS)) {
            throw new ReportException(ReportException.CONFIG_PROBLEM, "history folder " + folder + ": " + ARCHIVE
                    + " is not a folder of archived editions (a link or a file); an archive is never followed through a link");
        }
        if (Files.isDirectory(archive, LinkOption.NOFOLLOW_LINKS)) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(archive)) {
                for (Path entry : entries) {
                    String name = entry.getFileName().toString();
                    if (name.startsWith(".")) {
                        continue;
                    }
                    String shown = ARCHIVE + "/" + name;
                    LocalDate date = date(name, shown);
                    Path record = entry.resolve(Edition.FILE);
                    if (!Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS) || !Files.isRegularFile(record, LinkOption.NOFOLLOW_LINKS)) {
                        throw new ReportException(ReportException.CONFIG_PROBLEM, "history folder " + folder + ": " + shown
                                + " is not an archived edition (a folder with its " + Edition.FILE + ")");
                    }
                    Edition edition = record(record, shown + "/" + Edition.FILE, folder);
                    if (!edition.asOf().equals(date)) {
                        throw new ReportException(ReportException.CONFIG_PROBLEM, "history record " + shown + "/" + Edition.FILE
                                + " is dated " + edition.asOf() + ", not " + date + " as its folder says");
                    }
                    archived.add(new Archived(edition, Files.isRegularFile(entry.resolve("index.html"), LinkOption.NOFOLLOW_LINKS)));
                }
            } catch (IOException e) {
                throw new ReportException(ReportException.CONFIG_PROBLEM, "cannot read the archive of --history " + folder + ": " + e.getMessage());
            }
        }
        archived.sort(Comparator.comparing(Archived::asOf));
        return new History(Optional.of(folder), Optional.of(previous), archived);
    }

    private static Edition record(Path file, String shown, Path folder) {
        try {
            return EditionJson.read(Files.readString(file, StandardCharsets.UTF_8), shown);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new ReportException(ReportException.CONFIG_PROBLEM, "history record " + shown + " (in " + folder
                    + ") cannot be read: it is not UTF-8 text, so not an edition record Marquee wrote");
        } catch (IOException e) {
            throw new ReportException(ReportException.CONFIG_PROBLEM, "cannot read history record " + shown + " (in " + folder + "): "
                    + e.getMessage());
        }
    }

    private static LocalDate date(String name, String shown) {
        try {
            return LocalDate.parse(name);
        } catch (DateTimeParseException e) {
            throw new ReportException(ReportException.CONFIG_PROBLEM, "history archive entry " + shown
                    + " is not named by an as-of date YYYY-MM-DD");
        }
    }
}
