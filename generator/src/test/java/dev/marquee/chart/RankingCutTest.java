package dev.marquee.chart;

import org.jfree.data.category.DefaultCategoryDataset;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Where a ranking that does not fit its cell is cut (the PDF's "The 7 highest of 10 shown"). */
class RankingCutTest {

    private static DefaultCategoryDataset members(Object... labelsAndValues) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int i = 0; i < labelsAndValues.length; i += 2) {
            data.addValue((Number) labelsAndValues[i + 1], "members", (String) labelsAndValues[i]);
        }
        return data;
    }

    @Test
    void aCutThatWouldSplitATie_movesBeforeIt() {
        // The userbase's countries: 451, 317, 183, 183, 183 ... room for 4 bars would show two of the three 183s.
        DefaultCategoryDataset countries = members("US", 451, "Spain", 451, "Canada", 317, "Italy", 183, "Mexico", 183,
                "UK", 183, "France", 100);
        assertEquals(3, ChartSize.beforeATie(countries, 4));
        assertEquals(3, ChartSize.beforeATie(countries, 5));
        assertEquals(6, ChartSize.beforeATie(countries, 6), "after the tie: kept");
        assertEquals(3, ChartSize.beforeATie(countries, 3), "at a change of value: kept");
    }

    @Test
    void everyShownBarTied_orAnOtherRowNext_orNoRanking_keepsTheCut() {
        assertEquals(2, ChartSize.beforeATie(members("A", 5, "B", 5, "C", 5), 2), "nothing else to show");
        assertEquals(2, ChartSize.beforeATie(members("A", 9, "B", 5, "Other (small groups)", 5), 2));
        assertEquals(2, ChartSize.beforeATie(members("A", 1, "B", 5, "C", 5), 2), "not a ranking: the first bars, in order");
    }
}
