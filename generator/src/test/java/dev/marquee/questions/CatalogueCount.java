package dev.marquee.questions;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Titles per service counted from raw catalogue files, independently of the report's SQL: an entry of one file and an
 * entry of another are one title when service, type and name (lower case, letters, digits and spaces, no leading
 * "the ") match and their years are close where both give one: in order of year, each entry is the title of the one
 * before when it is at most a year later (a movie) or at most twice the larger number of seasons either gives later,
 * or a year where neither gives one (a show); two entries of the same file stay two titles. A file that
 * lists no movie at all (for any service) is a list of shows: a service whose titles all come from such files has no
 * movie count.
 */
final class CatalogueCount {

    private CatalogueCount() {
    }

    private record Entry(String service, String file, String name, String type, Integer year, Integer seasons) {
    }

    /**
     * A title as counted once: its service, type ("Movie" or "TV Show"), release year (null when no listing gives one)
     * whether a file that lists it lists any movie, and how many files' entries it stands for.
     */
    record Title(String service, String type, Integer year, boolean moviesListed, int listings) {
    }

    /** A service's movies (null when none of its files lists any movie: unknown) and shows. */
    record Count(Long movies, long shows) {

        long titles() {
            return (movies == null ? 0 : movies) + shows;
        }

        /** Movies over titles, or null without a movie count. */
        Double movieShare() {
            return movies == null ? null : (double) movies / (movies + shows);
        }
    }

    /** Movies and shows per service, from Kaggle-layout catalogues (file → service) and a TV-shows-by-service list. */
    static Map<String, Count> perService(Map<Path, String> catalogues, Path tvShows) throws IOException {
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, Boolean> moviesListed = new TreeMap<>();
        for (Title title : titles(catalogues, tvShows)) {
            counts.computeIfAbsent(title.service(), s -> new long[2])[title.type().equals("Movie") ? 0 : 1]++;
            moviesListed.merge(title.service(), title.moviesListed(), Boolean::logicalOr);
        }
        Map<String, Count> perService = new TreeMap<>();
        counts.forEach((service, c) -> perService.put(service, new Count(moviesListed.get(service) ? c[0] : null, c[1])));
        return perService;
    }

    /**
     * The titles of catalogues in the Kaggle or the JustWatch layout (file → service; JustWatch's MOVIE and SHOW are movies
     * and TV shows) and of a TV-shows-by-service list (or null), each counted once.
     */
    static List<Title> titles(Map<Path, String> catalogues, Path tvShows) throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<Path, String> file : catalogues.entrySet()) {
            for (CSVRecord row : read(file.getKey())) {
                String type = switch (row.get("type").strip()) {
                    case "MOVIE" -> "Movie";
                    case "SHOW" -> "TV Show";
                    default -> row.get("type");
                };
                entries.add(new Entry(file.getValue(), file.getKey().toString(), name(row.get("title")), type,
                        year(row.get("release_year")), seasons(row)));
            }
        }
        for (CSVRecord row : tvShows == null ? List.<CSVRecord>of() : read(tvShows)) {
            for (String service : List.of("Netflix", "Hulu", "Prime Video", "Disney+")) {
                if (row.get(service).strip().equals("1")) {
                    entries.add(new Entry(service, tvShows.toString(), name(row.get("Title")), "TV Show", year(row.get("Year")), null));
                }
            }
        }
        Set<String> movieFiles = new HashSet<>();
        entries.stream().filter(e -> e.type().equals("Movie")).forEach(e -> movieFiles.add(e.file()));
        Map<String, Integer> earliest = new HashMap<>();
        for (Entry e : entries) {
            if (e.year() != null) {
                earliest.merge(e.service() + "|" + e.name() + "|" + e.type(), e.year(), Math::min);
            }
        }
        Map<String, List<Entry>> byName = new java.util.LinkedHashMap<>();
        for (Entry e : entries) {
            byName.computeIfAbsent(e.service() + "|" + e.name() + "|" + e.type(), k -> new ArrayList<>()).add(e);
        }
        Map<String, Integer> nth = new HashMap<>();
        Map<String, Title> titles = new HashMap<>();
        for (Map.Entry<String, List<Entry>> name : byName.entrySet()) {
            Integer earliestYear = earliest.get(name.getKey());
            List<Entry> listings = new ArrayList<>(name.getValue());
            listings.sort(java.util.Comparator.comparing((Entry e) -> e.year() != null ? e.year() : earliestYear,
                    java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())));
            int titleNumber = 0;
            Entry before = null;
            for (Entry e : listings) {
                Integer year = e.year() != null ? e.year() : earliestYear;
                if (before == null || year != null && year - (before.year() != null ? before.year() : earliestYear) > closeness(e, before)) {
                    titleNumber++;
                }
                before = e;
                String key = name.getKey() + "|" + titleNumber;
                int instance = nth.merge(key + "|" + e.file(), 1, Integer::sum);
                titles.merge(key + "|" + instance, new Title(e.service(), e.type(), year, movieFiles.contains(e.file()), 1),
                        (first, next) -> new Title(first.service(), first.type(), first.year(), first.moviesListed() || next.moviesListed(),
                                first.listings() + next.listings()));
            }
        }
        return List.copyOf(titles.values());
    }

    /** How many years apart two listings of one title may be dated. */
    private static int closeness(Entry one, Entry other) {
        if (one.type().equals("Movie")) {
            return 1;
        }
        int seasons = Math.max(one.seasons() == null ? 0 : one.seasons(), other.seasons() == null ? 0 : other.seasons());
        return Math.max(1, 2 * seasons);
    }

    /** Seasons as JustWatch gives them, or as the Kaggle layout's duration does ("3 Seasons"); null otherwise. */
    private static Integer seasons(CSVRecord row) {
        if (row.isMapped("seasons") && !row.get("seasons").isBlank()) {
            return (int) Double.parseDouble(row.get("seasons").strip());
        }
        if (row.isMapped("duration")) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\d+) Season").matcher(row.get("duration").strip());
            return m.find() ? Integer.valueOf(m.group(1)) : null;
        }
        return null;
    }

    private static String name(String title) {
        StringBuilder kept = new StringBuilder();
        title.strip().toLowerCase(Locale.ROOT).codePoints()
                .filter(c -> Character.isLetter(c) || Character.isDigit(c) || c == ' ').forEach(kept::appendCodePoint);
        String name = kept.toString().strip();
        return (name.startsWith("the ") ? name.substring(4) : name).strip();
    }

    private static Integer year(String text) {
        return text == null || text.isBlank() ? null : Integer.valueOf(text.strip());
    }

    private static List<CSVRecord> read(Path file) throws IOException {
        {
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setAllowMissingColumnNames(true).get()
                    .parse(new java.io.StringReader(text)).getRecords();
        }
    }
}
