package dev.marquee.privacy;

import dev.marquee.catalog.GroupSpec;
import dev.marquee.engine.Column;
import dev.marquee.engine.ColumnType;
import dev.marquee.engine.Table;
import dev.marquee.query.PriceStep;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Sums of prices rounded to the step of the sample's prices (8.99 to 24.99, k = 10: $200), every expectation worked
 * out by hand in the comments.
 */
class PriceRoundingTest {

    private static final PriceStep STEP = PriceStep.of(new BigDecimal("8.99"), new BigDecimal("24.99"), 10);

    @Test
    void aSumOfPrices_isRounded_andItsAverageComputedFromTheRoundedSum() {
        // Standard: 23,895.49 from 1,401 members rounds to 23,800; ARPU 23,800 / 1,401 = 16.98786581...
        // Basic: 267.73 from 27 (2 at 8.99, 25 at 9.99) rounds to 200, under ten steps ($2,000): no ARPU.
        Table rounded = PriceRounding.round(table(row("Standard", 23895.49, 1401L, 17.0560242684), row("Basic", 267.73, 27L, 9.9159259259)),
                byPlan(List.of("arpu = mrr / members")), STEP);
        assertEquals(23800.0, rounded.value(0, "mrr"));
        assertEquals(23800.0 / 1401, (Double) rounded.value(0, "arpu"), 1e-9);
        assertEquals(200.0, rounded.value(1, "mrr"));
        assertNull(rounded.value(1, "arpu"));
        assertEquals(27L, rounded.value(1, "members"), "members are not prices");
    }

    @Test
    void aRatioTheDisclosureStageHid_staysHidden() {
        Table rounded = PriceRounding.round(table(row("Premium", 20670.57, 843L, null)), byPlan(List.of("arpu = mrr / members")), STEP);
        assertEquals(20600.0, rounded.value(0, "mrr"));
        assertNull(rounded.value(0, "arpu"));
    }

    @Test
    void aShareOfRevenue_isComputedOverTheRoundedSums() {
        // 23,895.49 → 23,800 and 11,529.25 → 11,600: shares 23,800 / 35,400 and 11,600 / 35,400.
        Table rounded = PriceRounding.round(table(row("Standard", 23895.49, 1401L, 0.67), row("Basic", 11529.25, 1175L, 0.33)),
                byPlan(List.of("arpu = mrr / sum(mrr)")), STEP);
        assertEquals(23800.0 / 35400, (Double) rounded.value(0, "arpu"), 1e-9);
        assertEquals(11600.0 / 35400, (Double) rounded.value(1, "arpu"), 1e-9);
    }

    @Test
    void exactDecimals_stayDecimals() {
        List<Column> columns = List.of(new Column("plan", ColumnType.TEXT), new Column("mrr", ColumnType.DECIMAL),
                new Column("members", ColumnType.INTEGER), new Column("arpu", ColumnType.DECIMAL));
        Table rounded = PriceRounding.round(new Table(columns, List.of(Arrays.asList("Basic", new BigDecimal("11529.25"), 1175L, 9.8))),
                byPlan(List.of("arpu = mrr / members")), STEP);
        assertEquals(new BigDecimal("11600.00"), rounded.value(0, "mrr"));
    }

    @Test
    void kpisInDollars_areRounded_otherKpisAreNot() {
        List<Column> columns = List.of(new Column("kpi", ColumnType.TEXT), new Column("unit", ColumnType.TEXT),
                new Column("value", ColumnType.DECIMAL), new Column("previous_month", ColumnType.DECIMAL),
                new Column("year_ago", ColumnType.DECIMAL), new Column("members", ColumnType.INTEGER));
        Table kpis = new Table(columns, List.of(Arrays.asList("mrr", "usd", 56046.31, 51688.12, null, 3419L),
                Arrays.asList("members", "members", 3419.0, 3156.0, 2611.0, null)));
        Table rounded = PriceRounding.roundKpis(kpis, STEP);
        assertEquals(Arrays.asList("mrr", "usd", 56000.0, 51600.0, null, 3419L), rounded.rows().get(0));
        assertEquals(kpis.rows().get(1), rounded.rows().get(1));
    }

    @Test
    void theRule_namesTheStepAndThePricesItComesFrom() {
        assertEquals("Revenue (MRR, collected revenue, fees) is rounded to the nearest $200, the first round amount at or above 10 "
                + "times the spread of the data's prices ($8.99 to $24.99): to the cent, a sum beside its members would tell how many "
                + "pay each price. An average of it (ARPU) is not shown where the rounding could move it by more than 5%.",
                PriceRounding.rule(STEP, 10));
        assertEquals("", PriceRounding.rule(PriceStep.NONE, 10));
    }

    private static GroupSpec byPlan(List<String> ratios) {
        return new GroupSpec("by_plan", "members", false, List.of(), List.of("mrr"),
                ratios.stream().map(r -> GroupSpec.Ratio.parse(r).orElseThrow()).toList(), GroupSpec.Small.MERGE,
                Optional.of("plan"), Optional.empty(), List.of(), List.of(), 1, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
                Optional.empty(), Optional.empty(), Optional.empty(), List.of(), List.of("mrr"));
    }

    private static List<Object> row(String plan, double mrr, long members, Double arpu) {
        return Arrays.asList(plan, mrr, members, arpu);
    }

    @SafeVarargs
    private static Table table(List<Object>... rows) {
        List<Column> columns = List.of(new Column("plan", ColumnType.TEXT), new Column("mrr", ColumnType.DECIMAL),
                new Column("members", ColumnType.INTEGER), new Column("arpu", ColumnType.DECIMAL));
        return new Table(columns, new ArrayList<>(List.of(rows)));
    }
}
