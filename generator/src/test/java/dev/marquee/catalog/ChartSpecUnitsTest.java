package dev.marquee.catalog;

import dev.marquee.format.Grain;
import dev.marquee.format.NumberStyle;
import dev.marquee.format.Unit;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A column's unit, and a date column's grain, is what the question declares; the column's name never decides it (issue #19). */
class ChartSpecUnitsTest {

    private static ChartSpec givenAChart(Unit unit, List<String> y, Map<String, Unit> units) {
        return new ChartSpec("by-plan", "by_plan", ChartKind.BAR, "By plan", "plan", y, Optional.empty(), "Plan", "Members",
                unit, false, "", Optional.empty(), 1, List.of(), "", Optional.empty(), units, Map.of());
    }

    private static ChartSpec givenAChartWithGrains(Map<String, Grain> grains) {
        return new ChartSpec("by-month", "by_month", ChartKind.LINE, "By month", "month", List.of("members"), Optional.empty(),
                "Month", "Members", Unit.MEMBERS, false, "", Optional.empty(), 1, List.of(), "", Optional.empty(), Map.of(), grains);
    }

    @Test
    void unitOf_aDeclaredColumn_takesItsDeclaredUnit_evenAYColumn() {
        ChartSpec chart = givenAChart(Unit.MEMBERS, List.of("members"), Map.of("mrr", Unit.USD, "members", Unit.COUNT));

        assertEquals(Unit.USD, chart.unitOf("mrr"));
        assertEquals(Unit.COUNT, chart.unitOf("members"), "units: wins over the chart's unit");
    }

    @Test
    void unitOf_aYColumn_takesTheChartsUnit() {
        ChartSpec chart = givenAChart(Unit.PERCENT, List.of("churn_rate", "at_risk"), Map.of());

        assertEquals(Unit.PERCENT, chart.unitOf("churn_rate"));
        assertEquals(Unit.PERCENT, chart.unitOf("at_risk"));
    }

    @Test
    void unitOf_anUndeclaredColumn_isACountWhateverItsName() {
        ChartSpec chart = givenAChart(Unit.MEMBERS, List.of("members"), Map.of());

        for (String column : List.of("churn_rate", "share", "share_of_hours", "arpu", "mrr", "watch_hours", "release_year",
                "decade", "average_score", "low_95", "odds_ratio", "auc", "plan")) {
            assertEquals(Unit.COUNT, chart.unitOf(column), column);
        }
    }

    @Test
    void unitOf_aColumnDeclaredWithANoun_countsThatNoun() {
        ChartSpec chart = givenAChart(Unit.of("count sessions"), List.of("sessions_started"),
                Map.of("viewers", Unit.of("whole viewers")));

        assertEquals(new Unit(NumberStyle.COUNT, Optional.of(new Unit.Noun("session", "sessions"))), chart.unitOf("sessions_started"));
        assertEquals(new Unit(NumberStyle.WHOLE, Optional.of(new Unit.Noun("viewer", "viewers"))), chart.unitOf("viewers"));
    }

    /** A table cell is the number; the column's header and the chart's axis name what it counts. */
    @Test
    void cellText_aColumnDeclaredWithANoun_isTheNumberInItsStyle() {
        ChartSpec chart = givenAChart(Unit.of("count sessions"), List.of("sessions_started"),
                Map.of("viewers", Unit.of("whole viewers")));

        assertEquals("1,234", chart.cellText(1234L, "sessions_started"));
        assertEquals("2.5", chart.cellText(2.5, "sessions_started"), "a count keeps a fraction's decimal, as count does");
        assertEquals("4,154", chart.cellText(4153.9, "viewers"), "a whole count is rounded, as members are");
    }

    @Test
    void cellText_aDateColumnDeclaredMonth_showsTheMonth() {
        ChartSpec chart = givenAChartWithGrains(Map.of("cohort", Grain.MONTH));

        assertEquals("Jan 2024", chart.cellText(LocalDate.of(2024, 1, 1), "cohort"));
    }

    @Test
    void cellText_aDateColumnDeclaredDay_showsTheFirstOfAMonthAsADay() {
        ChartSpec chart = givenAChartWithGrains(Map.of("period_start", Grain.DAY));

        assertEquals("1 Jan 2024", chart.cellText(LocalDate.of(2024, 1, 1), "period_start"));
        assertEquals("5 Jan 2024", chart.cellText(LocalDate.of(2024, 1, 5), "period_start"));
    }

    @Test
    void cellText_aColumnNamedMonthDeclaredDay_showsADay() {
        ChartSpec chart = givenAChartWithGrains(Map.of("month", Grain.DAY, "cohort", Grain.DAY));

        assertEquals("1 Mar 2024", chart.cellText(LocalDate.of(2024, 3, 1), "month"), "the name 'month' decides nothing");
        assertEquals("1 Mar 2024", chart.cellText(LocalDate.of(2024, 3, 1), "cohort"), "nor does 'cohort'");
    }

    /** Without a declared grain the value decides: a first of the month is that month, another day the day. */
    @Test
    void cellText_anUndeclaredDateColumn_isItsMonthOnTheFirstElseItsDay_whateverItsName() {
        ChartSpec chart = givenAChartWithGrains(Map.of());

        assertEquals("Jan 2024", chart.cellText(LocalDate.of(2024, 1, 1), "period_start"));
        assertEquals("30 Jun 2025", chart.cellText(LocalDate.of(2025, 6, 30), "period_end"));
        assertEquals("5 Jan 2024", chart.cellText(LocalDate.of(2024, 1, 5), "month"), "not a month because of its name");
        assertEquals(Optional.empty(), chart.grainOf("month"));
    }

    /**
     * The sample's revenue, rounded to $200, read "$56,000.00", and its forecast "$58,720.73": cents the figures do not
     * have. A money column whose every value is whole is written in whole dollars; one with cents keeps them all.
     */
    @Test
    void inWholeDollars_aMoneyColumnOfWholeValues_losesItsCents_aColumnWithCentsKeepsThem() {
        ChartSpec chart = givenAChart(Unit.USD, List.of("mrr"), Map.of("arpu", Unit.USD, "members", Unit.MEMBERS));
        dev.marquee.engine.Table data = table(List.of("plan", "mrr", "arpu", "members"),
                List.of("Basic", 56000.0, 16.38, 3419L), List.of("Premium", new java.math.BigDecimal("1200.00"), 17.0, 70L),
                java.util.Arrays.asList("Other", null, null, 12L));

        ChartSpec shown = chart.inWholeDollars(data);

        assertEquals(Unit.DOLLARS, shown.unitOf("mrr"));
        assertEquals(Unit.USD, shown.unitOf("arpu"), "16.38 has cents, so 17.00 keeps them too: a column is written one way");
        assertEquals(Unit.MEMBERS, shown.unitOf("members"));
        assertEquals("$56,000", shown.cellText(56000.0, "mrr"));
        assertEquals("$17.00", shown.cellText(17.0, "arpu"));
    }

    @Test
    void inWholeDollars_aColumnWithACentOrWithNoValue_isLeftAsDeclared() {
        ChartSpec chart = givenAChart(Unit.USD, List.of("mrr"), Map.of());

        assertEquals(Unit.USD, chart.inWholeDollars(table(List.of("plan", "mrr"), List.of("Basic", 56000.0), List.of("Premium", 17144.47)))
                .unitOf("mrr"));
        assertEquals(Unit.USD, chart.inWholeDollars(table(List.of("plan", "mrr"), java.util.Arrays.asList("Basic", null))).unitOf("mrr"));
        assertEquals(Unit.USD, chart.inWholeDollars(table(List.of("plan"), List.of("Basic"))).unitOf("mrr"), "no such column");
    }

    /** A forecast of rounded revenue is no more precise than the revenue: its columns follow the actual values. */
    @Test
    void inWholeDollars_aForecast_followsItsActualValues() {
        ChartSpec forecast = new ChartSpec("mrr-forecast", "forecast_monthly_mrr", ChartKind.FORECAST, "MRR", "month",
                List.of("actual", "forecast"), Optional.empty(), "Month", "MRR", Unit.USD, false, "", Optional.empty(), 1, List.of(),
                "", Optional.empty(), Map.of("low80", Unit.USD, "high80", Unit.USD), Map.of());
        List<String> columns = List.of("month", "actual", "forecast", "low80", "high80");

        ChartSpec rounded = forecast.inWholeDollars(table(columns, java.util.Arrays.asList(LocalDate.of(2024, 12, 1), 56000.0, null, null, null),
                java.util.Arrays.asList(LocalDate.of(2025, 1, 1), null, 58720.73, 58088.41, 59353.04)));
        ChartSpec exact = forecast.inWholeDollars(table(columns, java.util.Arrays.asList(LocalDate.of(2024, 12, 1), 56012.5, null, null, null),
                java.util.Arrays.asList(LocalDate.of(2025, 1, 1), null, 58720.73, 58088.41, 59353.04)));

        assertEquals("$58,721", rounded.cellText(58720.73, "forecast"));
        assertEquals("$58,088", rounded.cellText(58088.41, "low80"));
        assertEquals("$58,720.73", exact.cellText(58720.73, "forecast"));
        assertEquals("$58,088.41", exact.cellText(58088.41, "low80"));
    }

    private static dev.marquee.engine.Table table(List<String> names, List<?>... rows) {
        List<dev.marquee.engine.Column> columns = names.stream().map(n -> new dev.marquee.engine.Column(n,
                n.equals("month") ? dev.marquee.engine.ColumnType.DATE : n.equals("plan") ? dev.marquee.engine.ColumnType.TEXT
                        : dev.marquee.engine.ColumnType.DECIMAL)).toList();
        return new dev.marquee.engine.Table(columns, java.util.Arrays.stream(rows).map(r -> (List<Object>) new java.util.ArrayList<Object>(r)).toList());
    }
}
