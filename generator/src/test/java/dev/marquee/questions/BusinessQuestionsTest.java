package dev.marquee.questions;

import dev.marquee.Fixtures;
import dev.marquee.Pipeline;
import dev.marquee.config.Config;
import dev.marquee.engine.Table;
import dev.marquee.privacy.Disclosure;
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
    /**
     * The same data at k = 1, where no group is too small and nothing is merged or rounded: the sums of prices exactly as
     * the statements add them up. At k = 2 the fixture's prices (8.99 to 22.99, a spread of 14.00) give a step of $50,
     * the first round amount at or above 2 × 14.00 (see PriceStep).
     */
    private static Report exact;

    @BeforeAll
    static void build() throws Exception {
        report = build(2);
        exact = build(1);
    }

    private static Report build(int k) throws java.io.IOException {
        Path out = Fixtures.scratch("marquee-questions-");
        Config config = Config.defaults().withDataDir(Fixtures.FIXTURES.resolve("questions")).withOutDir(out.resolve("site"))
                .withQuestionsDir(Fixtures.QUESTIONS).withAsOf(LocalDate.of(2024, 3, 31)).withMinGroupSize(k);
        return new Pipeline(config, new PrintStream(new ByteArrayOutputStream())).build();
    }

    private static Table result(String question, String statement) {
        return result(report, question, statement);
    }

    private static Table result(Report from, String question, String statement) {
        return from.sections().stream().filter(s -> s.slug().equals(question)).findFirst().orElseThrow()
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
    void watchTime_monthlyHours() {
        assertRows(result("watch-time", "monthly_hours"), row(LocalDate.of(2024, 1, 1), 185 / 60.0, 3L),
                row(LocalDate.of(2024, 2, 1), 2.5, 2L), row(LocalDate.of(2024, 3, 1), 140 / 60.0, 2L));
    }

    @Test
    void watchTime_summary() {
        assertRows(result("watch-time", "summary"), row(475 / 60.0, 5L, 475 / 300.0, 300 / 475.0, 5 / 7.0));
    }

    @Test
    void watchTime_distribution() {
        // Member 6 never watched: "none" is a group of 1, and all members (6, published as signups) minus the 5 who
        // watched would reveal it, so "under 5" is hidden too.
        assertRows(result("watch-time", "distribution"), row("event files", "none", null), row("event files", "under 5", null));
    }

    @Test
    void watchTime_byDevice() {
        // Laptop and Tablet have one viewer each; viewers overlap between devices, so together they are only known to
        // hold one: Mobile (2, the later of two at 2) joins them. Other: 100 + 60 + 75 minutes, its viewers unknown.
        assertRows(result("watch-time", "by_device"), row("TV", 4.0, 240 / 475.0, 1.0, 2L),
                row(Disclosure.OTHER, 235 / 60.0, 235 / 475.0, null, null));
    }

    @Test
    void watchTime_byAgeBand() {
        // 25–34 (2 viewers) is the one band over k, but Members hides it (its other bands, one member each, would follow
        // from the total of 6), and the same band is hidden alike wherever it is published.
        assertRows(result("watch-time", "by_age_band"), row("event files", "<18", null, null), row("event files", "25–34", null, null),
                row("event files", "35–44", null, null), row("event files", "65+", null, null), row("event files", "unknown", null, null));
    }

    @Test
    void watchTime_recency() {
        assertRows(result("watch-time", "recency"), row("event files", "0–6 days", null, "viewing"), row("event files", "15–30 days", null, "viewing"),
                row("event files", "31–60 days", 2L, "viewing"), row("event files", "61+ days", null, "viewing"), row("event files", "never watched", null, "viewing"));
    }

    @Test
    void watchTime_heavyWatchers_memberLevelFilesOnly() {
        // The event files' heavy watchers are summary's heavy share (the top quarter of the 5 viewers is members 1 and
        // 3, 2.5 hours each, 300 of 475 minutes); this result is the member-level files', and the fixture has none.
        assertRows(result("watch-time", "heavy_watchers"));
    }

    @Test
    void watchTime_completionByType() {
        assertRows(result("watch-time", "completion_by_type"), row("Movie", 0.75, 4L, 3L), row("TV Show", 2 / 3.0, 3L, 3L));
    }

    /**
     * As of 1 Mar 2024 the watch-hours KPI compares 1 Mar (no session) with 1 Feb: member 1's 50 minutes. Member 5's 100
     * minutes on 2 Feb are outside the window; counted, the previous month would be 2.5 hours. (The rows after 1 March
     * are set aside as later than the as-of date.)
     */
    @Test
    void kpi_watchHours_midMonth_comparesTheSameDaysOfThePreviousMonth() throws Exception {
        Path out = Fixtures.scratch("marquee-questions-mid-month-");
        Config config = Config.defaults().withDataDir(Fixtures.FIXTURES.resolve("questions")).withOutDir(out.resolve("site"))
                .withQuestionsDir(Fixtures.QUESTIONS).withAsOf(LocalDate.of(2024, 3, 1)).withMinGroupSize(1)
                .withMaxBadRowShare(1.0);
        Report early = new Pipeline(config, new PrintStream(new ByteArrayOutputStream())).build();
        Kpi hours = early.kpis().stream().filter(k -> k.id().equals("watch_hours")).findFirst().orElseThrow();

        assertEquals(0.0, hours.value(), EPSILON);
        assertEquals(50 / 60.0, hours.previousMonth().orElseThrow(), EPSILON);
        assertEquals(Optional.empty(), hours.yearAgo(), "March 2023 is before the data");
        assertTrue(hours.partial());
    }

    @Test
    void kpi_watchHours() {
        Kpi hours = kpi("watch_hours");
        assertEquals(140 / 60.0, hours.value(), EPSILON);
        assertEquals(Optional.of(2.5), hours.previousMonth());
        assertEquals(Optional.empty(), hours.yearAgo());
    }

    @Test
    void churn_byRegion() {
        // March: North America 2 active, 0 churned; Europe 1 active, 1 churned. Europe is small; what is merged must
        // reach k, so North America joins: Other 3 active, whose 1 churner is still a group of 1 and is not shown.
        // A merged row has no 95% interval.
        assertRows(result("churn", "by_region"), row(Disclosure.OTHER, 3L, null, null, null, null));
    }

    @Test
    void churn_byCountry() {
        assertRows(result("churn", "by_country"), row(Disclosure.OTHER, 3L, null, null, null, null));
    }

    @Test
    void churn_monthlyByRegion() {
        // February: Europe has 1 member, North America 1 churner of 3; March: Europe 1 member (who churned), so North
        // America (2) is hidden with it. No region-month can be shown.
        assertRows(result("churn", "monthly_by_region"), row(LocalDate.of(2024, 2, 1), "Europe", null, null, null),
                row(LocalDate.of(2024, 2, 1), "North America", null, null, null),
                row(LocalDate.of(2024, 3, 1), "Europe", null, null, null),
                row(LocalDate.of(2024, 3, 1), "North America", null, null, null));
    }

    @Test
    void churn_atRisk() {
        // 4 of North America's 5 are at risk: the 1 who is not would be a group of 1.
        assertRows(result("churn", "at_risk"), row(Disclosure.OTHER, 5L, null, null));
    }

    @Test
    void churn_retentionCurve() {
        // Two months after signup, 3 of 4 are still subscribed: the 1 who is not is a group of 1. The members who reached
        // 0 and 1 months are the signups' running totals of March and February, which the signups hide (see above): two
        // of them less the signups shown between would give a hidden month back.
        assertRows(result("churn", "retention_curve"), row(0L, null, null, null), row(1L, null, null, null), row(2L, null, null, null));
    }

    @Test
    void churn_cohorts() {
        // Only ages the whole cohort has reached by 31 March: January's 4 members are all subscribed a month on; the
        // March cohort has reached no age yet and has no row.
        assertRows(result("churn", "cohorts"), row(LocalDate.of(2024, 1, 1), "1 month", 4L, 4L, 1.0));
    }

    @Test
    void kpi_activeMembers() {
        Kpi active = kpi("active_members");
        assertEquals(5, active.value(), EPSILON);
        assertEquals(Optional.of(3.0), active.previousMonth());
        assertEquals("+66.7%", active.changeVsPreviousMonth());
    }

    @Test
    void kpi_churnRate() {
        // 1 churner of 3 in March and 1 of 4 in February: each a group of 1, so neither rate is shown.
        Kpi churn = kpi("churn_rate");
        assertTrue(Double.isNaN(churn.value()));
        assertEquals(Optional.empty(), churn.previousMonth());
        assertEquals("n/a", churn.changeVsPreviousMonth());
        assertTrue(churn.comparison().endsWith("; not shown where it would describe fewer than 2 members"), churn.comparison());
    }

    @Test
    void signups_monthly() {
        // February's churn by region hides both regions (1 churner of 4), but January's 4 and February's 3 subscribers
        // and its 0 signups would give that 1 back (the flows between months): February's signups are hidden with them;
        // a hidden run under k takes its neighbour (March's 2), and from them on the running total would give them back.
        assertRows(result("signups", "monthly"), row("event files", LocalDate.of(2024, 1, 1), 4L, 4L), row("event files", LocalDate.of(2024, 2, 1), null, null),
                row("event files", LocalDate.of(2024, 3, 1), null, null));
    }

    @Test
    void signups_span() {
        // 4 in January, 2 in March, the as-of month: 6 from Jan to Mar 2024. The event files count every signup.
        assertRows(result("signups", "span"), row("event files", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 1), 6L, null));
    }

    @Test
    void signups_busiestMonth_beforeTheAsOfMonth() {
        // January's 4 signups beat February's 0; March, the as-of month, is left out.
        assertRows(result("signups", "busiest_month"), row("event files", LocalDate.of(2024, 1, 1), 4L));
    }

    @Test
    void signups_subscribers() {
        assertRows(result("signups", "subscribers"), row(LocalDate.of(2024, 1, 1), 4L, null),
                row(LocalDate.of(2024, 2, 1), 3L, -0.25), row(LocalDate.of(2024, 3, 1), 5L, 2 / 3.0));
    }

    @Test
    void signups_seasonality() {
        assertEquals(0, result("signups", "seasonality").rowCount(), "no complete calendar year");
    }

    @Test
    void kpi_newSignups() {
        // March's 2 and February's 0, which the monthly signups hide against the flows between months (see
        // signups_monthly): the KPI shows neither, and says why.
        Kpi signups = kpi("new_signups");
        assertTrue(Double.isNaN(signups.value()), "value: " + signups.value());
        assertEquals(Optional.empty(), signups.previousMonth());
        assertTrue(signups.comparison().contains("not shown: its month's table hides it"), signups.comparison());
    }

    @Test
    void revenue_monthly() {
        assertRows(result(exact, "revenue", "monthly"), row(LocalDate.of(2024, 1, 1), 62.96, 4L, 62.96 / 4),
                row(LocalDate.of(2024, 2, 1), 47.47, 3L, 47.47 / 3), row(LocalDate.of(2024, 3, 1), 65.45, 5L, 13.09));
        // Rounded to the $50 step: 62.96, 47.47 and 65.45 are each nearest to 50. Under ten steps ($500), the rounding
        // could move an ARPU by more than 5%: none is shown.
        assertRows(result("revenue", "monthly"), row(LocalDate.of(2024, 1, 1), 50.0, 4L, null),
                row(LocalDate.of(2024, 2, 1), 50.0, 3L, null), row(LocalDate.of(2024, 3, 1), 50.0, 5L, null));
    }

    @Test
    void revenue_collected() {
        // February and March have one payer each; payers overlap between months, so January (2) is hidden with them.
        assertRows(result("revenue", "collected"), row(LocalDate.of(2024, 1, 1), null, null, null, null),
                row(LocalDate.of(2024, 2, 1), null, null, null, null), row(LocalDate.of(2024, 3, 1), null, null, null, null));
        // At k = 1: January's payments p1 (8.99) and p4 (15.49) from two payers; February's p2 (8.99); March's p3 failed,
        // so it collects nothing and has one payer with a failure.
        assertRows(result(exact, "revenue", "collected"), row(LocalDate.of(2024, 1, 1), 24.48, 0L, 2L, 0L),
                row(LocalDate.of(2024, 2, 1), 8.99, 0L, 1L, 0L), row(LocalDate.of(2024, 3, 1), 0.0, 1L, 1L, 1L));
    }

    @Test
    void revenue_byPlan() {
        // At k = 1: Basic's three members at 8.99, Premium's one at 22.99, Standard's one at 15.49.
        assertRows(result(exact, "revenue", "by_plan"), row("event files", "Basic", 26.97, 3L, 8.99),
                row("event files", "Premium", 22.99, 1L, 22.99), row("event files", "Standard", 15.49, 1L, 15.49));
        // Basic is sold at 8.99 alone (every subscription of it): its 26.97 from 3 members is 3 × 8.99, which a reader
        // works out anyway, so it is shown as it is, with its ARPU. Premium (22.99) and Standard (15.49) have one member
        // each: together 38.48 from 2, merged before rounding, then rounded to the $50 step: 50, no ARPU under $500.
        assertRows(result("revenue", "by_plan"), row("event files", "Basic", 26.97, 3L, 8.99), row("event files", Disclosure.OTHER, 50.0, 2L, null));
    }

    @Test
    void revenue_topPlan() {
        // Basic's three members bring 3 × 8.99 = 26.97, more than Premium's one (22.99) or Standard's one (15.49).
        assertRows(result(exact, "revenue", "top_plan"), row("event files", "Basic", 26.97, 3L));
        // At k = 2 all three round to 50 (a sum above zero is at least one step): tied as published, none is named.
        assertRows(result("revenue", "top_plan"));
    }

    @Test
    void revenue_byCountry() {
        assertRows(result(exact, "revenue", "by_country"), row("event files", "United States", 33.47, 3L, 33.47 / 3),
                row("event files", "Canada", 31.98, 2L, 15.99));
        // Both round to 50: tied as published, they are in the order of their names, which tells nothing of the exact sums.
        assertRows(result("revenue", "by_country"), row("event files", "Canada", 50.0, 2L, null), row("event files", "United States", 50.0, 3L, null));
    }

    @Test
    void kpi_mrr() {
        Kpi mrr = exact.kpis().stream().filter(k -> k.id().equals("mrr")).findFirst().orElseThrow();
        assertEquals(65.45, mrr.value(), EPSILON);
        assertEquals("+37.9%", mrr.changeVsPreviousMonth());
        assertEquals("$65.45", mrr.valueText());
        // Rounded: 65.45 and February's 47.47 both to 50, whose sums (any under 75) could make any change: not shown.
        Kpi rounded = kpi("mrr");
        assertEquals(50.0, rounded.value(), EPSILON);
        assertEquals(Optional.empty(), rounded.previousMonth());
        assertTrue(rounded.comparison().contains(dev.marquee.privacy.PriceRounding.KPI_COARSE), rounded.comparison());
    }

    @Test
    void genreRatings_byGenre() {
        assertEquals(0, result("genre-ratings", "by_genre").rowCount(), "no genre has the 30 ratings needed to be ranked");
    }

    @Test
    void genreRatings_distribution() {
        // 1 star and 5 stars come from one member each; raters overlap, so 4 stars (2 raters) is hidden with them.
        assertRows(result("genre-ratings", "distribution"), row("1 star", null, null, null), row("4 stars", null, null, null),
                row("5 stars", null, null, null));
    }

    @Test
    void kpi_averageRating() {
        // March's and February's ratings each come from one member.
        Kpi rating = kpi("average_rating");
        assertTrue(Double.isNaN(rating.value()));
        assertEquals(Optional.empty(), rating.previousMonth());
    }

    @Test
    void plansDevices_planMix() {
        // Canada: Basic 1, Premium 1 (hidden, 2 together); United States: Basic 2, Standard 1, so Basic is hidden with
        // Standard. Each country shows its plans together as Other, 100% of its members; the larger country first.
        assertRows(result("plans-devices", "plan_mix"), row("event files", "United States", Disclosure.OTHER, 3L, 1.0),
                row("event files", "Canada", Disclosure.OTHER, 2L, 1.0));
    }

    @Test
    void plansDevices_deviceMix() {
        // Every country's largest device has one viewer: all three countries merge; there Mobile has 2 viewers (members
        // 2 and 4), TV 2 (1 and 3), Tablet and Laptop 1: Tablet, Laptop and Mobile (the first by name of the two at 2)
        // are Other.
        assertRows(result("plans-devices", "device_mix"), row(Disclosure.OTHER, "TV", 240 / 60.0, 240 / 475.0, 2L),
                row(Disclosure.OTHER, Disclosure.OTHER, 235 / 60.0, 235 / 475.0, null));
    }

    @Test
    void topTitles_byHours() {
        assertRows(result("top-titles", "by_hours"), row("Alpha", "Movie", 260 / 60.0, 3L), row("Bravo", "TV Show", 125 / 60.0, 3L));
    }

    @Test
    void topTitles_byCompletion() {
        assertEquals(0, result("top-titles", "by_completion").rowCount(), "no title has 50 viewers");
    }

    @Test
    void topTitles_byType() {
        assertRows(result("top-titles", "by_type"), row("Movie", 2L, 350 / 60.0, 350 / 475.0, 0.75, 3L),
                row("TV Show", 1L, 125 / 60.0, 125 / 475.0, 2 / 3.0, 3L));
    }

    @Test
    void catalogue_byType() {
        assertRows(result("catalogue", "by_type"), row("Movie", 2L), row("TV Show", 1L));
    }

    @Test
    void catalogue_byMaturity() {
        assertRows(result("catalogue", "by_maturity"), row("R", 1L), row("TV-14", 1L), row("TV-MA", 1L));
    }

    @Test
    void catalogue_topRating_theFirstOfATie() {
        // One title each: the first by name.
        assertRows(result("catalogue", "top_rating"), row("R", 1L));
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
