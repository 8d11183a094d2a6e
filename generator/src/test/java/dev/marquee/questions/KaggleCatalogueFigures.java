package dev.marquee.questions;

import dev.marquee.questions.PublicSite.Published;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static dev.marquee.questions.RawFile.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The figures the Kaggle Netflix catalogue (netflix_titles.csv) must give alone, as before issue #17, each computed here
 * from the raw file: type, release year, maturity rating (three rows carry their duration there), date added
 * ("September 25, 2021", some with a leading space, some blank).
 */
abstract class KaggleCatalogueFigures extends CatalogueFigures {

    static final String FILE = "netflix_titles.csv";
    private static final DateTimeFormatter ADDED = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH);
    private static final Map<Path, List<Title>> READ = new ConcurrentHashMap<>();

    @Override
    List<Title> titles() {
        return READ.computeIfAbsent(site().file(FILE), file -> RawFile.records(file).stream().map(KaggleCatalogueFigures::title).toList());
    }

    static Title title(CSVRecord row) {
        String rating = RawFile.cell(row, "rating");
        String added = RawFile.cell(row, "date_added");
        return new Title(row.get("type").strip(), RawFile.integer(row, "release_year"), rating != null && rating.endsWith(" min") ? null : rating,
                List.of(), null, null, added == null ? null : LocalDate.parse(added, ADDED));
    }

    @Test
    void titlesByYearAdded_titlesWithADate() {
        Map<String, Long> truth = RawFile.count(titles(), t -> t.dateAdded() == null ? null : Integer.toString(t.dateAdded().getYear()));
        List<Published> rows = site().csv("catalogue-by-year-added");
        assertEquals(List.copyOf(truth.keySet()), rows.stream().map(r -> r.text("year_added")).toList());
        rows.forEach(r -> assertClose(truth.get(r.text("year_added")), r.number("titles"), r.text("year_added")));
    }
}
