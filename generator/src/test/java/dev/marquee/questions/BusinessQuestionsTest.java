package dev.marquee.questions;

import dev.marquee.Fixtures;
import dev.marquee.Pipeline;
import dev.marquee.config.Config;
import dev.marquee.engine.Table;
import dev.marquee.report.Kpi;
import dev.marquee.report.Report;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every business question on the hand-built fixture in fixtures/questions (its README shows each computation),
 * as of 2024-03-31 with k = 2.
 */
class BusinessQuestionsTest {

    private static final double EPSILON = 1e-9;
    private static Report report;

    @BeforeAll
    static void build() throws Exception {
        Path out = Files.createTempDirectory("marquee-questions-");
        Config config = Config.defaults().withDataDir(Fixtures.FIXTURES.resolve("questions")).withOutDir(out.resolve("site"))
                .withQuestionsDir(Fixtures.QUESTIONS).withAsOf(LocalDate.of(2024, 3, 31)).withMinGroupSize(2);
        report = new Pipeline(config, new PrintStream(new ByteArrayOutputStream())).build();
    }

    private static Table result(String question, String statement) {
        return report.sections().stream().filter(s -> s.slug().equals(question)).findFirst().orElseThrow()
                .answer().result(statement);
    }

    /** Rows as lists, numbers compared to {@link #EPSILON}. */
    private static void assertRows(Table table, List<?>... expected) {
        assertEquals(expected.length, table.rowCount(), "rows of " + table.rows());
        for (int r = 0; r < expected.length; r++) {
            List<?> want = expected[r];
            List<Object> got = table.rows().get(r);
            assertEquals(want.size(), got.size(), "columns of row " + r + ": " + got);
            for (int c = 0; c < want.size(); c++) {
                Object w = want.get(c);
                Object g = got.get(c);
                if (w instanceof Number wn && g instanceof Number gn) {
                    assertEquals(wn.doubleValue(), gn.doubleValue(), EPSILON, "row " + r + " column " + c + ": " + got);
                } else {
                    assertEquals(w, g, "row " + r + " column " + c + ": " + got);
                }
            }
        }
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    private static Kpi kpi(String id) {
        return report.kpis().stream().filter(k -> k.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void engagement() {
        assertRows(result("watch-time", "monthly_hours"), row(LocalDate.of(2024, 1, 1), 185 / 60.0, 3L),
                row(LocalDate.of(2024, 2, 1), 2.5, 2L), row(LocalDate.of(2024, 3, 1), 140 / 60.0, 2L));
        assertRows(result("watch-time", "summary"), row(475 / 60.0, 5L, 475 / 300.0, 300 / 475.0, 5 / 7.0));
        assertRows(result("watch-time", "distribution"), row("under 5", 5L));
        assertRows(result("watch-time", "by_device"), row("TV", 4.0, 240 / 475.0, 1.0), row("Mobile", 1.25, 75 / 475.0, 0.5));
        assertRows(result("watch-time", "by_age_band"), row("25–34", 2L, (2.5 + 100 / 60.0) / 2));
        assertRows(result("watch-time", "recency"), row("31–60 days", 2L));
        assertRows(result("watch-time", "completion_by_type"), row("Movie", 0.75, 4L), row("TV Show", 2 / 3.0, 3L));
        Kpi hours = kpi("watch_hours");
        assertEquals(140 / 60.0, hours.value(), EPSILON);
        assertEquals(Optional.of(2.5), hours.previousMonth());
        assertEquals(Optional.empty(), hours.yearAgo());
    }

    @Test
    void churnAndRetention() {
        assertRows(result("churn", "by_region"), row("North America", 2L, 0L, 0.0));
        assertRows(result("churn", "by_country"), row("Other", 3L, 1L, 1 / 3.0));
        assertRows(result("churn", "monthly_by_region"), row(LocalDate.of(2024, 2, 1), "North America", 3L, 1L, 1 / 3.0),
                row(LocalDate.of(2024, 3, 1), "North America", 2L, 0L, 0.0));
        assertRows(result("churn", "at_risk"), row("North America", 5L, 4L, 0.8));
        assertRows(result("churn", "retention_curve"), row(0L, 6L, 1.0), row(1L, 4L, 1.0), row(2L, 4L, 0.75));
        assertRows(result("churn", "cohorts"), row(LocalDate.of(2024, 1, 1), 4L, 1.0, null, null, null),
                row(LocalDate.of(2024, 3, 1), 2L, null, null, null, null));
        Kpi active = kpi("active_members");
        assertEquals(5, active.value(), EPSILON);
        assertEquals(Optional.of(3.0), active.previousMonth());
        assertEquals("+66.7%", active.changeVsPreviousMonth());
        Kpi churn = kpi("churn_rate");
        assertEquals(1 / 3.0, churn.value(), EPSILON);
        assertEquals(0.25, churn.previousMonth().orElseThrow(), EPSILON);
        assertEquals("+8.33 pts", churn.changeVsPreviousMonth());
        assertEquals(-1, churn.directionVsPreviousMonth(), "more churn is bad news");
        assertEquals("n/a", churn.changeVsYearAgo());
    }

    @Test
    void signups() {
        assertRows(result("signups", "monthly"), row(LocalDate.of(2024, 1, 1), 4L, 4L), row(LocalDate.of(2024, 2, 1), 0L, 4L),
                row(LocalDate.of(2024, 3, 1), 2L, 6L));
        assertRows(result("signups", "subscribers"), row(LocalDate.of(2024, 1, 1), 4L, null),
                row(LocalDate.of(2024, 2, 1), 3L, -0.25), row(LocalDate.of(2024, 3, 1), 5L, 2 / 3.0));
        assertEquals(0, result("signups", "seasonality").rowCount(), "no complete calendar year");
        Kpi signups = kpi("new_signups");
        assertEquals(2, signups.value(), EPSILON);
        assertEquals(Optional.of(0.0), signups.previousMonth());
        assertEquals("n/a", signups.changeVsPreviousMonth(), "a change from zero is not a percentage");
    }

    @Test
    void revenue() {
        assertRows(result("revenue", "monthly"), row(LocalDate.of(2024, 1, 1), 62.96, 4L, 62.96 / 4),
                row(LocalDate.of(2024, 2, 1), 47.47, 3L, 47.47 / 3), row(LocalDate.of(2024, 3, 1), 65.45, 5L, 13.09));
        assertRows(result("revenue", "collected"), row(LocalDate.of(2024, 1, 1), 24.48, 0L),
                row(LocalDate.of(2024, 2, 1), 8.99, 0L), row(LocalDate.of(2024, 3, 1), 0.0, 1L));
        assertRows(result("revenue", "by_plan"), row("Basic", 26.97, 3L, 8.99));
        assertRows(result("revenue", "by_country"), row("United States", 33.47, 3L, 33.47 / 3), row("Canada", 31.98, 2L, 15.99));
        Kpi mrr = kpi("mrr");
        assertEquals(65.45, mrr.value(), EPSILON);
        assertEquals("+37.9%", mrr.changeVsPreviousMonth());
        assertEquals("$65.45", mrr.valueText());
    }

    @Test
    void genreRatings() {
        assertEquals(0, result("genre-ratings", "by_genre").rowCount(), "no genre has the 30 ratings needed to be ranked");
        assertRows(result("genre-ratings", "distribution"), row("1 stars", 1L, 0.25), row("4 stars", 2L, 0.5), row("5 stars", 1L, 0.25));
        Kpi rating = kpi("average_rating");
        assertEquals(1.0, rating.value(), EPSILON);
        assertEquals(Optional.of(4.0), rating.previousMonth());
    }

    @Test
    void plansDevicesAndTitles() {
        assertRows(result("plans-devices", "plan_mix"), row("United States", "Basic", 2L, 2 / 3.0));
        assertEquals(0, result("plans-devices", "device_mix").rowCount(), "every country-device cell has one member");
        assertRows(result("top-titles", "by_hours"), row("Alpha", "Movie", 260 / 60.0, 3L), row("Bravo", "TV Show", 125 / 60.0, 3L));
        assertEquals(0, result("top-titles", "by_completion").rowCount(), "no title has 50 viewers");
        assertRows(result("top-titles", "by_type"), row("Movie", 2L, 350 / 60.0, 350 / 475.0, 0.75),
                row("TV Show", 1L, 125 / 60.0, 125 / 475.0, 2 / 3.0));
        assertRows(result("catalogue", "by_type"), row("Movie", 2L), row("TV Show", 1L));
        assertRows(result("catalogue", "by_maturity"), row("R", 1L), row("TV-14", 1L), row("TV-MA", 1L));
    }

    @Test
    void noOutputNamesAMember() {
        for (var section : report.sections()) {
            for (var entry : section.answer().results().entrySet()) {
                assertTrue(entry.getValue().columnNames().stream().noneMatch(c -> c.equals("user_id")),
                        section.slug() + "." + entry.getKey() + " publishes member ids");
            }
        }
    }
}
