package dev.marquee.questions;

import dev.marquee.questions.PublicSite.Published;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import static dev.marquee.questions.RawFile.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The figures the JustWatch export of Netflix titles (Kaggle "Netflix TV Shows and Movies") must give alone (issue #17),
 * each computed here from the raw file: type MOVIE/SHOW, release year, age certification, genres as a list literal
 * ("['drama', 'crime']"), IMDb and TMDB scores (some blank).
 */
abstract class JustWatchFigures extends CatalogueFigures {

    static final String FILE = "justwatch_netflix_titles_imdb_tmdb.csv";
    private static final Map<Path, List<Title>> READ = new ConcurrentHashMap<>();

    @Override
    List<Title> titles() {
        return READ.computeIfAbsent(site().file(FILE), file -> RawFile.records(file).stream().map(JustWatchFigures::title).toList());
    }

    static Title title(CSVRecord row) {
        return new Title(row.get("type").strip().equalsIgnoreCase("MOVIE") ? "Movie" : "TV Show", RawFile.integer(row, "release_year"),
                RawFile.cell(row, "age_certification"), genres(row.get("genres")), RawFile.decimal(row, "imdb_score"),
                RawFile.decimal(row, "tmdb_score"), null);
    }

    /** "['drama', 'crime']" → Drama, Crime. */
    static List<String> genres(String literal) {
        return Arrays.stream(literal.replaceAll("[\\[\\]' ]", "").split(",")).filter(g -> !g.isEmpty())
                .map(g -> g.substring(0, 1).toUpperCase(Locale.ROOT) + g.substring(1)).toList();
    }

    /**
     * Scores of each genre from one source, by genre on the report's one scale (the model's genre_map: "scifi" and
     * "fantasy" are both Sci-Fi & Fantasy); a title counts once in each of its genres.
     */
    static Map<String, List<Double>> scores(List<Title> titles, boolean imdb) {
        Map<String, String> scale = genreMap();
        Map<String, List<Double>> scores = new TreeMap<>();
        for (Title title : titles) {
            Double score = imdb ? title.imdb() : title.tmdb();
            if (score != null) {
                title.genres().stream().map(g -> scale.getOrDefault(g.toLowerCase(Locale.ROOT), g)).distinct()
                        .forEach(g -> scores.computeIfAbsent(g, x -> new ArrayList<>()).add(score));
            }
        }
        return scores;
    }

    /** The model's genre_map.csv: a catalogue's genre name, lower case, to the report's. */
    static Map<String, String> genreMap() {
        try (var in = JustWatchFigures.class.getResourceAsStream("/model/genre_map.csv")) {
            Map<String, String> map = new java.util.HashMap<>();
            new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().skip(1).forEach(line -> {
                int comma = line.indexOf(',');
                map.put(line.substring(0, comma), line.substring(comma + 1).replace("\"", ""));
            });
            return map;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Mean IMDb and TMDB score by genre with the mean's 95% interval (± 1.96 sd / √n), genres of 10 scored titles or more. */
    static void assertScoresByGenre(List<Published> rows, List<Title> titles) {
        Map<String, double[]> truth = new TreeMap<>();
        for (boolean imdb : new boolean[] {true, false}) {
            scores(titles, imdb).forEach((genre, scores) -> {
                if (scores.size() < 10) {
                    return;
                }
                double n = scores.size();
                double mean = scores.stream().mapToDouble(Double::doubleValue).sum() / n;
                double sd = Math.sqrt(scores.stream().mapToDouble(s -> (s - mean) * (s - mean)).sum() / (n - 1));
                truth.put(genre + " / " + (imdb ? "IMDb" : "TMDB"), new double[] {n, mean, mean - 1.96 * sd / Math.sqrt(n), mean + 1.96 * sd / Math.sqrt(n)});
            });
        }
        assertEquals(truth.keySet(), new java.util.TreeSet<>(rows.stream().map(r -> r.text("genre") + " / " + r.text("score_source")).toList()),
                "the genres with 10 scored titles or more, for each score");
        for (Published row : rows) {
            String key = row.text("genre") + " / " + row.text("score_source");
            double[] want = truth.get(key);
            assertClose(want[0], row.number("scored_titles"), key + " scored titles");
            assertClose(want[1], row.number("average_score"), key + " average");
            assertClose(want[2], row.number("low_95"), key + " low 95%");
            assertClose(want[3], row.number("high_95"), key + " high 95%");
        }
    }

    /**
     * The Data page counts title_scores' rows (a title's IMDb and its TMDB score, where given) from the file's rows:
     * 11,554 rows read of a file of 6,137 read as an error.
     */
    @Test
    void dataPage_countsTheScoresFromTheFilesRows() {
        long scores = titles().stream().mapToLong(t -> (t.imdb() != null ? 1 : 0) + (t.tmdb() != null ? 1 : 0)).sum();
        String data = site().pageText("data.html");
        org.junit.jupiter.api.Assertions.assertTrue(data.contains(String.format(Locale.ROOT, "%,d from %,d rows of the file", scores,
                titles().size())), data);
    }

    @Test
    void imdbAndTmdbScoresByGenre_withCountsAndIntervals() {
        assertScoresByGenre(site().csv("catalogue-scores-by-genre"), titles());
    }
}
