package dev.marquee.privacy;

import dev.marquee.catalog.GroupSpec;
import dev.marquee.catalog.GroupSpec.Small;
import dev.marquee.engine.Column;
import dev.marquee.engine.ColumnType;
import dev.marquee.engine.Table;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A grouped result the whole report shows, against the same rows of its slices: the slices that do not show a row
 * hold, together, k or more of each of its groups, or none. k = 10; rows are written "label:value,value", empty for
 * a figure not shown.
 */
class SliceRowsTest {

    private static final int K = 10;
    private static final GroupSpec SIGNUPS = new GroupSpec("monthly", "signups", false, List.of(), List.of(), List.of(), Small.HIDE,
            Optional.empty(), Optional.empty(), List.of(), List.of(), 1);

    @Test
    void aMonthOneSliceHides_isHiddenInTheSmallestSliceStillShowingIt() {
        // Given signups in January: whole 30, A 12, B 15, C 3 (C hides it: 3 is under k). 30 − 12 − 15 = 3 would give
        // C's 3. Then A (12, the smallest showing it) hides January too: 30 − 15 = 15 members of A and C together.
        // February: 40 − 20 − 20 = 0, C has none: nothing to hide.
        Table whole = table("month", "signups", "Jan:30", "Feb:40");
        List<Optional<Table>> slices = List.of(Optional.of(table("month", "signups", "Jan:12", "Feb:20")),
                Optional.of(table("month", "signups", "Jan:15", "Feb:20")), Optional.of(table("month", "signups", "Jan:", "Feb:0")));

        assertEquals(List.of(Set.of(List.of("Jan")), Set.of(), Set.of()), SliceRows.hidden(whole, slices, SIGNUPS, K));
    }

    @Test
    void theRowIsHiddenFirstInASliceThatAlreadyHidesSome_sparingTheSlicesShowingEveryRow() {
        // Given January: whole 30, A 12, B 15, C 3 (hidden); B already hides its February (5, with C's 30: 60 − 25 = 35
        // of them). A shows the fewest, but hiding January there would cost A its running totals and a partner row of
        // its own; B's are gone already.
        Table whole = table("month", "signups", "Jan:30", "Feb:60");
        List<Optional<Table>> slices = List.of(Optional.of(table("month", "signups", "Jan:12", "Feb:25")),
                Optional.of(table("month", "signups", "Jan:15", "Feb:")), Optional.of(table("month", "signups", "Jan:", "Feb:")));

        assertEquals(List.of(Set.of(), Set.of(List.of("Jan")), Set.of()), SliceRows.hidden(whole, slices, SIGNUPS, K));
    }

    @Test
    void aWithheldSlice_holdingKOrMore_orNone_letsEverySliceShowTheRow() {
        // January: 40 − 25 = 15 members of the withheld slice. February: 40 − 25 − 15 = 0.
        Table whole = table("month", "signups", "Jan:40");
        assertEquals(List.of(Set.of(), Set.of()), SliceRows.hidden(whole, List.of(Optional.of(table("month", "signups", "Jan:25")),
                Optional.empty()), SIGNUPS, K));
        assertEquals(List.of(Set.of(), Set.of()), SliceRows.hidden(table("month", "signups", "Feb:40"),
                List.of(Optional.of(table("month", "signups", "Feb:25")), Optional.of(table("month", "signups", "Feb:15"))), SIGNUPS, K));
    }

    @Test
    void aPartTheOtherSlicesHoldUnderK_hidesTheRowInTheSliceWithTheFewestOfThatPart() {
        // Given Europe: whole 100 members, 24 churners; A 50 and 12, B 30 and 10 shown; C withheld (20 and 2).
        // Members: 100 − 80 = 20, but churners: 24 − 22 = 2, C's 2 churners. B shows the fewest churners: hidden; then
        // 24 − 12 = 12 churners, 50 members and 38 who stayed, for B and C together.
        GroupSpec churn = new GroupSpec("by_region", "members", false, List.of("churners"), List.of(), List.of(), Small.MERGE,
                Optional.of("region"), Optional.empty(), List.of(), List.of(), 1);
        Table whole = table("region", "members,churners", "Europe:100,24");
        List<Optional<Table>> slices = List.of(Optional.of(table("region", "members,churners", "Europe:50,12")),
                Optional.of(table("region", "members,churners", "Europe:30,10")), Optional.empty());

        assertEquals(List.of(Set.of(), Set.of(List.of("Europe")), Set.of()), SliceRows.hidden(whole, slices, churn, K));
    }

    @Test
    void aSlicesOtherRow_isMatchedWithTheWholesOtherRow_byItsName() {
        // Given the whole's Other (small groups) 30; A's 12 and B's 15, C withheld: 30 − 12 − 15 = 3. A's Other, the
        // smaller, is hidden. A row a slice has merged into its Other is not shown by it: Spain, 50 in the whole and 45
        // in B, leaves 5 in A's Other: B hides Spain.
        GroupSpec members = new GroupSpec("by_country", "members", false, List.of(), List.of(), List.of(), Small.MERGE,
                Optional.of("country"), Optional.empty(), List.of(), List.of(), 1);
        Table whole = table("country", "members", "Spain:50", Disclosure.OTHER + ":30");
        List<Optional<Table>> slices = List.of(Optional.of(table("country", "members", Disclosure.OTHER + ":12")),
                Optional.of(table("country", "members", "Spain:45", Disclosure.OTHER + ":15")), Optional.empty());

        assertEquals(List.of(Set.of(List.of(Disclosure.OTHER)), Set.of(List.of("Spain")), Set.of()),
                SliceRows.hidden(whole, slices, members, K));
    }

    @Test
    void theWholesOtherRow_isMatchedWithTheSlicesRowsOfTheValuesItMerged() {
        // Given churn by region: the whole merges Asia-Pacific (649 active, 26 churners) and Middle East & Africa (60, 8)
        // into Other (709, 34). The Asia-Pacific slice shows its Asia-Pacific row; the Middle East & Africa slice shows
        // its 60 members and hides its 8 churners. 34 − 26 = 8 churners: the Asia-Pacific slice hides its row. A slice
        // whose Other holds only merged values (Middle East & Africa) is subtracted too; Europe, shown by the whole by
        // name, is matched by name as before.
        GroupSpec churn = new GroupSpec("by_region", "active", false, List.of("churners"), List.of(), List.of(), Small.MERGE,
                Optional.of("region"), Optional.empty(), List.of(), List.of(), 1);
        Table wholeComputed = table("region", "active,churners", "Europe:895,39", "Asia-Pacific:649,26", "Middle East & Africa:60,8");
        Table whole = table("region", "active,churners", "Europe:895,39", Disclosure.OTHER + ":709,34");
        List<Optional<Table>> computed = List.of(Optional.of(table("region", "active,churners", "Europe:895,39")),
                Optional.of(table("region", "active,churners", "Asia-Pacific:649,26")),
                Optional.of(table("region", "active,churners", "Middle East & Africa:60,8")));
        List<Optional<Table>> slices = List.of(Optional.of(table("region", "active,churners", "Europe:895,39")),
                Optional.of(table("region", "active,churners", "Asia-Pacific:649,26")),
                Optional.of(table("region", "active,churners", Disclosure.OTHER + ":60,")));

        assertEquals(List.of(Set.of(), Set.of(List.of("Asia-Pacific")), Set.of()),
                SliceRows.hidden(Optional.of(wholeComputed), whole, computed, slices, churn, K));
        // Read by name only, the whole's Other matches no slice's row: nothing was hidden.
        assertEquals(List.of(Set.of(), Set.of(), Set.of()), SliceRows.hidden(whole, slices, churn, K));
    }

    @Test
    void aRowOneSliceAloneDoesNotShow_isHiddenInASecondSlice_orTheWholeMinusTheOthersGivesIt() {
        // Given Europe: whole 100 members; A shows 50, B 30, C hides its 20 (to protect a small row of its own, say). No
        // slice is withheld: 100 − 50 − 30 = C's 20 exactly, and C's small row with it. B, the fewest still showing it,
        // hides it too: 100 − 50 = 50 for B and C together. With a withheld slice holding some of Europe, C's is not
        // known exactly, and nothing more is hidden.
        GroupSpec members = new GroupSpec("by_region", "members", false, List.of(), List.of(), List.of(), Small.MERGE,
                Optional.of("region"), Optional.empty(), List.of(), List.of(), 1);
        Table whole = table("region", "members", "Europe:100");
        List<Optional<Table>> computed = List.of(Optional.of(table("region", "members", "Europe:50")),
                Optional.of(table("region", "members", "Europe:30")), Optional.of(table("region", "members", "Europe:20")));
        List<Optional<Table>> slices = List.of(Optional.of(table("region", "members", "Europe:50")),
                Optional.of(table("region", "members", "Europe:30")), Optional.of(table("region", "members", "Europe:")));

        assertEquals(List.of(Set.of(), Set.of(List.of("Europe")), Set.of()),
                SliceRows.hidden(Optional.of(whole), whole, computed, slices, members, K));
        Table withWithheld = table("region", "members", "Europe:112");
        assertEquals(List.of(Set.of(), Set.of(), Set.of()),
                SliceRows.hidden(Optional.of(withWithheld), withWithheld, computed, slices, members, K));
    }

    /** A label column (text), then number columns; each row "label:n1,n2", empty for a figure not shown. */
    private static Table table(String label, String numbers, String... rows) {
        List<Column> columns = new ArrayList<>(List.of(new Column(label, ColumnType.TEXT)));
        for (String name : numbers.split(",")) {
            columns.add(new Column(name, ColumnType.INTEGER));
        }
        List<List<Object>> data = new ArrayList<>();
        for (String row : rows) {
            String[] parts = row.split(":", 2);
            List<Object> values = new ArrayList<>(List.of(parts[0]));
            Arrays.stream(parts[1].split(",", -1)).forEach(cell -> values.add(cell.isEmpty() ? null : Long.parseLong(cell)));
            data.add(values);
        }
        return new Table(columns, data);
    }
}
