package dev.marquee;

import dev.marquee.catalog.Catalog;
import dev.marquee.catalog.Question;
import dev.marquee.config.Config;
import dev.marquee.model.DataModel;
import dev.marquee.format.Tone;
import dev.marquee.report.Kpi;
import dev.marquee.report.Report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** KPI comparisons on the tiny fixture, computed by hand from its seven sessions. */
class KpiTest {

    @TempDir
    Path temp;

    private Report build(LocalDate asOf) {
        Config config = Config.defaults().withDataDir(Fixtures.TINY).withOutDir(temp.resolve("site"))
                .withQuestionsDir(WalkingSkeletonTest.SKELETON).withAsOf(asOf).withMinGroupSize(1).withMaxBadRowShare(1.0);
        return new Pipeline(config, new PrintStream(new ByteArrayOutputStream())).build();
    }

    private static Kpi watchHours(Report report) {
        return report.kpis().stream().filter(k -> k.id().equals("watch_hours")).findFirst().orElseThrow();
    }

    @Test
    void watchHours_partialMonth_whenTheDataStartsInsideThePreviousWindow_isNotComparable() {
        // As of 12 Feb 2024: Feb 1–12 has user 1's 45 min (2 Feb) and user 3's 60 min (12 Feb) = 1.75 h.
        // The data starts on 6 Jan, so Jan 1–12 is not fully covered: n/a, never a made-up change.
        Kpi kpi = watchHours(build(LocalDate.of(2024, 2, 12)));

        assertEquals(1.75, kpi.value(), 1e-9);
        assertEquals(Optional.empty(), kpi.previousMonth());
        assertEquals(Optional.empty(), kpi.yearAgo());
        assertTrue(kpi.partial());
        assertEquals("n/a", kpi.changeVsPreviousMonth());
        assertEquals("n/a", kpi.changeVsYearAgo());
        assertEquals(Tone.NOT_COMPARED, kpi.trendVsPreviousMonth());
    }

    @Test
    void watchHours_firstDayOfMonth_comparesWithTheFirstDayOfThePreviousMonth() {
        // As of 1 Mar 2024: 1 Mar has user 2's 90 min = 1.5 h; 1 Feb had no viewing (covered: data began 6 Jan) = 0 h.
        // A change from zero is not a percentage: n/a.
        Kpi kpi = watchHours(build(LocalDate.of(2024, 3, 1)));

        assertEquals(1.5, kpi.value(), 1e-9);
        assertEquals(Optional.of(0.0), kpi.previousMonth());
        assertTrue(kpi.partial());
        assertEquals("days 1–1 of the month vs the same days earlier", kpi.comparison());
        assertEquals("n/a", kpi.changeVsPreviousMonth());
        assertEquals(Tone.NOT_COMPARED, kpi.trendVsPreviousMonth(), "up from zero, but by no percentage: not coloured");
    }

    @Test
    void watchHours_wholeMonth_comparesWholeMonths() {
        // As of 29 Feb 2024 (last day): Feb = 45 + 60 + 15.5 = 120.5 min, a whole month.
        Kpi kpi = watchHours(build(LocalDate.of(2024, 2, 29)));

        assertEquals(120.5 / 60, kpi.value(), 1e-9);
        assertEquals(Optional.empty(), kpi.previousMonth(), "January is not fully covered by the data");
        assertTrue(!kpi.partial());
        assertEquals("whole month vs whole month", kpi.comparison());
    }

    @Test
    void narrative_quotesTheLastMonthFromTheResults() {
        Report report = build(LocalDate.of(2024, 3, 1));

        String narrative = report.sections().get(0).narrative();

        // Values go into the Markdown escaped, so that they are never read as Markdown: "1\.5" renders as "1.5".
        assertTrue(narrative.contains("In Mar 2024 members watched 1\\.5 hours."), narrative);
    }

    @Test
    void catalog_readsMetricsAndKpiStatement() {
        List<Question> questions = Catalog.read(WalkingSkeletonTest.SKELETON, Set.copyOf(DataModel.standard().tableNames()), DataModel.standard().memberTables());
        Question watchTime = questions.stream().filter(q -> q.slug().equals("watch-time")).findFirst().orElseThrow();

        assertEquals(Optional.of("kpis"), watchTime.kpiQuery());
        assertEquals("Watch hours", watchTime.metrics().get(0).name());
    }
}
