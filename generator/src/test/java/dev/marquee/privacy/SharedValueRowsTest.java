package dev.marquee.privacy;

import dev.marquee.Fixtures;
import dev.marquee.engine.Column;
import dev.marquee.engine.ColumnType;
import dev.marquee.engine.Table;
import dev.marquee.query.Answer;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Mexico's slice counts its members under its region's name and its country's: a row one result hides, the other hides. */
class SharedValueRowsTest {

    private static final Map<String, String> MEXICO = Map.of("country", "Mexico", "region", "Latin America");

    @Test
    void aRegionRowTheSliceDoesNotShow_hidesItsCountrysRowOfTheSameMembers() {
        // Given the churn question's results in Mexico's slice: 146 members at the month's start, 10 churners, under
        // both names; differencing across slices made it merge Latin America away.
        List<Answer> computed = List.of(churn(row("Latin America", 146, 10), row("Mexico", 146, 10)));
        List<Answer> published = List.of(churn(row("Other (small groups)", null, null), row("Mexico", 146, 10)));

        // Then its by-country row of Mexico is hidden too (the key of a row is its label).
        assertEquals(Map.of("churn/by_country", Set.of(List.of("Mexico"))), SharedValueRows.hidden(computed, published, MEXICO));
    }

    @Test
    void bothRowsShown_orBothHidden_hideNothingMore() {
        List<Answer> computed = List.of(churn(row("Latin America", 146, 10), row("Mexico", 146, 10)));
        assertEquals(Map.of(), SharedValueRows.hidden(computed, computed, MEXICO));

        List<Answer> published = List.of(churn(row("Latin America", null, null), row("Mexico", null, null)));
        assertEquals(Map.of(), SharedValueRows.hidden(computed, published, MEXICO));
    }

    @Test
    void aSliceWhoseMembersShareOneColumnOnly_hasNoGroupUnderTwoNames() {
        // A region's slice: its countries differ, so its region row is not any one country's.
        List<Answer> computed = List.of(churn(row("Latin America", 146, 10), row("Mexico", 100, 6)));
        List<Answer> published = List.of(churn(row("Other (small groups)", null, null), row("Mexico", 100, 6)));
        assertEquals(Map.of(), SharedValueRows.hidden(computed, published, Map.of("region", "Latin America")));
    }

    @Test
    void anotherCountrysRow_isAnotherGroup() {
        // A slice by a file's group of one country holds only it; a row of another country (none in practice) is not it.
        List<Answer> computed = List.of(churn(row("Latin America", 146, 10), row("Brazil", 146, 10)));
        List<Answer> published = List.of(churn(row("Other (small groups)", null, null), row("Brazil", 146, 10)));
        assertEquals(Map.of(), SharedValueRows.hidden(computed, published, MEXICO));
    }

    /** The churn question's answer with one row by region and one by country. */
    private static Answer churn(List<Object> region, List<Object> country) {
        Map<String, Table> results = new LinkedHashMap<>();
        results.put("by_region", new Table(columns("region"), List.of(region)));
        results.put("by_country", new Table(columns("country"), List.of(country)));
        return new Answer(Fixtures.question("churn"), results, Map.of());
    }

    private static List<Column> columns(String label) {
        return List.of(new Column(label, ColumnType.TEXT), new Column("active_at_start", ColumnType.INTEGER),
                new Column("churners", ColumnType.INTEGER), new Column("churn_rate", ColumnType.DECIMAL),
                new Column("low_95", ColumnType.DECIMAL), new Column("high_95", ColumnType.DECIMAL));
    }

    private static List<Object> row(String label, Integer members, Integer churners) {
        Double rate = members == null ? null : (double) churners / members;
        return Arrays.asList(label, members == null ? null : (long) members, churners == null ? null : (long) churners, rate, rate, rate);
    }
}
