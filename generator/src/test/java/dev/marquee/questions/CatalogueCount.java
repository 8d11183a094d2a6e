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
 * "the ") match and so does the year where both give one; two entries of the same file stay two titles.
 */
final class CatalogueCount {

    private CatalogueCount() {
    }

    private record Entry(String service, String file, String name, String type, Integer year) {
    }

    /** Movies and shows per service, from Kaggle-layout catalogues (file → service) and a TV-shows-by-service list. */
    static Map<String, long[]> perService(Map<Path, String> catalogues, Path tvShows) throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<Path, String> file : catalogues.entrySet()) {
            for (CSVRecord row : read(file.getKey())) {
                entries.add(new Entry(file.getValue(), file.getKey().toString(), name(row.get("title")), row.get("type"),
                        year(row.get("release_year"))));
            }
        }
        for (CSVRecord row : read(tvShows)) {
            for (String service : List.of("Netflix", "Hulu", "Prime Video", "Disney+")) {
                if (row.get(service).strip().equals("1")) {
                    entries.add(new Entry(service, tvShows.toString(), name(row.get("Title")), "TV Show", year(row.get("Year"))));
                }
            }
        }
        Map<String, Integer> earliest = new HashMap<>();
        for (Entry e : entries) {
            if (e.year() != null) {
                earliest.merge(e.service() + "|" + e.name() + "|" + e.type(), e.year(), Math::min);
            }
        }
        Map<String, Integer> nth = new HashMap<>();
        Set<String> titles = new HashSet<>();
        for (Entry e : entries) {
            Integer year = e.year() != null ? e.year() : earliest.get(e.service() + "|" + e.name() + "|" + e.type());
            String key = e.service() + "|" + e.name() + "|" + e.type() + "|" + year;
            int instance = nth.merge(key + "|" + e.file(), 1, Integer::sum);
            titles.add(key + "|" + instance);
        }
        Map<String, long[]> counts = new TreeMap<>();
        for (String title : titles) {
            String[] parts = title.split("\\|", -1);
            counts.computeIfAbsent(parts[0], s -> new long[2])[parts[2].equals("Movie") ? 0 : 1]++;
        }
        return counts;
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
