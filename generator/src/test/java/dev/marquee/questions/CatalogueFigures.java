package dev.marquee.questions;

import dev.marquee.questions.PublicSite.Published;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import static dev.marquee.questions.RawFile.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The catalogue figures every catalogue file must give alone, each computed here from the raw file (one row, one title). */
abstract class CatalogueFigures {

    /** A title as a catalogue file lists it; type "Movie" or "TV Show". */
    record Title(String type, Integer releaseYear, String maturityRating, List<String> genres, Double imdb, Double tmdb,
                 java.time.LocalDate dateAdded) {
    }

    abstract PublicSite site();

    abstract List<Title> titles();

    @Test
    void titlesByType_everyRowATitle() {
        Map<String, Long> truth = RawFile.count(titles(), Title::type);
        List<Published> rows = site().csv("catalogue-by-type");
        assertEquals(List.copyOf(truth.keySet()), rows.stream().map(r -> r.text("type")).toList());
        rows.forEach(r -> assertClose(truth.get(r.text("type")), r.number("titles"), r.text("type")));
    }

    @Test
    void titlesByDecadeOfRelease_moviesAndShows() {
        assertMoviesAndShows("catalogue-by-decade", "decade", t -> t.releaseYear() == null ? null : t.releaseYear() / 10 * 10);
    }

    @Test
    void titlesByReleaseYear_moviesAndShows() {
        assertMoviesAndShows("catalogue-by-release-year", "release_year", Title::releaseYear);
    }

    @Test
    void titlesByMaturityRating_unratedNamedSo() {
        // "NR" and "UR" say the title has no rating, as a blank does.
        Map<String, Long> truth = RawFile.count(titles(), t -> t.maturityRating() == null
                || List.of("NR", "UR", "UNRATED", "NOT RATED").contains(t.maturityRating().toUpperCase(java.util.Locale.ROOT))
                ? "Not rated" : t.maturityRating());
        List<Published> rows = site().csv("catalogue-by-maturity");
        assertEquals(truth.keySet(), new java.util.TreeSet<>(rows.stream().map(r -> r.text("maturity_rating")).toList()));
        rows.forEach(r -> assertClose(truth.get(r.text("maturity_rating")), r.number("titles"), r.text("maturity_rating")));
        // Largest first, "Not rated" among them: the PDF, which shows the first few, shows the largest group.
        for (int i = 1; i < rows.size(); i++) {
            assertTrue(rows.get(i - 1).number("titles") >= rows.get(i).number("titles"), "largest first: " + rows.get(i).text("maturity_rating"));
        }
        truth.entrySet().stream().filter(e -> !e.getKey().equals("Not rated"))
                .min(java.util.Comparator.<Map.Entry<String, Long>>comparingLong(e -> -e.getValue()).thenComparing(Map.Entry::getKey))
                .ifPresent(top -> assertTrue(site().pageText("catalogue.html").contains("Among the titles with a maturity rating, the most common is " + top.getKey() + "."),
                        "the narrative names the most common rating a title has: " + top.getKey()));
    }

    void assertMoviesAndShows(String chart, String column, Function<Title, Integer> key) {
        Map<Integer, long[]> truth = new TreeMap<>();
        titles().stream().filter(t -> key.apply(t) != null)
                .forEach(t -> truth.computeIfAbsent(key.apply(t), x -> new long[2])[t.type().equals("Movie") ? 0 : 1]++);
        assertMoviesAndShows(site().csv(chart), chart, column, truth, titles().stream().anyMatch(t -> t.type().equals("Movie")));
    }

    /**
     * A chart's movies and shows per year or decade as counted from the raw files; without a file that lists any movie
     * (a list of shows) its movies are not published, not 0.
     */
    static void assertMoviesAndShows(List<Published> rows, String chart, String column, Map<Integer, long[]> truth, boolean moviesListed) {
        assertEquals(truth.keySet().stream().map(String::valueOf).toList(), rows.stream().map(r -> r.text(column)).toList(), chart);
        rows.forEach(r -> {
            long[] counts = truth.get(Integer.valueOf(r.text(column)));
            if (moviesListed) {
                assertClose(counts[0], r.number("movies"), chart + " " + r.text(column) + " movies");
            } else {
                RawFile.assertBlank(r.number("movies"), chart + " " + r.text(column) + " movies, of files that list no movie");
            }
            assertClose(counts[1], r.number("shows"), chart + " " + r.text(column) + " shows");
        });
    }
}
