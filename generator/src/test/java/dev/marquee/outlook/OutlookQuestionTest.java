package dev.marquee.outlook;

import dev.marquee.Fixtures;
import dev.marquee.Pipeline;
import dev.marquee.config.Config;
import dev.marquee.engine.Table;
import dev.marquee.report.Report;
import dev.marquee.report.Section;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The outlook question on a hand-built fixture (see fixtures/outlook/README.md for the hand computations). */
class OutlookQuestionTest {

    @TempDir
    Path temp;

    private Section outlook() {
        Config config = Config.defaults().withDataDir(Fixtures.FIXTURES.resolve("outlook")).withOutDir(temp.resolve("site"))
                .withQuestionsDir(Fixtures.QUESTIONS).withAsOf(LocalDate.of(2024, 3, 31)).withMinGroupSize(2);
        Report report = new Pipeline(config, new PrintStream(new ByteArrayOutputStream())).build();
        return report.sections().stream().filter(s -> s.slug().equals("outlook")).findFirst().orElseThrow();
    }

    @Test
    void coViewing_ranksByLiftNotBySharedViewersAndHidesPairsUnderK() {
        Table pairs = outlook().answer().result("co_viewing");

        // Alpha's viewers also watched Bravo more often (4) but Charlie more beyond chance (lift 20/12 > 40/36, to 12 digits); both
        // pass the support rule (at least k = 2 shared, and 5% of Alpha's 6 viewers). Alpha and Delta share 1 viewer;
        // Bravo and Echo share 2, but 1 watched Echo without Bravo, which the lift would give: neither pair is shown.
        assertEquals(List.of(List.of("Alpha", "Charlie", 2L, 1.66666666667), List.of("Alpha", "Bravo", 4L, 1.11111111111),
                List.of("Bravo", "Alpha", 4L, 1.11111111111), List.of("Charlie", "Alpha", 2L, 1.66666666667)), pairs.rows());
    }

    @Test
    void genreAffinity_isTheLiftOfWatchingBothGenres() {
        Table genres = outlook().answer().result("genre_affinity");

        // Each pair once, the genre first in the alphabet first. Comedies and Dramas (8 together) and Comedies and
        // Documentaries (4) each leave 1 member in one genre alone: not shown, rows without figures after those shown,
        // so that Comedies keeps its place on the heatmap's axis.
        assertEquals(List.of(List.of("Documentaries", "Dramas", 3L, 0.75), java.util.Arrays.asList("Comedies", "Documentaries", null, null),
                java.util.Arrays.asList("Comedies", "Dramas", null, null)), genres.rows());
    }

    @Test
    void forecasts_withThreeMonthsOfHistory_sayNotEnoughHistoryAndDrawNoChart() throws Exception {
        Section outlook = outlook();

        Table accuracy = outlook.answer().result("forecast_accuracy");
        assertEquals(4, accuracy.rowCount());
        for (int row = 0; row < 4; row++) {
            assertEquals("no forecast", accuracy.value(row, "method"));
            assertEquals("Not enough history to forecast: 3 complete months, at least 12 are needed.", accuracy.value(row, "note"));
        }
        assertTrue(outlook.charts().stream().filter(c -> c.spec().kind() == dev.marquee.catalog.ChartKind.FORECAST)
                .allMatch(c -> c.chart().isEmpty()), "no forecast chart is drawn");
        assertTrue(outlook.answer().result("model_summary").value(0, "note").toString().startsWith("Not enough history to fit a churn model"));
        String page = Files.readString(temp.resolve("site/outlook.html"));
        assertTrue(page.contains("Not enough history to forecast"), "the page says why there is no forecast");
    }

    @Test
    void outlook_neverPublishesThePerMemberModelRows() throws Exception {
        Section outlook = outlook();

        assertFalse(outlook.answer().results().containsKey("churn_features"));
        try (var files = Files.list(temp.resolve("site/csv"))) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().contains("features")));
        }
    }
}
