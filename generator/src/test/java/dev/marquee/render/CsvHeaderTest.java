package dev.marquee.render;

import dev.marquee.Fixtures;
import dev.marquee.catalog.ChartSpec;
import dev.marquee.engine.Column;
import dev.marquee.engine.ColumnType;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A CSV's header gives each number column's unit as its question declares it, once, and no unit to a label. */
class CsvHeaderTest {

    static ChartSpec chart(String question, String query) {
        return Fixtures.question(question).charts().stream().filter(c -> c.query().equals(query)).findFirst().orElseThrow();
    }

    static String header(ChartSpec spec, String column, ColumnType type) {
        return CsvExport.headerWithUnit(spec, new Column(column, type));
    }

    @Test
    void aUnitThatRepeatsTheColumnsNameIsLeftOut() {
        ChartSpec regions = chart("members", "by_region");

        assertEquals("members", header(regions, "members", ColumnType.INTEGER), "not 'members (members)'");
        assertEquals("share (ratio)", header(regions, "share", ColumnType.DECIMAL));
    }

    @Test
    void everyNumberColumnHasItsUnit_notOnlyTheCharted() {
        ChartSpec mrr = chart("revenue", "monthly");

        assertEquals("mrr (USD)", header(mrr, "mrr", ColumnType.DECIMAL));
        assertEquals("arpu (USD)", header(mrr, "arpu", ColumnType.DECIMAL), "the average beside the charted MRR is dollars too");
        assertEquals("members", header(mrr, "members", ColumnType.INTEGER));
    }

    @Test
    void aLabelColumnHasNoUnit_evenWhereTheAxisHasOne() {
        ChartSpec distribution = chart("watch-time", "distribution");

        assertEquals("hours_watched", header(distribution, "hours_watched", ColumnType.TEXT), "its values are bands: 'under 5'");
        assertEquals("month", header(chart("revenue", "monthly"), "month", ColumnType.DATE));
    }
}
