package dev.marquee.present;

import dev.marquee.catalog.ChartKind;
import dev.marquee.catalog.ChartSpec;
import dev.marquee.engine.Column;
import dev.marquee.engine.ColumnType;
import dev.marquee.engine.Table;
import dev.marquee.format.Grain;
import dev.marquee.format.Unit;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A chart's data as the site's table and the PDF's both show it: one formatting for both. */
class DataTableTest {

    private ChartSpec spec;
    private Table data;

    @Test
    void aForecastOfMembers_isWholeMembers_andItsHeadersAreWords() {
        givenChart("forecast", Unit.MEMBERS, Map.of());
        givenData(List.of(new Column("month", ColumnType.DATE), new Column("low_95", ColumnType.DECIMAL),
                new Column("forecast", ColumnType.DECIMAL)), Arrays.asList(java.time.LocalDate.of(2025, 1, 1), null, 1153.94));

        DataTable table = DataTable.of(spec, data);

        assertEquals(List.of("month", "95% low", "forecast"), table.headers());
        assertEquals(List.of(false, true, true), table.numeric());
        // 1,153.94 members are 1,154; a missing bound is an empty cell; the first of a month is that month.
        assertEquals(List.of("Jan 2025", "", "1,154"), table.rows().get(0));
    }

    @Test
    void aColumnOfNoDeclaredUnit_isACount_thatKeepsItsDecimal() {
        givenChart("members", Unit.MEMBERS, Map.of());
        givenData(List.of(new Column("series", ColumnType.TEXT), new Column("mape", ColumnType.DECIMAL)),
                List.of("Active subscribers", 2.8157));

        assertEquals("2.8", DataTable.of(spec, data).cell(0, 1), "a count is not rounded to whole: 2.8157 shows one decimal");
    }

    @Test
    void declaredUnits_decideEveryCell_notTheColumnNames() {
        givenChart("churn_rate", Unit.PERCENT, Map.of("revenue_usd", Unit.USD, "titles", Unit.TITLES));
        givenData(List.of(new Column("region", ColumnType.TEXT), new Column("churn_rate", ColumnType.DECIMAL),
                        new Column("revenue_usd", ColumnType.DECIMAL), new Column("titles", ColumnType.DECIMAL),
                        new Column("hours", ColumnType.DECIMAL)),
                List.of("Europe", 0.1234, 1234.5, 41.6, 1234.5));

        // hours is a count here: nothing declares it hours, and the name is not read.
        assertEquals(List.of("Europe", "12.3%", "$1,234.50", "42", "1,234.5"), DataTable.of(spec, data).rows().get(0));
    }

    /** A count of named things is of whole things, as titles are; a count without a noun may be a mean. */
    @Test
    void aForecastOfADeclaredNoun_isWhole_unlikeACountWithoutOne() {
        givenChart("sessions", Unit.of("count sessions"), Map.of());
        givenData(List.of(new Column("sessions", ColumnType.DECIMAL), new Column("per_member", ColumnType.DECIMAL)),
                List.of(1153.94, 2.5));

        assertEquals(List.of("1,154", "2.5"), DataTable.of(spec, data).rows().get(0));
    }

    private void givenChart(String y, Unit unit, Map<String, Unit> units) {
        givenChart(y, unit, units, Map.of());
    }

    private void givenChart(String y, Unit unit, Map<String, Unit> units, Map<String, Grain> grains) {
        spec = new ChartSpec("c", "q", ChartKind.TABLE, "A table", "", List.of(y), Optional.empty(), "", "", unit, false, "",
                Optional.empty(), 1, List.of(), "", Optional.empty(), units, grains);
    }

    @Test
    void aDatesGrain_isDeclared_notReadFromItsName() {
        givenChart("members", Unit.MEMBERS, Map.of(), Map.of("month", Grain.DAY, "period_start", Grain.MONTH));
        givenData(List.of(new Column("month", ColumnType.DATE), new Column("period_start", ColumnType.DATE),
                new Column("released", ColumnType.DATE), new Column("members", ColumnType.INTEGER)),
                List.of(java.time.LocalDate.of(2025, 1, 1), java.time.LocalDate.of(2025, 3, 1), java.time.LocalDate.of(2025, 6, 30), 12L));

        // A column named month declared by the day; an undeclared date shows the day it is (a first of a month, its month).
        assertEquals(List.of("1 Jan 2025", "Mar 2025", "30 Jun 2025", "12"), DataTable.of(spec, data).rows().get(0));
    }

    private void givenData(List<Column> columns, List<Object> row) {
        data = new Table(columns, List.of(row));
    }
}
