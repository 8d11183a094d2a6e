package dev.marquee.chart;

import dev.marquee.catalog.ChartKind;
import dev.marquee.catalog.ChartSpec;
import dev.marquee.engine.ColumnType;
import dev.marquee.engine.Table;
import dev.marquee.format.Unit;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One country's chart of a table faceted by country (the country pages' "Active members, last 12 months"). */
class FacetRowsTest {

    private static final String OTHER = "Other (small groups)";

    private static ChartSpec trend(ChartKind kind) {
        return new ChartSpec("country-trend", "monthly_by_country", kind, "Active members, last 12 months", "month",
                List.of("members"), Optional.empty(), "Month", "Active members", Unit.MEMBERS, false, "", Optional.of("country"), 1,
                List.of(), "", Optional.empty(), Map.of(), Map.of());
    }

    /**
     * January to April: Argentina merged into Other (no row of its own). May and June: its own rows. July: no row and no
     * Other row (no member anywhere small that month, so none merged: Argentina had no members).
     */
    private static Table months() {
        LocalDate jan = LocalDate.of(2024, 1, 1);
        return Charts.table(List.of(Charts.column("month", ColumnType.DATE), Charts.column("country", ColumnType.TEXT),
                        Charts.column("members", ColumnType.INTEGER)),
                new Object[] {jan, "Brazil", 250L}, new Object[] {jan, OTHER, 40L},
                new Object[] {jan.plusMonths(1), "Brazil", 251L}, new Object[] {jan.plusMonths(1), OTHER, 41L},
                new Object[] {jan.plusMonths(2), "Brazil", 252L}, new Object[] {jan.plusMonths(2), OTHER, 42L},
                new Object[] {jan.plusMonths(3), "Brazil", 253L}, new Object[] {jan.plusMonths(3), OTHER, 43L},
                new Object[] {jan.plusMonths(4), "Argentina", 36L}, new Object[] {jan.plusMonths(4), "Brazil", 254L},
                new Object[] {jan.plusMonths(5), "Argentina", 37L}, new Object[] {jan.plusMonths(5), "Brazil", 255L},
                new Object[] {jan.plusMonths(6), "Brazil", 256L});
    }

    @Test
    void aLine_keepsTheMonthsItsCountryIsMergedIn_asEmptyFigures_notAShorterAxis() {
        Table argentina = ChartStage.facetRows(months(), trend(ChartKind.LINE), "Argentina");
        LocalDate jan = LocalDate.of(2024, 1, 1);
        assertEquals(List.of(
                Arrays.asList(jan, "Argentina", null), Arrays.asList(jan.plusMonths(1), "Argentina", null),
                Arrays.asList(jan.plusMonths(2), "Argentina", null), Arrays.asList(jan.plusMonths(3), "Argentina", null),
                Arrays.asList(jan.plusMonths(4), "Argentina", 36L), Arrays.asList(jan.plusMonths(5), "Argentina", 37L)),
                argentina.rows(), "July has no Other row: Argentina had no members then, not hidden ones");
        String alt = AltText.describe(trend(ChartKind.LINE), argentina);
        assertTrue(alt.contains("Jan 2024 to Jun 2024 (4 of 6 months not shown)"), alt);
    }

    @Test
    void otherCharts_andTheOtherRowsOwnChart_keepTheirOwnRows() {
        assertEquals(2, ChartStage.facetRows(months(), trend(ChartKind.BAR), "Argentina").rowCount());
        assertEquals(4, ChartStage.facetRows(months(), trend(ChartKind.LINE), OTHER).rowCount());
        assertEquals(7, ChartStage.facetRows(months(), trend(ChartKind.LINE), "Brazil").rowCount());
    }
}
