package dev.marquee.site;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The table checks of {@link ReaderViewTest} on small tables whose faults are known. */
class PublishedTablesTest {

    private static PublishedTables.Table table(String label, List<String> headers, List<List<String>> rows) {
        return new PublishedTables.Table("t", label, headers, rows);
    }

    @Test
    void sharesOfEachBar_addingUpTo100WithinRounding_areFine() {
        // 42.3 + 21.2 + 36.5 = 100.0; 33.3 × 3 = 99.9, within the three figures' rounding (0.15).
        PublishedTables.Table shares = table("", List.of("country", "plan", "share"), List.of(
                List.of("Argentina", "Basic", "42.3%"), List.of("Argentina", "Premium", "21.2%"), List.of("Argentina", "Standard", "36.5%"),
                List.of("Brazil", "Basic", "33.3%"), List.of("Brazil", "Premium", "33.3%"), List.of("Brazil", "Standard", "33.3%")));

        assertEquals(List.of(), PublishedTables.sharesNotAddingUp(shares, List.of("country"), "share"));
    }

    @Test
    void aBarWhoseSharesMissAPart_isReported() {
        PublishedTables.Table shares = table("", List.of("country", "plan", "share"), List.of(
                List.of("Argentina", "Basic", "42.3%"), List.of("Argentina", "Premium", "21.2%"),
                List.of("Brazil", "Basic", "50.0%"), List.of("Brazil", "Premium", "50.0%")));

        assertEquals(List.of("t: the shares of Argentina add up to 63.5% (42.3% + 21.2%)"),
                PublishedTables.sharesNotAddingUp(shares, List.of("country"), "share"));
    }

    @Test
    void aStackedBarsPublishedTotal_isComparedWithItsParts() {
        PublishedTables.Table titles = table("Stacked bar chart: titles by decade, 7 decades. Highest total: 2010 at 268 titles; lowest total: 1960 at 2 titles.",
                List.of("decade", "movies", "shows"), List.of(List.of("1960", "1", "0"), List.of("2010", "200", "68")));

        assertEquals(List.of("t: the lowest total of 1960 is published as 2 but its parts in the table add up to 1"),
                PublishedTables.totalsNotMatchingParts(titles, "decade", List.of("movies", "shows")));
    }

    /** Bars tied at a figure are named together, or counted when there are many: each, or the count, is checked. */
    @Test
    void aTiedTotal_isComparedWithEachBarItNames() {
        PublishedTables.Table named = table("Stacked bar chart: titles by decade, 3 decades. Highest total: 2010 at 268 titles; "
                + "lowest total: 1960 and 1970 at 2 titles.", List.of("decade", "movies", "shows"),
                List.of(List.of("1960", "1", "1"), List.of("1970", "1", "0"), List.of("2010", "200", "68")));
        PublishedTables.Table counted = table("Stacked bar chart: titles by decade, 5 decades. Highest total: 2010 at 268 titles; "
                + "lowest total: 4 tied at 2 titles.", List.of("decade", "movies", "shows"),
                List.of(List.of("1960", "1", "1"), List.of("1970", "2", "0"), List.of("1980", "0", "2"), List.of("1990", "1", "1"),
                        List.of("2010", "200", "68")));

        assertEquals(List.of("t: the lowest total of 1970 is published as 2 but its parts in the table add up to 1"),
                PublishedTables.totalsNotMatchingParts(named, "decade", List.of("movies", "shows")));
        assertEquals(List.of(), PublishedTables.totalsNotMatchingParts(counted, "decade", List.of("movies", "shows")));
    }

    @Test
    void aCountUnderK_andARemainderUnderK_areReported_zeroAndKAreFine() {
        // k = 10. Europe: 9 churners. Asia: 25 − 18 = 7 members who did not churn. Africa: 0 churners, 10 members.
        PublishedTables.Table churn = table("", List.of("region", "active_at_start", "churners", "churn_rate"), List.of(
                List.of("Europe", "1,200", "9", "0.8%"), List.of("Asia", "25", "18", "72.0%"), List.of("Africa", "10", "0", "0.0%"),
                List.of("Other", "", "", "")));

        assertEquals(List.of("t: churners = 9 in the row Europe", "t: active_at_start − churners = 7 in the row Asia"),
                PublishedTables.countsUnderK(churn, Set.of("active_at_start", "churners"), Map.of("churners", "active_at_start"), 10));
    }

    @Test
    void memberCountColumns_areKnownByName() {
        for (String name : List.of("members", "churners", "viewers", "raters", "active_at_start", "members_with_fee", "retained_3_months")) {
            assertEquals(true, PublishedTables.MEMBER_COUNT.matcher(name).matches(), name);
        }
        for (String name : List.of("watch_hours", "share", "ratings", "churn_rate", "expected_churners")) {
            assertEquals(false, PublishedTables.MEMBER_COUNT.matcher(name).matches(), name);
        }
    }
}
