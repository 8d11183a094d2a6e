package dev.marquee.privacy;

import dev.marquee.Fixtures;
import dev.marquee.catalog.Question;
import dev.marquee.engine.Column;
import dev.marquee.engine.ColumnType;
import dev.marquee.engine.Table;
import dev.marquee.query.Answer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A region's members of one plan, published by a slice, less the cells of the region's countries the whole report
 * names in its plans within countries: the plan's members in the countries it merged. Given the whole report's plans
 * within countries of the United Kingdom (Basic 50, Premium 40) and France (30, 25), named, and Sweden, merged into
 * "Other (small groups)", and the Europe slice's members by plan (Basic 84 + Sweden's, Premium 65 + Sweden's).
 */
class RegionCellsTest {

    private static final int K = 10;
    private static final Map<String, String> REGION_OF = Map.of("United Kingdom", "Europe", "France", "Europe", "Sweden", "Europe",
            "Canada", "North America");
    private static final Set<List<String>> BASIC = Set.of(List.of("event files", "Basic"));
    private static final Set<List<String>> PREMIUM = Set.of(List.of("event files", "Premium"));

    @Test
    void aPlanWhoseMergedCountriesHold1ToKMinus1_isHiddenInTheRegionsSlice() {
        // Sweden: Basic 4, Premium 12. Europe's Basic 88 less the UK's 50 and France's 30 gives Sweden's 4: hidden. Then
        // the slice's total less its Premium would give Basic, and Premium less the named cells gives Sweden's 12: the
        // two hidden rows leave 16 together, k or more.
        assertEquals(Map.of("members/by_plan", union(BASIC, PREMIUM)), regionSlice(4, 12));
        // Sweden's 4 Basic and 6 Premium: each hidden, and 10 together.
        assertEquals(Map.of("members/by_plan", union(BASIC, PREMIUM)), regionSlice(4, 6));
    }

    @Test
    void mergedCountriesOfKOrMoreOfEachPlan_orNoneOfOne_hideNothing() {
        assertEquals(Map.of(), regionSlice(10, 12));
        assertEquals(Map.of(), regionSlice(0, 12));
    }

    @Test
    void aSliceOfSomeOfARegionsCountries_countsItsOwnCountriesLeftOver() {
        // A slices file's group of the United Kingdom and Sweden (region Europe): its Basic 54 less the UK's 50 gives
        // Sweden's 4, though Europe's merged countries (Sweden and Portugal's 8) hold 12 Basic members together.
        List<Column> columns = List.of(new Column("source", ColumnType.TEXT), new Column("plan", ColumnType.TEXT),
                new Column("members", ColumnType.INTEGER), new Column("share", ColumnType.DECIMAL));
        Answer byPlan = answer("members", "by_plan", columns, row("event files", "Basic", 54L, 0.5), row("event files", "Premium", 52L, 0.5));
        Answer ownCrossTab = answer("plans-devices", "plan_mix", crossTabColumns(), row("event files", "United Kingdom", "Basic", 50L, 0.5),
                row("event files", "United Kingdom", "Premium", 40L, 0.5), row("event files", "Sweden", "Basic", 4L, 0.25),
                row("event files", "Sweden", "Premium", 12L, 0.75));
        Answer whole = crossTab(4, 12);
        List<List<Object>> rows = new ArrayList<>(whole.result("plan_mix").rows());
        rows.add(row("event files", "Portugal", "Basic", 8L, 1.0));
        Answer wholeWithPortugal = answer("plans-devices", "plan_mix", crossTabColumns(), rows.toArray(List[]::new));

        Map<String, Set<List<String>>> hidden = RegionCells.hidden(List.of(wholeWithPortugal), List.of(publishedCrossTab()),
                List.of(byPlan, ownCrossTab), List.of(byPlan, ownCrossTab), Map.of("region", "Europe"), withPortugal(), K);

        assertEquals(Map.of("members/by_plan", union(BASIC, PREMIUM)), hidden);
    }

    private static Map<String, String> withPortugal() {
        Map<String, String> regions = new java.util.HashMap<>(REGION_OF);
        regions.put("Portugal", "Europe");
        return regions;
    }

    @Test
    void aPlansSlice_hidesTheRegionWhoseMergedCountriesHold1ToKMinus1OfThePlan() {
        // The Premium slice's members by region: Europe's 71 less the UK's 40 and France's 25 gives Sweden's 6. North
        // America's Canada is named: nothing of it is left over.
        Answer members = answer("members", "by_region", List.of(new Column("source", ColumnType.TEXT), new Column("region", ColumnType.TEXT),
                new Column("members", ColumnType.INTEGER), new Column("share", ColumnType.DECIMAL)),
                row("event files", "Europe", 71L, 0.5), row("event files", "North America", 71L, 0.5));

        Map<String, Set<List<String>>> hidden = RegionCells.hidden(List.of(crossTab(4, 6)), List.of(publishedCrossTab()), List.of(members),
                List.of(members), Map.of("plan", "Premium"), REGION_OF, K);

        assertEquals(Map.of("members/by_region", Set.of(List.of("event files", "Europe"))), hidden);
    }

    /** What the Europe slice hides of its members by plan, given Sweden's Basic and Premium members. */
    private static Map<String, Set<List<String>>> regionSlice(long swedenBasic, long swedenPremium) {
        List<Column> columns = List.of(new Column("source", ColumnType.TEXT), new Column("plan", ColumnType.TEXT),
                new Column("members", ColumnType.INTEGER), new Column("share", ColumnType.DECIMAL));
        Answer byPlan = answer("members", "by_plan", columns, row("event files", "Basic", 80 + swedenBasic, 0.5),
                row("event files", "Premium", 65 + swedenPremium, 0.5));
        return RegionCells.hidden(List.of(crossTab(swedenBasic, swedenPremium)), List.of(publishedCrossTab()), List.of(byPlan),
                List.of(byPlan), Map.of("region", "Europe"), REGION_OF, K);
    }

    /** The whole report's plans within countries, as computed: a country with no members of a plan has no row of it. */
    private static Answer crossTab(long swedenBasic, long swedenPremium) {
        List<List<Object>> rows = new ArrayList<>(List.of(row("event files", "United Kingdom", "Basic", 50L, 0.5),
                row("event files", "United Kingdom", "Premium", 40L, 0.5), row("event files", "France", "Basic", 30L, 0.5),
                row("event files", "France", "Premium", 25L, 0.5), row("event files", "Canada", "Premium", 20L, 1.0)));
        if (swedenBasic > 0) {
            rows.add(row("event files", "Sweden", "Basic", swedenBasic, 0.5));
        }
        rows.add(row("event files", "Sweden", "Premium", swedenPremium, 0.5));
        return answer("plans-devices", "plan_mix", crossTabColumns(), rows.toArray(List[]::new));
    }

    /** The same as published: Sweden merged into "Other (small groups)", its cells not shown. */
    private static Answer publishedCrossTab() {
        return answer("plans-devices", "plan_mix", crossTabColumns(), row("event files", "United Kingdom", "Basic", 50L, 0.5),
                row("event files", "United Kingdom", "Premium", 40L, 0.5), row("event files", "France", "Basic", 30L, 0.5),
                row("event files", "France", "Premium", 25L, 0.5), row("event files", "Canada", "Premium", 20L, 1.0),
                row("event files", Disclosure.OTHER, "Premium", null, null));
    }

    private static List<Column> crossTabColumns() {
        return List.of(new Column("source", ColumnType.TEXT), new Column("country", ColumnType.TEXT), new Column("plan", ColumnType.TEXT),
                new Column("members", ColumnType.INTEGER), new Column("share", ColumnType.DECIMAL));
    }

    @SafeVarargs
    private static Answer answer(String slug, String result, List<Column> columns, List<Object>... rows) {
        Question question = Fixtures.question(slug);
        return new Answer(question, Map.of(result, new Table(columns, List.of(rows))), Map.of());
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    private static Set<List<String>> union(Set<List<String>> a, Set<List<String>> b) {
        Set<List<String>> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
