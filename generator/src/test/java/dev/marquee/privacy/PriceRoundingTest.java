package dev.marquee.privacy;

import dev.marquee.catalog.GroupSpec;
import dev.marquee.engine.Column;
import dev.marquee.engine.ColumnType;
import dev.marquee.engine.Table;
import dev.marquee.query.PriceStep;
import dev.marquee.query.PriceSteps;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sums of prices as published, with the step of the sample's prices (8.99 to 24.99, k = 10: $200), every expectation
 * worked out by hand in the comments. Rows are plan, mrr, members, arpu, lowest_price, highest_price.
 */
class PriceRoundingTest {

    private static final int K = 10;
    private static final PriceStep STEP = PriceStep.of(new BigDecimal("8.99"), new BigDecimal("24.99"), K);
    private static final PriceSteps STEPS = PriceSteps.ofEvents(STEP);

    @Test
    void aSumOfPrices_isRounded_andItsAverageComputedFromTheRoundedSum() {
        // Standard: 23,895.49 from 1,401 members at 15.49 to 17.49 rounds to 23,800; ARPU 23,800 / 1,401. The sums that
        // round to it, 23,700 to 23,900, all lie within what 1,401 members bring (21,701.49 to 24,503.49).
        // Basic: 267.73 from 27 (2 at 8.99, 25 at 9.99) rounds to 200; what rounds to 200 (above 0, under 300) holds
        // 242.73 to 269.73, all 27 members' splits; under ten steps ($2,000) no ARPU.
        Table rounded = round(row("Standard", 23895.49, 1401L, 17.0560242684, 15.49, 17.49), row("Basic", 267.73, 27L, 9.9159259259, 8.99, 9.99));
        assertEquals(List.of("plan", "mrr", "members", "arpu"), rounded.columnNames(), "the lowest and highest prices are not published");
        assertEquals(23800.0, rounded.value(0, "mrr"));
        assertEquals(23800.0 / 1401, (Double) rounded.value(0, "arpu"), 1e-9);
        assertEquals(200.0, rounded.value(1, "mrr"));
        assertNull(rounded.value(1, "arpu"));
        assertEquals(27L, rounded.value(1, "members"), "members are not prices");
    }

    @Test
    void aRowWhoseMembersAllPayTheSame_isTreatedAsAnyOther_unlessItsPlansAreSoldAtOnePrice() {
        // 63 members on a plan sold at 15.49 and 17.49, all paying 17.49: 1,101.87 rounds to 1,200, and what rounds to
        // 1,200 (1,100 to 1,300) shares 1,100 to 1,101.87 with what they could bring: not shown. That all pay one
        // price is not what decides, only the plan's prices and the figure.
        Table rounded = round(row("Canada", 1101.87, 63L, 17.49, 15.49, 17.49));
        assertNull(rounded.value(0, "mrr"));
        assertNull(rounded.value(0, "arpu"));
        // A plan sold at 17.99 alone: 953 members bring 953 × 17.99 = 17,144.47, which a reader works out from the
        // members and the price; shown as it is, with its ARPU, the price.
        Table onePrice = round(row("Premium", 17144.47, 953L, 17.99, 17.99, 17.99));
        assertEquals(17144.47, onePrice.value(0, "mrr"));
        assertEquals(17.99, onePrice.value(0, "arpu"));
    }

    /**
     * A slice's Premium, sold at 22.99 and 24.99: 80 members bring 1,957.60 (an ARPU of 24.47), shown as 2,000, and
     * 2,000 / 80 is 25.00, more than any of them pays; not shown, where the sum is. Its Standard, 1,999.73 from 123
     * members, is shown as 2,000 with an ARPU of 16.26, between its prices (15.49 and 17.49).
     */
    @Test
    void anAverageOutsideThePricesOfTheRowsPlans_isNotShown() {
        Table rounded = round(row("Premium", 1957.60, 80L, 24.47, 22.99, 24.99), row("Standard", 1999.73, 123L, 16.2579674797, 15.49, 17.49));

        assertEquals(2000.0, rounded.value(0, "mrr"));
        assertNull(rounded.value(0, "arpu"));
        assertEquals(2000.0, rounded.value(1, "mrr"));
        assertEquals(2000.0 / 123, (Double) rounded.value(1, "arpu"), 1e-9);
    }

    @Test
    void aSumWhoseRoundingWouldTellHowManyPayOnePrice_isNotShown() {
        // Standard's 166 members at 15.49 or 17.49, one at 15.49: 2,901.34, which rounds to 3,000. What rounds to 3,000
        // (2,900 to 3,100) shares 2,900 to 2,903.34 with what 166 members could bring (up to 166 × 17.49): one member at
        // most could pay 15.49, so the figure would say 0 or 1. Not shown, nor its ARPU.
        // Spain's 63 members, one at 15.49: 1,099.87 rounds to 1,000, and 900 to 1,100 shares 975.87 to 1,100 with what
        // they could bring: 62 splits, shown.
        // The hidden row goes last: before Spain, its place would say its sum rounds to more.
        Table rounded = round(row("Standard", 2901.34, 166L, 17.48, 15.49, 17.49), row("Spain", 1099.87, 63L, 17.46, 15.49, 17.49));
        assertEquals("Spain", rounded.value(0, "plan"));
        assertEquals(1000.0, rounded.value(0, "mrr"));
        assertEquals("Standard", rounded.value(1, "plan"));
        assertNull(rounded.value(1, "mrr"));
        assertNull(rounded.value(1, "arpu"));
        assertTrue(PriceRounding.movable(1000, 63.0, Optional.of(new BigDecimal("15.49")), Optional.of(new BigDecimal("17.49")), STEP, K));
        assertTrue(!PriceRounding.movable(3000, 166.0, Optional.of(new BigDecimal("15.49")), Optional.of(new BigDecimal("17.49")), STEP, K));
    }

    @Test
    void aRatioTheDisclosureStageHid_staysHidden() {
        Table rounded = round(row("Premium", 20670.57, 843L, null, 22.99, 24.99));
        assertEquals(20600.0, rounded.value(0, "mrr"));
        assertNull(rounded.value(0, "arpu"));
    }

    @Test
    void aShareOfRevenue_isComputedOverTheRoundedSums() {
        // 23,895.49 → 23,800 and 11,529.25 → 11,600: shares 23,800 / 35,400 and 11,600 / 35,400.
        Table rounded = PriceRounding.round(table(row("Standard", 23895.49, 1401L, 0.67, 15.49, 17.49), row("Basic", 11529.25, 1175L, 0.33, 8.99, 9.99)),
                byPlan(List.of("arpu = mrr / sum(mrr)")), STEPS, K, true).table();
        assertEquals(23800.0 / 35400, (Double) rounded.value(0, "arpu"), 1e-9);
        assertEquals(11600.0 / 35400, (Double) rounded.value(1, "arpu"), 1e-9);
    }

    @Test
    void exactDecimals_stayDecimals() {
        List<Column> columns = new ArrayList<>(table().columns());
        columns.set(1, new Column("mrr", ColumnType.DECIMAL));
        Table rounded = PriceRounding.round(new Table(columns, List.of(Arrays.asList("Basic", new BigDecimal("11529.25"), 1175L, 9.8, 8.99, 9.99))),
                byPlan(List.of("arpu = mrr / members")), STEPS, K, true).table();
        assertEquals(new BigDecimal("11600.00"), rounded.value(0, "mrr"));
    }

    @Test
    void withoutRounding_theFiguresStay_andThePricesStillLeave() {
        // At k = 1 nothing is rounded.
        PriceStep none = PriceStep.of(new BigDecimal("8.99"), new BigDecimal("24.99"), 1);
        Table rounded = PriceRounding.round(table(row("Basic", 267.73, 27L, 9.9159259259, 8.99, 9.99)), byPlan(List.of("arpu = mrr / members")),
                PriceSteps.ofEvents(none), 1, true).table();
        assertEquals(Arrays.asList("Basic", 267.73, 27L, 9.9159259259), rounded.rows().get(0));
    }

    @Test
    void kpisInDollars_areRounded_otherKpisAreNot() {
        List<Column> columns = List.of(new Column("kpi", ColumnType.TEXT), new Column("unit", ColumnType.TEXT),
                new Column("value", ColumnType.DECIMAL), new Column("previous_month", ColumnType.DECIMAL),
                new Column("year_ago", ColumnType.DECIMAL), new Column("comparison", ColumnType.TEXT), new Column("members", ColumnType.INTEGER));
        Table kpis = new Table(columns, List.of(Arrays.asList("mrr", "usd", 56046.31, 51688.12, null, "vs", 3419L),
                Arrays.asList("members", "members", 3419.0, 3156.0, 2611.0, "vs", null),
                // 13 members bring at most 13 × 24.99 = 324.87 (the KPI's prices are the data's, 8.99 to 24.99): 320.00
                // rounds to 400, and what rounds to 400 (300 to 500) shares 300 to 324.87 with what they could bring,
                // under 10 × 16.00: at most one member could pay less than 24.99. Not shown.
                Arrays.asList("mrr_1", "usd", 320.00, null, null, "one moment", 13L)));
        Table rounded = PriceRounding.roundKpis(kpis, STEPS, K);
        assertEquals(Arrays.asList("mrr", "usd", 56000.0, 51600.0, null, "vs", 3419L), rounded.rows().get(0));
        assertEquals(kpis.rows().get(1), rounded.rows().get(1));
        assertEquals(Arrays.asList("mrr_1", "usd", null, null, null, "one moment; " + PriceRounding.KPI_HIDDEN, 13L), rounded.rows().get(2));
    }

    /**
     * A change is worked out from the rounded figures, so the rounding moves it: MRR of $2,000 a year after $1,000 read
     * +100.0%, where the sums ($1,960.43 and $1,067.12, say) gave +83.7%. Sums that round to $2,000 and $1,000 at the
     * $200 step (1,900 to 2,100 and 900 to 1,100) make any change from +72.7% to +133.3%: not shown. $56,000 a month
     * after $51,600 makes +8.1% to +8.9% around the +8.5% shown: within a point, shown.
     */
    @Test
    void aChangeInDollars_theRoundingCouldMoveByMoreThanAPoint_isNotShown() {
        assertFalse(PriceRounding.changePrecise(2000, 1000, STEP));
        assertTrue(PriceRounding.changePrecise(56000, 51600, STEP));
        assertFalse(PriceRounding.changePrecise(4000, 3400, STEP), "+17.6% shown, +11.4% to +24.2% possible");
        assertFalse(PriceRounding.changePrecise(400, 200, STEP), "one step is any sum under one and a half: no change can be told");

        List<Column> columns = List.of(new Column("kpi", ColumnType.TEXT), new Column("unit", ColumnType.TEXT),
                new Column("value", ColumnType.DECIMAL), new Column("previous_month", ColumnType.DECIMAL),
                new Column("year_ago", ColumnType.DECIMAL), new Column("comparison", ColumnType.TEXT), new Column("members", ColumnType.INTEGER),
                new Column("members_previous_month", ColumnType.INTEGER), new Column("members_year_ago", ColumnType.INTEGER));
        Table kpis = new Table(columns, List.of(Arrays.asList("mrr", "usd", 56046.31, 51688.12, 1960.43, "vs", 3419L, 3156L, 120L)));
        Table rounded = PriceRounding.roundKpis(kpis, STEPS, K);
        assertEquals(Arrays.asList("mrr", "usd", 56000.0, 51600.0, null, "vs; " + PriceRounding.KPI_COARSE, 3419L, 3156L, 120L),
                rounded.rows().get(0), "the month's change is shown, the year's (from $2,000) is not");
    }

    /** A forecast fitted to MRR rounded to $200 is rounded to $200 too; its actual months are already. */
    @Test
    void aForecastOfRoundedRevenue_isRoundedToTheStep() {
        List<Column> columns = List.of(new Column("month", ColumnType.DATE), new Column("actual", ColumnType.DECIMAL),
                new Column("forecast", ColumnType.DECIMAL), new Column("low80", ColumnType.DECIMAL), new Column("high80", ColumnType.DECIMAL),
                new Column("low95", ColumnType.DECIMAL), new Column("high95", ColumnType.DECIMAL));
        Table forecast = new Table(columns, List.of(
                Arrays.asList(java.time.LocalDate.of(2024, 12, 1), 56000.0, 56000.0, 56000.0, 56000.0, 56000.0, 56000.0),
                Arrays.asList(java.time.LocalDate.of(2025, 1, 1), null, 58720.73, 58088.41, 59353.04, 57753.69, 59687.76),
                Arrays.asList(java.time.LocalDate.of(2025, 2, 1), null, 61435.21, 60372.74, 62497.69, 0.0, null)));

        Table rounded = PriceRounding.toTheStep(forecast, STEP);

        assertEquals(Arrays.asList(java.time.LocalDate.of(2025, 1, 1), null, 58800.0, 58000.0, 59400.0, 57800.0, 59600.0), rounded.rows().get(1));
        assertEquals(Arrays.asList(java.time.LocalDate.of(2025, 2, 1), null, 61400.0, 60400.0, 62400.0, 0.0, null), rounded.rows().get(2));
        assertEquals(forecast.rows().get(0), rounded.rows().get(0));
    }

    @Test
    void theRule_namesTheStep_andNoPrice() {
        assertEquals("Revenue (MRR, collected revenue, fees) of plans sold at several prices is rounded to the nearest $200 (10 "
                + "times the spread of the data's prices, rounded up), so that a sum beside its members does not tell how many pay "
                + "each; where it still would, it is not shown, nor an average (ARPU) the rounding could move by more than 5%.",
                PriceRounding.rule(STEPS, K));
        assertEquals("", PriceRounding.rule(PriceSteps.NONE, K));
    }

    @Test
    void theRule_ofFilesRoundedToDifferentSteps_namesEachFilesStep() {
        PriceSteps steps = new PriceSteps(new java.util.TreeMap<>(java.util.Map.of(
                "userbase.csv", PriceStep.of(new BigDecimal("10"), new BigDecimal("15"), K),
                "churn.csv", PriceStep.of(new BigDecimal("8.99"), new BigDecimal("17.99"), K),
                "one price.csv", PriceStep.of(new BigDecimal("9.99"), new BigDecimal("9.99"), K))), "event files");

        assertEquals("Revenue (MRR, collected revenue, fees) of plans sold at several prices is rounded to the nearest $100 in "
                + "churn.csv and $50 in userbase.csv (10 times the spread of each one's prices, rounded up), so that a sum beside "
                + "its members does not tell how many pay each; where it still would, it is not shown, nor an average (ARPU) the "
                + "rounding could move by more than 5%.", PriceRounding.rule(steps, K));
        // The event files beside a file of the same step: each named, and the event files as such.
        PriceSteps same = new PriceSteps(new java.util.TreeMap<>(java.util.Map.of(
                "userbase.csv", PriceStep.of(new BigDecimal("10"), new BigDecimal("15"), K),
                "event files", PriceStep.of(new BigDecimal("10"), new BigDecimal("14.99"), K))), "event files");
        assertTrue(PriceRounding.rule(same, K).contains("rounded to the nearest $50 in the event files and $50 in userbase.csv (10 times "
                + "the spread of each one's prices, rounded up)"), PriceRounding.rule(same, K));
    }

    @Test
    void aResultOfTwoFiles_roundsEachRowToItsFilesStep() {
        PriceSteps steps = new PriceSteps(new java.util.TreeMap<>(java.util.Map.of(
                "userbase.csv", PriceStep.of(new BigDecimal("10"), new BigDecimal("15"), K),
                "churn.csv", PriceStep.of(new BigDecimal("8.99"), new BigDecimal("17.99"), K))), "event files");
        List<Column> columns = new ArrayList<>(table().columns());
        columns.add(0, new Column("source", ColumnType.TEXT));
        Table table = new Table(columns, List.of(Arrays.asList("userbase.csv", "Basic", 12_450.0, 999L, 12.46, 10.0, 15.0),
                Arrays.asList("churn.csv", "Basic", 12_450.0, 999L, 12.46, 8.99, 17.99)));

        Table rounded = PriceRounding.round(table, byPlan(List.of("arpu = mrr / members")), steps, K, true).table();

        assertEquals(12_450.0, rounded.value(0, "mrr"), "userbase.csv: to $50");
        assertEquals(12_500.0, rounded.value(1, "mrr"), "churn.csv: to $100");
    }

    private static Table round(List<Object>... rows) {
        return PriceRounding.round(table(rows), byPlan(List.of("arpu = mrr / members")), STEPS, K, true).table();
    }

    private static GroupSpec byPlan(List<String> ratios) {
        return new GroupSpec("by_plan", "members", false, List.of(), List.of("mrr"),
                ratios.stream().map(r -> GroupSpec.Ratio.parse(r).orElseThrow()).toList(), GroupSpec.Small.MERGE,
                Optional.of("plan"), Optional.empty(), List.of(), List.of(), 1, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
                Optional.empty(), Optional.empty(), Optional.empty(), List.of(), List.of("mrr"), List.of("lowest_price", "highest_price"),
                List.of());
    }

    private static List<Object> row(String plan, double mrr, long members, Double arpu, double lowest, double highest) {
        return Arrays.asList(plan, mrr, members, arpu, lowest, highest);
    }

    @SafeVarargs
    private static Table table(List<Object>... rows) {
        List<Column> columns = List.of(new Column("plan", ColumnType.TEXT), new Column("mrr", ColumnType.DECIMAL),
                new Column("members", ColumnType.INTEGER), new Column("arpu", ColumnType.DECIMAL),
                new Column("lowest_price", ColumnType.DECIMAL), new Column("highest_price", ColumnType.DECIMAL));
        return new Table(columns, new ArrayList<>(List.of(rows)));
    }
}
