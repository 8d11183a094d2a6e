package dev.marquee.catalog;

import dev.marquee.engine.Column;
import dev.marquee.engine.ColumnType;
import dev.marquee.engine.Table;
import dev.marquee.format.Unit;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** An axis label that names a column's value: the recency chart's activity (a login, a payment, a viewing). */
class ChartSpecLabelsTest {

    private static final ChartSpec RECENCY = new ChartSpec("recency", "recency", ChartKind.BAR, "Members by days since their last activity",
            "since_last_activity", List.of("members"), Optional.empty(), "Days since the last {last_activity|activity}", "Members",
            Unit.MEMBERS, false, "", Optional.empty(), 1, List.of(), "", Optional.empty(), Map.of(), Map.of());

    private static Table rows(String... activities) {
        List<List<Object>> rows = Arrays.stream(activities).map(a -> Arrays.<Object>asList("0–6 days", 10L, a)).toList();
        return new Table(List.of(new Column("since_last_activity", ColumnType.TEXT), new Column("members", ColumnType.INTEGER),
                new Column("last_activity", ColumnType.TEXT)), rows);
    }

    @Test
    void aColumnWithOneValue_namesIt() {
        assertEquals("Days since the last login", RECENCY.labelledFrom(rows("login", "login")).xLabel());
    }

    @Test
    void severalValues_noValue_orNoSuchColumn_giveTheWordAfterTheBar() {
        assertEquals("Days since the last activity", RECENCY.labelledFrom(rows("login", "payment")).xLabel());
        assertEquals("Days since the last activity", RECENCY.labelledFrom(rows((String) null)).xLabel());
        assertEquals("Days since the last activity", RECENCY.labelledFrom(new Table(List.of(new Column("members", ColumnType.INTEGER)),
                List.of())).xLabel());
        assertEquals("Members", RECENCY.labelledFrom(rows("login")).yLabel(), "a label without a placeholder stays");
    }
}
