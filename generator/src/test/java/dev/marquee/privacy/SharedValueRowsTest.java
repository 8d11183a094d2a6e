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

    @Test
    void aPlanTheWholeReportMergesForTheSlicesCountry_isNotShownInTheSlicesPlansWithinItsRegion() {
        // Given plans within countries in the whole report: the Netherlands' Basic 10, Premium 13, Standard 21, its Basic
        // and Premium merged (to protect Poland's 5 Premium members). The Netherlands slice's expected churners by
        // region and plan count the same members in its one region's row: Europe's Premium there is the Netherlands'
        // 13, which with the whole's merged 23 gave its Basic 10, and Poland's Basic and Premium with them.
        List<Answer> wholeComputed = List.of(planMix(mix("Netherlands", "Basic", 10), mix("Netherlands", "Premium", 13),
                mix("Netherlands", "Standard", 21)));
        List<Answer> wholePublished = List.of(planMix(mix("Netherlands", "Other (small groups)", 23), mix("Netherlands", "Standard", 21)));
        List<Answer> slice = List.of(wholeComputed.get(0),
                expected(plan("Europe", "Basic", 10), plan("Europe", "Premium", 13), plan("Europe", "Standard", 21)));

        // Then the slice hides them there, as in its own plans within its country.
        assertEquals(Map.of("outlook/model_expected", Set.of(List.of("Europe", "Basic"), List.of("Europe", "Premium")),
                        "plans-devices/plan_mix", Set.of(List.of("event files", "Netherlands", "Basic"), List.of("event files", "Netherlands", "Premium"))),
                SharedValueRows.hiddenCells(wholeComputed, wholePublished, slice, slice, Map.of("country", "Netherlands", "region", "Europe")));
    }

    @Test
    void aPlanTheWholeReportMergesForTheSlicesRegion_isNotTheSlicesOwn_whenTheRegionHasOtherMembers() {
        // The whole report's expected churners merge Latin America's Premium and Standard members (270 together);
        // Brazil's slice, 251 of the region's 524 members, shows its own 36 and 88: other groups, left shown.
        List<Answer> wholeComputed = List.of(expected(plan("Latin America", "Basic", 254), plan("Latin America", "Premium", 90),
                plan("Latin America", "Standard", 180)));
        List<Answer> wholePublished = List.of(expected(plan("Latin America", "Basic", 254), plan("Latin America", "Other (small groups)", 270)));
        List<Answer> slice = List.of(expected(plan("Latin America", "Basic", 127), plan("Latin America", "Premium", 36),
                plan("Latin America", "Standard", 88)));

        assertEquals(Map.of(), SharedValueRows.hiddenCells(wholeComputed, wholePublished, slice, slice,
                Map.of("country", "Brazil", "region", "Latin America")));
    }

    /** The plans-devices question's plans within countries. */
    private static Answer planMix(List<Object>... rows) {
        Table table = new Table(List.of(new Column("source", ColumnType.TEXT), new Column("country", ColumnType.TEXT),
                new Column("plan", ColumnType.TEXT), new Column("members", ColumnType.INTEGER), new Column("share", ColumnType.DECIMAL)),
                List.of(rows));
        return new Answer(Fixtures.question("plans-devices"), Map.of("plan_mix", table), Map.of());
    }

    private static List<Object> mix(String country, String plan, Integer members) {
        return Arrays.asList("event files", country, plan, members == null ? null : (long) members, members == null ? null : 0.5);
    }

    /** The outlook question's expected churners by region and plan. */
    private static Answer expected(List<Object>... rows) {
        Table table = new Table(List.of(new Column("region", ColumnType.TEXT), new Column("plan", ColumnType.TEXT),
                new Column("members", ColumnType.INTEGER), new Column("expected_churners", ColumnType.DECIMAL),
                new Column("expected_rate", ColumnType.DECIMAL)), List.of(rows));
        return new Answer(Fixtures.question("outlook"), Map.of("model_expected", table), Map.of());
    }

    private static List<Object> plan(String region, String plan, Integer members) {
        return Arrays.asList(region, plan, members == null ? null : (long) members, members == null ? null : 1.0, members == null ? null : 0.03);
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
