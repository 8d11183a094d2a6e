package dev.marquee.report;

import dev.marquee.catalog.Catalog;
import dev.marquee.catalog.Question;
import dev.marquee.engine.Column;
import dev.marquee.engine.ColumnType;
import dev.marquee.engine.Table;
import dev.marquee.model.DataModel;
import dev.marquee.query.Answer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A narrative names the highest group only when the data sets it apart. The narrative
 * {@code Churn was highest in {{ by_region.region[0] | apart }}. Churn was about the same in {{ by_region.region[0] | alike }}
 * and {{ by_region.region[0] | next }}.} keeps the first sentence when the first row's 95% Wilson interval (of churners
 * over members) lies above every other row's, the second otherwise; {@code | next} names the row with the closest rate. Intervals by hand (z = 1.96, n = 100): 50 of 100 is 40.4–59.6%, 15 of 100 is 9.3–23.5%,
 * 10 of 100 is 5.5–17.4%.
 */
class NarrativeContrastTest {

    private static final String NARRATIVE = "Churn was highest in {{ by_region.region[0] | apart }}. "
            + "Churn was about the same in {{ by_region.region[0] | alike }} and {{ by_region.region[0] | next }}.";

    @TempDir
    Path questions;

    @Test
    void highestGroup_whoseIntervalIsAboveTheNext_isNamedTheHighest() throws Exception {
        String text = givenRegions(row("Latin America", 100L, 50L), row("Europe", 100L, 10L));

        assertEquals("Churn was highest in Latin America.", text);
    }

    @Test
    void highestGroup_whoseIntervalOverlapsTheNext_isAboutTheSame() throws Exception {
        // 15 of 100 (low 9.3%) against 10 of 100 (high 17.4%).
        String text = givenRegions(row("Latin America", 100L, 15L), row("Europe", 100L, 10L));

        assertEquals("Churn was about the same in Latin America and Europe.", text);
    }

    /** 15 of 100 against Europe's 10 of 100 and Oceania's 12 of 100: the next is the closest rate, not the next row. */
    @Test
    void theNextGroup_isTheOneWithTheClosestRate() throws Exception {
        String text = givenRegions(row("Latin America", 100L, 15L), row("Europe", 100L, 10L), row("Oceania", 100L, 12L));

        assertEquals("Churn was about the same in Latin America and Oceania.", text);
    }

    /**
     * The merged row's interval is not published, so a sentence is never checked against it: with Other at 12 of 100
     * between them, Latin America (15 of 100, 9.3–23.5%) is compared with Europe (5 of 100, 2.2–11.2%): they overlap.
     */
    @Test
    void theMergedRow_isNeverTheNextGroup_evenWithTheClosestRate() throws Exception {
        String text = givenRegions(row("Latin America", 100L, 15L), row("Europe", 100L, 5L), row("Other (small groups)", 100L, 12L));

        assertEquals("Churn was about the same in Latin America and Europe.", text);
    }

    @Test
    void mergedRowWithAHigherRate_keepsTheFirstRowFromBeingCalledTheHighest() throws Exception {
        // Nor about the same as Other, whose interval the table does not give: neither sentence is said.
        String text = givenRegions(row("Latin America", 100L, 50L), row("Europe", 100L, 10L), row("Other (small groups)", 100L, 60L));

        assertEquals("", text);
    }

    @Test
    void rowWithHiddenFigures_takesNoPartInTheComparison() throws Exception {
        String text = givenRegions(row("Latin America", 100L, 50L), row("Asia-Pacific", null, null), row("Europe", 100L, 10L));

        assertEquals("Churn was highest in Latin America.", text);
    }

    @Test
    void onlyOneGroup_isNeitherTheHighest_norAboutTheSameAsANextThatIsNotThere() throws Exception {
        // A country's slice has one region: "about the same as the next" would compare it with nothing.
        String text = givenRegions(row("Latin America", 100L, 50L));

        assertEquals("", text);
    }

    @Test
    void firstRowWithHiddenFigures_isComparedWithNothing() throws Exception {
        // A slice whose one region is hidden against differencing: its row is "Other (small groups)" without figures.
        String text = givenRegions(row("Other (small groups)", null, null));

        assertEquals("", text);

        text = givenRegions(row("Asia-Pacific", null, null), row("Europe", 100L, 10L));

        assertEquals("", text);
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    @SafeVarargs
    private String givenRegions(List<Object>... rows) throws Exception {
        Files.writeString(questions.resolve("churn.md"), """
                ---
                title: Churn
                question: Where do members leave?
                order: 1
                requires: [users]
                privacy:
                  - result: by_region
                    members: members
                    parts: [churners]
                    small: merge
                    label: region
                charts:
                  - id: by-region
                    query: by_region
                    kind: table
                    title: Churn by region
                ---
                """ + NARRATIVE + "\n");
        Files.writeString(questions.resolve("churn.sql"),
                "-- name: by_region\nSELECT country AS region, count(*) AS members, count(*) AS churners FROM users GROUP BY country\n");
        Question question = Catalog.read(questions, Set.copyOf(DataModel.standard().tableNames()),
                DataModel.standard().memberTables()).get(0);
        Table table = new Table(List.of(new Column("region", ColumnType.TEXT), new Column("members", ColumnType.INTEGER),
                new Column("churners", ColumnType.INTEGER)), List.of(rows));
        return Narrative.expand(new Answer(question, Map.of("by_region", table), Map.of()));
    }
}
