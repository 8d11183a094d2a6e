package dev.marquee.history;

import dev.marquee.run.ReportException;
import dev.marquee.format.Formats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The archive of earlier editions, {@code archive/<as-of>/} in the output folder, carried forward from the history
 * folder: the previous edition's site moves in from the history's root, the editions before it come from the
 * history's archive. The newest {@code keep} keep their whole site; older ones keep their PDF and record only, so the
 * archive's size is bounded. Each kept site's pages link to the editions before and after it.
 */
public final class Archive {

    public static final int DEFAULT_KEEP = 8;
    static final String PDF = "report.pdf";
    private static final Pattern NAV = Pattern.compile("<!--editions-->.*?<!--/editions-->", Pattern.DOTALL);

    private Archive() {
    }

    /** An edition the archive page lists; {@code full} when its whole site is kept, {@code current} for this one. */
    public record Entry(LocalDate asOf, boolean current, boolean full, List<String> figures, String targets, boolean fromRoot) {
        public Entry {
            figures = List.copyOf(figures);
        }

        /** Its front page, relative to the site root. */
        public String siteHref() {
            return current ? "index.html" : History.ARCHIVE + "/" + asOf + "/index.html";
        }

        public String pdfHref() {
            return current ? PDF : History.ARCHIVE + "/" + asOf + "/" + PDF;
        }
    }

    /**
     * The editions of the archive, oldest first, ending with the current one; empty without history. An edition of the
     * same as-of date as this one is replaced by it.
     *
     * @throws ReportException when the history holds an edition later than this one
     */
    public static List<Entry> plan(History history, Edition current, int keep) {
        if (history.isEmpty()) {
            return List.of();
        }
        List<Entry> entries = new ArrayList<>();
        for (History.Archived archived : history.archived()) {
            later(archived.asOf(), current.asOf());
            if (archived.asOf().isBefore(current.asOf()) && history.previous().filter(p -> p.asOf().equals(archived.asOf())).isEmpty()) {
                entries.add(new Entry(archived.asOf(), false, archived.full(), figures(archived.edition()), targets(archived.edition()), false));
            }
        }
        history.previous().ifPresent(previous -> {
            later(previous.asOf(), current.asOf());
            if (previous.asOf().isBefore(current.asOf())) {
                entries.add(new Entry(previous.asOf(), false, true, figures(previous), targets(previous), true));
            }
        });
        entries.sort(Comparator.comparing(Entry::asOf));
        List<Entry> kept = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            boolean full = entry.full() && entries.size() - i <= keep;
            kept.add(new Entry(entry.asOf(), false, full, entry.figures(), entry.targets(), entry.fromRoot()));
        }
        kept.add(new Entry(current.asOf(), true, true, figures(current), targets(current), false));
        return kept;
    }

    private static void later(LocalDate archived, LocalDate current) {
        if (archived.isAfter(current)) {
            throw new ReportException(ReportException.CONFIG_PROBLEM, "--history holds the edition of " + archived
                    + ", later than this one (" + current + "): an archive runs forward; pass a later --as-of or another --history");
        }
    }

    /** An edition's KPIs, as the archive page lists them: "Churn rate: 4.0%". */
    private static List<String> figures(Edition edition) {
        return edition.kpis().stream().map(k -> k.label() + ": " + Formats.compact(k.value(), k.unit())).toList();
    }

    /** How an edition's targets stood: "2 of 3 missed", "all 3 met", or empty without targets. */
    private static String targets(Edition edition) {
        long missed = edition.targets().stream().filter(t -> t.status() == Edition.Status.MISSED).count();
        long met = edition.targets().stream().filter(t -> t.status() == Edition.Status.MET).count();
        int all = edition.targets().size();
        if (all == 0) {
            return "";
        }
        return missed > 0 ? missed + " of " + all + " missed" : met == all ? (all == 1 ? "met" : "all " + all + " met") : met + " of " + all + " met";
    }

    /**
     * Copies the archived editions from the history folder into {@code site}, then links every kept site's pages to
     * the editions before and after it. Only regular files are copied, never links or hidden files.
     */
    public static void carry(List<Entry> entries, Path history, Path site) {
        for (Entry entry : entries) {
            if (entry.current()) {
                continue;
            }
            Path from = entry.fromRoot() ? history : history.resolve(History.ARCHIVE).resolve(entry.asOf().toString());
            Path to = site.resolve(History.ARCHIVE).resolve(entry.asOf().toString());
            if (entry.full()) {
                copyTree(from, to, entry.fromRoot());
            } else {
                copyFile(from.resolve(Edition.FILE), to.resolve(Edition.FILE));
                copyFile(from.resolve(PDF), to.resolve(PDF));
            }
        }
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            if (!entry.current() && entry.full()) {
                String nav = nav("../../", entry.asOf(), i > 0 ? Optional.of(entries.get(i - 1)) : Optional.empty(),
                        Optional.of(entries.get(i + 1)));
                relink(site.resolve(History.ARCHIVE).resolve(entry.asOf().toString()), nav);
            }
        }
    }

    /**
     * The links between editions that every page carries, between markers so a later run can rewrite them when the
     * page moves into the archive. {@code root} leads from the page to the site root; {@code after} is empty for the
     * latest edition, and an archived one says it is not the latest. Only dates and fixed words.
     */
    public static String nav(String root, LocalDate asOf, Optional<Entry> before, Optional<Entry> after) {
        List<String> parts = new ArrayList<>();
        after.ifPresent(a -> parts.add("<strong>An earlier edition, as of " + day(asOf) + ".</strong>"));
        before.ifPresent(b -> parts.add("<a rel=\"prev\" href=\"" + root + (b.full() ? b.siteHref() : b.pdfHref())
                + "\">← Previous edition, " + day(b.asOf()) + (b.full() ? "" : " (PDF)") + "</a>"));
        after.ifPresent(a -> parts.add("<a rel=\"next\" href=\"" + root + a.siteHref() + "\">"
                + (a.current() ? "Latest edition, " : "Next edition, ") + day(a.asOf()) + " →</a>"));
        parts.add("<a href=\"" + root + "archive.html\">All editions</a>");
        return "<!--editions--><nav class=\"editions" + (after.isPresent() ? " archived" : "") + "\" aria-label=\"Editions\">"
                + String.join(" · ", parts) + "</nav><!--/editions-->";
    }

    /** A date that does not break across lines. */
    private static String day(LocalDate date) {
        return Formats.date(date).replace(" ", "&nbsp;");
    }

    /** The marker pair with nothing between: a page of a run without history, ready to be linked later. */
    public static final String NO_NAV = "<!--editions--><!--/editions-->";

    private static void relink(Path folder, String nav) {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path page : files.filter(p -> p.toString().endsWith(".html") && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList()) {
                String html = Files.readString(page, StandardCharsets.UTF_8);
                Matcher matcher = NAV.matcher(html);
                if (matcher.find()) {
                    Files.writeString(page, html.substring(0, matcher.start()) + nav + html.substring(matcher.end()), StandardCharsets.UTF_8);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot link the archived edition in " + folder, e);
        }
    }

    /** The edition's files: at the history's root, all but the archive and its page, which the new edition rewrites. */
    private static void copyTree(Path from, Path to, boolean root) {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.sorted().toList()) {
                Path relative = from.relativize(path);
                if (relative.toString().isEmpty() || hidden(relative) || Files.isSymbolicLink(path)
                        || root && (relative.startsWith(History.ARCHIVE) || relative.toString().equals("archive.html"))) {
                    continue;
                }
                if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                    copyFile(path, to.resolve(relative.toString()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the archived edition from " + from, e);
        }
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static void copyFile(Path from, Path to) {
        if (!Files.isRegularFile(from, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.createDirectories(to.getParent());
            Files.copy(from, to);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " into the archive", e);
        }
    }
}
