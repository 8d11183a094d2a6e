package dev.marquee.privacy;

import dev.marquee.catalog.GroupSpec;
import dev.marquee.catalog.GroupSpec.Small;
import dev.marquee.engine.Column;
import dev.marquee.engine.ColumnType;
import dev.marquee.engine.Table;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Plans within countries as a reader attacks them: every country's and every plan's total is published elsewhere, so
 * each line's hidden members are known, and so is any sum or difference of them. On tables drawn at random, no set of
 * hidden cells that such a combination counts (each once, no other) may hold fewer than k members but some. Checked by
 * trying every set of hidden cells, not by the search the protection uses.
 */
class CrossTabDifferencingTest {

    private static final int K = 10;
    private static final List<String> PLANS = List.of("Basic", "Premium", "Standard");
    private static final GroupSpec PLANS_WITHIN_COUNTRIES = new GroupSpec("t", "members", false, List.of(), List.of(),
            List.of(), Small.MERGE, Optional.of("plan"), Optional.of("country"), List.of(), List.of(), 1);

    @Test
    void randomPlansWithinCountries_noCombinationOfTheLinesHiddenSums_givesASmallGroup() {
        Random random = new Random(20261207);
        int checked = 0;
        int withHiddenCells = 0;
        while (checked < 600) {
            int countries = 3 + random.nextInt(6);
            Map<String, Map<String, Long>> cells = new LinkedHashMap<>();
            for (int c = 0; c < countries; c++) {
                Map<String, Long> plans = new LinkedHashMap<>();
                for (String plan : PLANS) {
                    plans.put(plan, (long) (random.nextDouble() < 0.35 ? 1 + random.nextInt(K - 1) : K + random.nextInt(50)));
                }
                cells.put("c" + c, plans);
            }
            // Countries and plans of k or more members each: a smaller country is merged whole first, which this test
            // does not model, and a smaller plan's total is not published.
            if (cells.values().stream().anyMatch(plans -> plans.values().stream().mapToLong(Long::longValue).sum() < K)
                    || PLANS.stream().anyMatch(plan -> cells.values().stream().mapToLong(plans -> plans.get(plan)).sum() < K)) {
                continue;
            }
            List<Cell> hidden = hiddenCells(cells, GroupedTable.protect(table(cells), PLANS_WITHIN_COUNTRIES, K).table());
            if (hidden.size() > 16) {
                continue;
            }
            checked++;
            if (!hidden.isEmpty()) {
                withHiddenCells++;
            }
            assertNoSmallGroupInSpan(cells, hidden);
        }
        assertTrue(withHiddenCells > 100, "too few tables with hidden cells to test anything: " + withHiddenCells);
    }

    @Test
    void theSamplesPlansWithinCountries_inSmall_giveNoSmallGroup() {
        // GroupedTableTest's hand-worked table: line by line, C's and S's hidden sums less Standard's gave 7.
        Map<String, Map<String, Long>> cells = new LinkedHashMap<>();
        long[][] members = {{27, 5, 24}, {15, 2, 14}, {12, 13, 22}, {11, 12, 21}, {60, 40, 50}};
        String[] countries = {"C", "S", "P", "N", "U"};
        for (int c = 0; c < countries.length; c++) {
            Map<String, Long> plans = new LinkedHashMap<>();
            for (int p = 0; p < PLANS.size(); p++) {
                plans.put(PLANS.get(p), members[c][p]);
            }
            cells.put(countries[c], plans);
        }
        assertNoSmallGroupInSpan(cells, hiddenCells(cells, GroupedTable.protect(table(cells), PLANS_WITHIN_COUNTRIES, K).table()));
    }

    @Test
    void hundredsOfHiddenCellsInOneSetOfLines_searchCutShort_everyCellOfThoseLinesIsMerged() {
        // 150 countries × 6 plans, every other cell under k: too many combinations to try, so none is taken as safe.
        Random random = new Random(1);
        Map<String, Map<String, Long>> cells = new LinkedHashMap<>();
        for (int c = 0; c < 150; c++) {
            Map<String, Long> plans = new LinkedHashMap<>();
            for (int p = 0; p < 6; p++) {
                plans.put("p" + p, (long) (random.nextDouble() < 0.5 ? 1 + random.nextInt(K - 1) : K + random.nextInt(40)));
            }
            cells.put("c" + c, plans);
        }
        List<List<Object>> rows = new ArrayList<>();
        cells.forEach((country, plans) -> plans.forEach((plan, members) -> rows.add(List.of(country, plan, members))));
        Table published = GroupedTable.protect(new Table(List.of(new Column("country", ColumnType.TEXT),
                new Column("plan", ColumnType.TEXT), new Column("members", ColumnType.INTEGER)), rows), PLANS_WITHIN_COUNTRIES, K).table();
        assertTrue(published.rows().stream().allMatch(row -> Disclosure.OTHER.equals(row.get(1))), published.rows().toString());
        assertEquals(150, published.rows().size(), "one Other row per country");
    }

    private record Cell(String country, String plan, long members) {
    }

    private static Table table(Map<String, Map<String, Long>> cells) {
        List<List<Object>> rows = new ArrayList<>();
        cells.forEach((country, plans) -> plans.forEach((plan, members) -> rows.add(List.of(country, plan, members))));
        return new Table(List.of(new Column("country", ColumnType.TEXT), new Column("plan", ColumnType.TEXT),
                new Column("members", ColumnType.INTEGER)), rows);
    }

    /** The cells the published table does not show by name: those of its Other rows. */
    private static List<Cell> hiddenCells(Map<String, Map<String, Long>> cells, Table published) {
        Map<String, List<String>> shown = new HashMap<>();
        for (List<Object> row : published.rows()) {
            shown.computeIfAbsent(String.valueOf(row.get(0)), c -> new ArrayList<>()).add(String.valueOf(row.get(1)));
        }
        List<Cell> hidden = new ArrayList<>();
        cells.forEach((country, plans) -> plans.forEach((plan, members) -> {
            if (!shown.getOrDefault(country, List.of()).contains(plan)) {
                hidden.add(new Cell(country, plan, members));
            }
        }));
        return hidden;
    }

    /** Every set of hidden cells holding 1 to k − 1 members is outside the span of the lines' hidden cells. */
    private static void assertNoSmallGroupInSpan(Map<String, Map<String, Long>> cells, List<Cell> hidden) {
        List<double[]> lines = new ArrayList<>();
        for (String country : cells.keySet()) {
            lines.add(indicator(hidden, cell -> cell.country().equals(country)));
        }
        for (String plan : PLANS) {
            lines.add(indicator(hidden, cell -> cell.plan().equals(plan)));
        }
        double[][] basis = echelon(lines, hidden.size());
        for (int set = 1; set < 1 << hidden.size(); set++) {
            long members = 0;
            double[] vector = new double[hidden.size()];
            for (int i = 0; i < hidden.size(); i++) {
                if ((set & 1 << i) != 0) {
                    vector[i] = 1;
                    members += hidden.get(i).members();
                }
            }
            if (members > 0 && members < K && inSpan(basis, vector)) {
                List<Cell> group = new ArrayList<>();
                for (int i = 0; i < hidden.size(); i++) {
                    if ((set & 1 << i) != 0) {
                        group.add(hidden.get(i));
                    }
                }
                fail("the lines' hidden sums give " + members + " members: " + group + " in " + cells);
            }
        }
    }

    private static double[] indicator(List<Cell> hidden, java.util.function.Predicate<Cell> inLine) {
        double[] vector = new double[hidden.size()];
        for (int i = 0; i < hidden.size(); i++) {
            vector[i] = inLine.test(hidden.get(i)) ? 1 : 0;
        }
        return vector;
    }

    /** Gaussian elimination: rows with a leading 1 each, in distinct columns. */
    private static double[][] echelon(List<double[]> vectors, int width) {
        List<double[]> rows = new ArrayList<>();
        for (double[] vector : vectors) {
            double[] reduced = reduce(rows, vector.clone());
            for (int c = 0; c < width; c++) {
                if (Math.abs(reduced[c]) > 1e-9) {
                    double lead = reduced[c];
                    for (int d = 0; d < width; d++) {
                        reduced[d] /= lead;
                    }
                    rows.add(reduced);
                    break;
                }
            }
        }
        return rows.toArray(new double[0][]);
    }

    private static double[] reduce(List<double[]> rows, double[] vector) {
        for (double[] row : rows) {
            int lead = 0;
            while (Math.abs(row[lead]) < 1e-9) {
                lead++;
            }
            double factor = vector[lead];
            if (Math.abs(factor) > 1e-9) {
                for (int c = 0; c < vector.length; c++) {
                    vector[c] -= factor * row[c];
                }
            }
        }
        return vector;
    }

    private static boolean inSpan(double[][] basis, double[] vector) {
        double[] residual = reduce(List.of(basis), vector.clone());
        for (double value : residual) {
            if (Math.abs(value) > 1e-9) {
                return false;
            }
        }
        return true;
    }
}
