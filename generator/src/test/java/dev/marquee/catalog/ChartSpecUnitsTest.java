package dev.marquee.catalog;

import dev.marquee.format.Unit;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A column's unit is what the question declares; the column's name never decides it (issue #19). */
class ChartSpecUnitsTest {

    private static ChartSpec givenAChart(Unit unit, List<String> y, Map<String, Unit> units) {
        return new ChartSpec("by-plan", "by_plan", ChartKind.BAR, "By plan", "plan", y, Optional.empty(), "Plan", "Members",
                unit, false, "", Optional.empty(), 1, List.of(), "", Optional.empty(), units);
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
}
