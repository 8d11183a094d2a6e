package dev.marquee.privacy;

import dev.marquee.Fixtures;
import dev.marquee.engine.Column;
import dev.marquee.engine.ColumnType;
import dev.marquee.engine.Table;
import dev.marquee.query.Answer;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The churn question's churn by region is its monthly churn by region's as-of month ({@code as_of_month_of}): a region
 * one of them does not show, the other does not show either, or a reader reads it in the other and subtracts it from a
 * merged row. So are the members question's current members by country and the churn question's members by country
 * at the as-of month's end ({@code as_of_month_of: churn/monthly_by_country}).
 */
class AsOfMonthRowsTest {

    private static final int K = 10;
    private static final LocalDate NOVEMBER = LocalDate.parse("2024-11-01");
    private static final LocalDate DECEMBER = LocalDate.parse("2024-12-01");

    @Test
    void aRegionTheChurnByRegionHides_isHiddenInTheMonthlyChurnsAsOfMonth_andOnlyThere() {
        // December: Asia 120 active, 12 churners; Europe 200, 20; Africa 60, 11. Every group is k or more, but a slice
        // hides Asia's row of the churn by region against differencing (as Asia-Pacific's slice did): the merge takes
        // the next smallest, Africa, with it, and the monthly churn must not show either in December.
        Answer computed = churn(new Object[][]{{"Asia", 120L, 12L}, {"Europe", 200L, 20L}, {"Africa", 60L, 11L}});

        List<Answer> published = Disclosure.protect(List.of(computed), K, Map.of(), Map.of("churn/by_region", Set.of(List.of("Asia"))));

        assertEquals(Map.of("Europe", 200L), shown(published.get(0).result("by_region"), null));
        assertEquals(Map.of("Europe", 200L), shown(published.get(0).result("monthly_by_region"), DECEMBER));
        assertEquals(Map.of("Asia", 110L, "Europe", 190L, "Africa", 50L), shown(published.get(0).result("monthly_by_region"), NOVEMBER));
    }

    @Test
    void aRegionTheMonthlyChurnHidesInItsAsOfMonth_isNotShownByTheChurnByRegion() {
        Answer computed = churn(new Object[][]{{"Asia", 120L, 12L}, {"Europe", 200L, 20L}, {"Africa", 60L, 11L}});

        List<Answer> published = Disclosure.protect(List.of(computed), K, Map.of(),
                Map.of("churn/monthly_by_region", Set.of(List.of(DECEMBER.toString(), "Europe"))));

        assertFalse(shown(published.get(0).result("by_region"), null).containsKey("Europe"));
        assertEquals(Map.of("Asia", 110L, "Europe", 190L, "Africa", 50L), shown(published.get(0).result("monthly_by_region"), NOVEMBER));
    }

    @Test
    void withNothingHidden_bothShowEveryRegion() {
        Answer computed = churn(new Object[][]{{"Asia", 120L, 12L}, {"Europe", 200L, 20L}, {"Africa", 60L, 11L}});

        List<Answer> published = Disclosure.protect(List.of(computed), K);

        assertEquals(Map.of("Asia", 120L, "Europe", 200L, "Africa", 60L), shown(published.get(0).result("by_region"), null));
        assertEquals(Map.of("Asia", 120L, "Europe", 200L, "Africa", 60L), shown(published.get(0).result("monthly_by_region"), DECEMBER));
    }

    @Test
    void aCountryTheMembersByCountryDoNotShow_isNotShownInTheChurnQuestionsCountryTrendsAsOfMonth() {
        // The members question's current members by country and the churn question's members by country at December's
        // end are the same groups (members/by_country declares it). A slice hides Charlie's row of the first against
        // differencing: the second must not show Charlie's December either (sliced by plan, the whole report had merged
        // Colombia in one and named it in the other, and the other slices' rows gave its 5 Premium members).
        Answer members = membersByCountry(new Object[][]{
                {"event files", "Alpha", 100L}, {"event files", "Bravo", 50L}, {"event files", "Charlie", 30L},
                // Another population (a users table's members), whose merged Echo is no row of the churn question's trend.
                {"users.csv", "Echo", 3L}, {"users.csv", "Foxtrot", 40L}, {"users.csv", "Golf", 40L}});
        Answer churn = countryTrend(new Object[][]{{"Alpha", 100L}, {"Bravo", 50L}, {"Charlie", 30L}, {"Echo", 50L}});
        Map<String, Set<List<String>>> hiddenBySlice = Map.of("members/by_country", Set.of(List.of("event files", "Charlie")));

        Table alone = Disclosure.protect(List.of(churn), K, Map.of(), hiddenBySlice).get(0).result("monthly_by_country");
        List<Answer> published = Disclosure.protect(List.of(members, churn), K, Map.of(), hiddenBySlice);
        Table trend = published.get(1).result("monthly_by_country");

        assertEquals(Map.of("Alpha", 100L, "Bravo", 50L, "Charlie", 30L, "Echo", 50L), shownCountries(alone, DECEMBER));
        Map<String, Long> shownByMembers = shownCountries(published.get(0).result("by_country"), "event files");
        assertFalse(shownByMembers.containsKey("Charlie"));
        Map<String, Long> december = shownCountries(trend, DECEMBER);
        december.remove("Echo");
        assertEquals(shownByMembers, december);
        assertEquals(50L, shownCountries(trend, DECEMBER).get("Echo"));
        assertEquals(shownCountries(alone, NOVEMBER), shownCountries(trend, NOVEMBER));
    }

    /** The members question's current members by country, of each population (source) given. */
    private static Answer membersByCountry(Object[][] rows) {
        List<List<Object>> byCountry = new ArrayList<>();
        for (Object[] row : rows) {
            long total = Arrays.stream(rows).filter(r -> r[0].equals(row[0])).mapToLong(r -> (Long) r[2]).sum();
            byCountry.add(Arrays.asList(row[0], row[1], row[2], (double) (Long) row[2] / total));
        }
        Table table = new Table(List.of(new Column("source", ColumnType.TEXT), new Column("country", ColumnType.TEXT),
                new Column("members", ColumnType.INTEGER), new Column("share", ColumnType.DECIMAL)), byCountry);
        return new Answer(Fixtures.question("members"), Map.of("by_country", table), Map.of());
    }

    /** The churn question's members by country at each month's end: December as given, November 20 more each. */
    private static Answer countryTrend(Object[][] december) {
        List<List<Object>> monthly = new ArrayList<>();
        for (Object[] country : december) {
            monthly.add(Arrays.asList(NOVEMBER, country[0], (Long) country[1] + 20));
            monthly.add(Arrays.asList(DECEMBER, country[0], country[1]));
        }
        Table table = new Table(List.of(new Column("month", ColumnType.DATE), new Column("country", ColumnType.TEXT),
                new Column("members", ColumnType.INTEGER)), monthly);
        return new Answer(Fixtures.question("churn"), Map.of("monthly_by_country", table), Map.of());
    }

    /**
     * The countries a result shows by name with their members: of one month ({@code LocalDate}) of the country trend,
     * or of one population ({@code String}, the source) of the members by country.
     */
    private static Map<String, Long> shownCountries(Table table, Object monthOrSource) {
        String column = monthOrSource instanceof LocalDate ? "month" : "source";
        Map<String, Long> shown = new TreeMap<>();
        for (List<Object> row : table.rows()) {
            if (monthOrSource.equals(row.get(table.index(column))) && row.get(table.index("members")) != null
                    && !Disclosure.OTHER.equals(row.get(table.index("country")))) {
                shown.put((String) row.get(table.index("country")), ((Number) row.get(table.index("members"))).longValue());
            }
        }
        return shown;
    }

    /** The churn question's answer: each region's December as given, November with 10 fewer active and 1 fewer churner. */
    private static Answer churn(Object[][] december) {
        List<List<Object>> byRegion = new ArrayList<>();
        List<List<Object>> monthly = new ArrayList<>();
        for (Object[] region : december) {
            long active = (Long) region[1];
            long churners = (Long) region[2];
            byRegion.add(Arrays.asList(region[0], active, churners, (double) churners / active, 0.01, 0.2));
            monthly.add(Arrays.asList(NOVEMBER, region[0], active - 10, churners - 1, (double) (churners - 1) / (active - 10)));
            monthly.add(Arrays.asList(DECEMBER, region[0], active, churners, (double) churners / active));
        }
        Table byRegionTable = new Table(List.of(new Column("region", ColumnType.TEXT), new Column("active_at_start", ColumnType.INTEGER),
                new Column("churners", ColumnType.INTEGER), new Column("churn_rate", ColumnType.DECIMAL),
                new Column("low_95", ColumnType.DECIMAL), new Column("high_95", ColumnType.DECIMAL)), byRegion);
        Table monthlyTable = new Table(List.of(new Column("month", ColumnType.DATE), new Column("region", ColumnType.TEXT),
                new Column("active_at_start", ColumnType.INTEGER), new Column("churners", ColumnType.INTEGER),
                new Column("churn_rate", ColumnType.DECIMAL)), monthly);
        return new Answer(Fixtures.question("churn"), Map.of("by_region", byRegionTable, "monthly_by_region", monthlyTable), Map.of());
    }

    /** The regions a result shows by name with their active members, in one month ({@code null}: a result without months). */
    private static Map<String, Long> shown(Table table, LocalDate month) {
        Map<String, Long> shown = new TreeMap<>();
        for (List<Object> row : table.rows()) {
            if ((month == null || month.equals(row.get(table.index("month")))) && row.get(table.index("active_at_start")) != null
                    && !Disclosure.OTHER.equals(row.get(table.index("region")))) {
                shown.put((String) row.get(table.index("region")), ((Number) row.get(table.index("active_at_start"))).longValue());
            }
        }
        return shown;
    }
}
