package dev.marquee.privacy;

import dev.marquee.Fixtures;
import dev.marquee.engine.Column;
import dev.marquee.engine.ColumnType;
import dev.marquee.engine.Table;
import dev.marquee.query.Answer;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A chart's note says what its count counts: "(17 rows)" alone was read as the rows shown. */
class SuppressionNoteTest {

    @Test
    void aMergedResultsNote_countsTheRowsMerged_andACountrysPageDropsTheCount() {
        // Members by country: Iceland's 3 are merged, with the next smallest, Malta's 12 (the total is published).
        Table byCountry = new Table(List.of(new Column("source", ColumnType.TEXT), new Column("country", ColumnType.TEXT),
                new Column("members", ColumnType.INTEGER), new Column("share", ColumnType.DECIMAL)),
                List.of(Arrays.asList("event files", "France", 100L, 0.87), Arrays.asList("event files", "Malta", 12L, 0.1),
                        Arrays.asList("event files", "Iceland", 3L, 0.03)));
        Answer answer = new Answer(Fixtures.question("members"), Map.of("by_country", byCountry), Map.of());

        String note = Disclosure.protect(List.of(answer), 10).get(0).notes().get("by_country");

        assertEquals("Groups of fewer than 10 members, or with 1 to 9 members in one of their parts, are merged into “Other (small "
                + "groups)”, with the next smallest where a total would otherwise reveal them (2 rows merged).", note);
        assertEquals("Groups of fewer than 10 members, or with 1 to 9 members in one of their parts, are merged into “Other (small "
                + "groups)”, with the next smallest where a total would otherwise reveal them.", Disclosure.withoutRowCount(note));
        assertEquals("… reveal them.", Disclosure.withoutRowCount("… reveal them (2 rows merged; 1 country merged with all its rows)."));
        assertEquals("… reveal them.", Disclosure.withoutRowCount("… reveal them (16 countries merged with all their rows)."));
        assertEquals("… reveal them.", Disclosure.withoutRowCount("… reveal them (107 rows not shown)."));
        // Months of a trend are left out, not merged into an "Other" month; rows hidden for others are counted apart.
        assertEquals("… reveal them.", Disclosure.withoutRowCount("… reveal them (22 rows merged; 1 month left out)."));
        assertEquals("… reveal them.", Disclosure.withoutRowCount("… reveal them (2 months left out)."));
        assertEquals("… reveal them.", Disclosure.withoutRowCount("… reveal them (25 rows not shown; all of them so that no hidden "
                + "figure can be worked out from published ones)."));
        assertEquals("… give back (1 more row).", Disclosure.withoutRowCount("… give back (1 more row)."));
    }

    @Test
    void aMergedResultsNote_countsTheRowsMergedForOthersApart() {
        // Germany's 50 are merged not for a small group of their own but to protect one another figure would give back
        // (the churn by country's South Korea, whose start, churners and current members gave its 8 joiners), and Spain's
        // 17 with them, since the published total less France would give Germany's: both rows are merged for others.
        Table byCountry = new Table(List.of(new Column("source", ColumnType.TEXT), new Column("country", ColumnType.TEXT),
                new Column("members", ColumnType.INTEGER), new Column("share", ColumnType.DECIMAL)),
                List.of(Arrays.asList("event files", "France", 100L, 0.6), Arrays.asList("event files", "Germany", 50L, 0.3),
                        Arrays.asList("event files", "Spain", 17L, 0.1)));
        Answer answer = new Answer(Fixtures.question("members"), Map.of("by_country", byCountry), Map.of());

        String note = Disclosure.protect(List.of(answer), 10, Map.of(), Map.of("members/by_country",
                java.util.Set.of(List.of("event files", "Germany")))).get(0).notes().get("by_country");

        assertEquals("Groups of fewer than 10 members, or with 1 to 9 members in one of their parts, are merged into “Other (small "
                + "groups)”, with the next smallest where a total would otherwise reveal them (2 rows merged; all of them so that "
                + "no hidden figure can be worked out from published ones).", note);
        assertEquals("… reveal them.", Disclosure.withoutRowCount("… reveal them (2 rows merged; 1 of them so that no hidden figure "
                + "can be worked out from published ones)."));
    }
}
