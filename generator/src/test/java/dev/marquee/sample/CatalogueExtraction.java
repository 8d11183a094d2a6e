package dev.marquee.sample;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Builds {@code sample/catalogue.csv} from the Kaggle "Netflix Movies and TV Shows" file (shivamb).
 * Kept with the tests so the subset can be rebuilt and audited; see {@code sample/README.md}.
 *
 * <p>The subset: every 22nd row from the first, plus the rows whose title is written in a
 * non-Latin script (Arabic, Chinese, Japanese, Korean, Thai), in file order, renumbered t0001...
 */
final class CatalogueExtraction {

    static final List<String> HEADER = List.of("title_id", "title", "type", "genres", "release_year",
            "maturity_rating", "runtime_minutes", "seasons", "date_added");

    private static final int EVERY_NTH_ROW = 22;
    private static final Pattern MINUTES = Pattern.compile("(\\d+) min");
    private static final Pattern SEASONS = Pattern.compile("(\\d+) Seasons?");
    private static final DateTimeFormatter ADDED = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH);

    private CatalogueExtraction() {
    }

    /** Rewrites the committed catalogue from the Kaggle file: {@code scripts/regenerate-catalogue.sh netflix_titles.csv}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: CatalogueExtraction <netflix_titles.csv> <catalogue.csv to write>");
            System.exit(2);
        }
        Files.writeString(Path.of(args[1]), extract(Path.of(args[0])), StandardCharsets.UTF_8);
    }

    static String extract(Path kaggleFile) throws IOException {
        List<CSVRecord> rows;
        try (Reader in = Files.newBufferedReader(kaggleFile, StandardCharsets.UTF_8)) {
            rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            printer.printRecord(HEADER);
            int number = 0;
            for (int i = 0; i < rows.size(); i++) {
                CSVRecord row = rows.get(i);
                if (i % EVERY_NTH_ROW == 0 || hasNonLatinLetters(cleanTitle(row.get("title")))) {
                    number++;
                    printer.printRecord(toTitleRow(String.format(Locale.ROOT, "t%04d", number), row));
                }
            }
        }
        return out.toString();
    }

    private static List<String> toTitleRow(String titleId, CSVRecord row) {
        String type = row.get("type").strip();
        String rating = row.get("rating").strip();
        String duration = row.get("duration").strip();
        // Three source rows carry the duration in the rating column and leave duration blank.
        if (duration.isEmpty() && MINUTES.matcher(rating).matches()) {
            duration = rating;
            rating = "";
        }
        List<String> genres = Arrays.stream(row.get("listed_in").split(","))
                .map(String::strip).filter(g -> !g.isEmpty()).collect(Collectors.toList());
        boolean show = type.equals("TV Show");
        String runtime = show ? Integer.toString(episodeMinutes(row.get("show_id"), genres)) : number(MINUTES, duration);
        String seasons = show ? number(SEASONS, duration) : "";
        String added = row.get("date_added").strip();
        String dateAdded = added.isEmpty() ? "" : LocalDate.parse(added, ADDED).toString();
        return List.of(titleId, cleanTitle(row.get("title")), type, String.join("|", genres),
                row.get("release_year").strip(), rating, runtime, seasons, dateAdded);
    }

    /** The source has no episode length; this estimate by genre is ours (documented in the README). */
    static int episodeMinutes(String showId, List<String> genres) {
        int base = 45;
        List<String[]> byGenre = List.of(
                new String[] {"Kids' TV", "24"}, new String[] {"Anime Series", "24"},
                new String[] {"TV Comedies", "30"}, new String[] {"Stand-Up Comedy & Talk Shows", "30"},
                new String[] {"Korean TV Shows", "62"}, new String[] {"Reality TV", "42"},
                new String[] {"Docuseries", "48"}, new String[] {"Science & Nature TV", "48"},
                new String[] {"TV Dramas", "52"}, new String[] {"Crime TV Shows", "52"},
                new String[] {"TV Thrillers", "50"}, new String[] {"TV Mysteries", "50"},
                new String[] {"TV Sci-Fi & Fantasy", "50"}, new String[] {"TV Horror", "48"},
                new String[] {"TV Action & Adventure", "50"});
        for (String[] rule : byGenre) {
            if (genres.contains(rule[0])) {
                base = Integer.parseInt(rule[1]);
                break;
            }
        }
        int jitter = Math.floorMod(showId.hashCode(), 7) - 3;
        return base + jitter;
    }

    private static String number(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.matches() ? m.group(1) : "";
    }

    /** Drops zero-width spaces and turns no-break spaces into spaces; the letters stay as published. */
    static String cleanTitle(String title) {
        return title.replace("\u200b", "").replace('\u00a0', ' ').strip();
    }

    static boolean hasNonLatinLetters(String title) {
        return title.codePoints().filter(Character::isLetter).anyMatch(c -> {
            Character.UnicodeScript script = Character.UnicodeScript.of(c);
            return script != Character.UnicodeScript.LATIN && script != Character.UnicodeScript.COMMON;
        });
    }
}
