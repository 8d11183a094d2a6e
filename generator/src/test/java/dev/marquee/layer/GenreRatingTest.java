package dev.marquee.layer;

import dev.marquee.Fixtures;
import dev.marquee.engine.DuckDbEngine;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * genre_rating's raters on the fixture of fixtures/questions plus one title in 70 genres, as of 2024-03-31: a rater's
 * genres are the bits of one number per run of 62 genre numbers, so the genres numbered 1–61 and those numbered 62 on
 * sit in two numbers of the same member.
 */
class GenreRatingTest {

    @Test
    void everyGenresRaters_onBothSidesOfARunOf62Genres() throws Exception {
        Path scratch = Fixtures.scratch("marquee-genre-rating-");
        Path data = scratch.resolve("data");
        Files.createDirectories(data);
        Fixtures.copyTree(Fixtures.FIXTURES.resolve("questions"), data);
        String seventyGenres = IntStream.rangeClosed(1, 70).mapToObj(n -> String.format("G%02d", n)).collect(Collectors.joining("|"));
        Files.writeString(data.resolve("titles.csv"), "t9,India,Movie," + seventyGenres + ",2020,PG,95,,2021-06-01\n",
                StandardOpenOption.APPEND);
        // Members 1 and 2 rate India; member 1 twice, which makes one rater, not two.
        Files.writeString(data.resolve("ratings.csv"), "1,t9,2024-02-10 10:00:00,3\n1,t9,2024-02-11 10:00:00,4\n"
                + "2,t9,2024-03-01 10:00:00,2\n", StandardOpenOption.APPEND);
        try (DuckDbEngine engine = BuiltLayer.of(data, LocalDate.of(2024, 3, 31))) {
            Map<String, Long> raters = new LinkedHashMap<>();
            for (List<Object> row : engine.query("SELECT genre, raters FROM genre_rating ORDER BY genre").rows()) {
                raters.put((String) row.get(0), ((Number) row.get(1)).longValue());
            }
            // In name order Comedies is number 1, Dramas 2, G01 to G70 3 to 72 (G60 is 62, the first of the second
            // run), Horror 73. Comedies: Alpha's raters, members 1 and 5. Dramas: Alpha's and Bravo's, 1, 5 and 2.
            // Horror: Charlie's, member 3. Each of the seventy: India's, members 1 and 2.
            Map<String, Long> expected = new LinkedHashMap<>();
            expected.put("Comedies", 2L);
            expected.put("Dramas", 3L);
            for (String genre : seventyGenres.split("\\|")) {
                expected.put(genre, 2L);
            }
            expected.put("Horror", 1L);
            assertEquals(expected, raters);
        }
    }
}
