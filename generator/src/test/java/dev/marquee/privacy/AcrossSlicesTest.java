package dev.marquee.privacy;

import dev.marquee.Fixtures;
import dev.marquee.catalog.Question;
import dev.marquee.engine.Column;
import dev.marquee.engine.ColumnType;
import dev.marquee.engine.Table;
import dev.marquee.query.Answer;
import dev.marquee.run.Background;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A KPI the whole report shows, against the slices that hide it: together they hold k of its group, or none. */
class AcrossSlicesTest {

    private static final int K = 10;
    private static final List<Column> COLUMNS = List.of(new Column("kpi", ColumnType.TEXT), new Column("unit", ColumnType.TEXT),
            new Column("value", ColumnType.DECIMAL), new Column("previous_month", ColumnType.DECIMAL),
            new Column("year_ago", ColumnType.DECIMAL), new Column("members", ColumnType.INTEGER), new Column("part", ColumnType.INTEGER));

    @Test
    void aWithheldSliceOfThreeMembers_isJoinedByTheSmallestShownSlice() {
        // Active members: whole 25 = A 12 + B 10 + C 3, C withheld. 25 - 12 - 10 = 3 members recoverable: B (10) is
        // hidden too, and 25 - 12 = 13 leaves no group under 10.
        AcrossSlices.SliceKpis whole = kpis(members("active", 25));
        List<Optional<AcrossSlices.SliceKpis>> slices = List.of(Optional.of(kpis(members("active", 12))),
                Optional.of(kpis(members("active", 10))), Optional.empty());

        assertEquals(List.of(Set.of(), Set.of("active/value"), Set.of()), AcrossSlices.hidden(whole, slices, K));
    }

    @Test
    void aFigureTheWholeReportShowsUnderAnotherName_isNotTheOneHidden() {
        // Active members: whole 50 = A 25 + B 20 + C 5, C withheld. B would be hidden (the smaller), but the whole
        // report shows B's 20 anyway (its region's row of members by region): hiding it protects nothing, so A's is.
        AcrossSlices.SliceKpis whole = kpis(members("active", 50));
        List<Optional<AcrossSlices.SliceKpis>> slices = List.of(Optional.of(kpis(members("active", 25))),
                Optional.of(kpis(members("active", 20))), Optional.empty());

        assertEquals(List.of(Set.of("active/value"), Set.of(), Set.of()), AcrossSlices.hidden(whole, slices, K,
                List.of(Set.of(), Set.of(), Set.of()), List.of(Set.of(), Set.of("active/value"), Set.of())));
        assertEquals(List.of(Set.of(), Set.of("active/value"), Set.of()), AcrossSlices.hidden(whole, slices, K));
    }

    @Test
    void slicesThatShowEveryFigure_orHideKOrMoreTogether_hideNothingMore() {
        AcrossSlices.SliceKpis whole = kpis(members("active", 40));
        List<Optional<AcrossSlices.SliceKpis>> slices = List.of(Optional.of(kpis(members("active", 25))),
                Optional.of(kpis(members("active", 15))));
        assertEquals(List.of(Set.of(), Set.of()), AcrossSlices.hidden(whole, slices, K));

        // A withheld slice of 12: 40 - 28 = 12 members, a group of k or more.
        slices = List.of(Optional.of(kpis(members("active", 28))), Optional.empty());
        assertEquals(List.of(Set.of()), AcrossSlices.hidden(whole, slices, K).subList(0, 1));
    }

    @Test
    void aRatesPart_countsToo_theChurnersOfTheSlicesThatHideIt() {
        // Churn rate 6 / 60: slice A 3 of 30 (its 3 churners are under k: hidden by A itself), B 3 of 30 shown.
        // 6 - 3 = 3 churners of A recoverable from the whole's rate and B's: B's rate is hidden too.
        AcrossSlices.SliceKpis whole = kpis(rate("churn", 0.1, 60, 6));
        Row a = rate("churn", null, 30, 3);
        List<Optional<AcrossSlices.SliceKpis>> slices = List.of(Optional.of(kpis(a)), Optional.of(kpis(rate("churn", 0.1, 30, 3))));

        assertEquals(List.of(Set.of(), Set.of("churn/value")), AcrossSlices.hidden(whole, slices, K));
    }

    @Test
    void aKpiWithoutGroup_isNotAboutMembers_andIsLeftAlone() {
        Row rating = new Row("rating", "score", 3.5, Double.NaN, Double.NaN);
        AcrossSlices.SliceKpis whole = kpis(rating);
        List<Optional<AcrossSlices.SliceKpis>> slices = List.of(Optional.of(kpis(rating)), Optional.empty());
        assertEquals(List.of(Set.of(), Set.of()), AcrossSlices.hidden(whole, slices, K));
    }

    @Test
    void aSignupMonthOneSliceHides_isHiddenInTheSmallestSliceShowingIt_andSoIsARunningTotalThatWouldGiveIt() {
        // Given the signups question's monthly result, January 2024 then February: whole 30 and 40; A 12 and 20, B 15
        // and 20, C 3 and 0. C hides January (3 is under k) on its own, and February's running total, which would give
        // January's 3. The whole minus A and B would give C's 3 too, in January's signups and February's running total.
        Question signups = Fixtures.question("signups");
        AcrossSlices.Answers whole = answers(signups, "2024-01:30", "2024-02:40");
        List<AcrossSlices.Answers> slices = List.of(answers(signups, "2024-01:12", "2024-02:20"),
                answers(signups, "2024-01:15", "2024-02:20"), answers(signups, "2024-01:3", "2024-02:0"));

        List<AcrossSlices.Decision> decided;
        try (Background background = Background.open()) {
            decided = AcrossSlices.protect(background, whole, slices, K, Map.of());
        }

        // Then A, showing the fewest, hides January (30 − 15 = 15 members of A and C) and February (running totals
        // 70 − 35 = 35 of A and C). February is then hidden by A alone of the slices with signups in it (C has none): the
        // whole minus B would give A's 20 exactly, and with a later month's running total A's hidden January. B hides
        // February too, and with it January (a month hidden alone would be B's total minus the rest). Hidden rows are
        // counted where differencing forced them: B's February.
        assertEquals(List.of(2, 1, 0), decided.stream().map(AcrossSlices.Decision::hiddenRows).toList());
        assertEquals(Arrays.asList(Arrays.asList(null, null), Arrays.asList(null, null)), figures(decided.get(0)));
        assertEquals(Arrays.asList(Arrays.asList(null, null), Arrays.asList(null, null)), figures(decided.get(1)));
        assertEquals(Arrays.asList(Arrays.asList(null, null), Arrays.asList(null, null)), figures(decided.get(2)));
    }


    /** A report's answer to the signups question: its monthly result, each row "yyyy-mm:signups", as computed and published. */
    private static AcrossSlices.Answers answers(Question question, String... months) {
        List<List<Object>> rows = new ArrayList<>();
        long cumulative = 0;
        for (String month : months) {
            long signups = Long.parseLong(month.split(":")[1]);
            cumulative += signups;
            rows.add(Arrays.asList("event files", LocalDate.parse(month.split(":")[0] + "-01"), signups, cumulative));
        }
        Table monthly = new Table(List.of(new Column("source", ColumnType.TEXT), new Column("month", ColumnType.DATE),
                new Column("signups", ColumnType.INTEGER), new Column("cumulative_signups", ColumnType.INTEGER)), rows);
        List<Answer> computed = List.of(new Answer(question, Map.of("monthly", monthly), Map.of()));
        return new AcrossSlices.Answers(computed, Disclosure.protect(computed, K));
    }

    /** Each month's signups and running total as a slice publishes them. */
    private static List<List<Object>> figures(AcrossSlices.Decision decision) {
        return decision.published().get(0).result("monthly").rows().stream().map(r -> r.subList(2, 4)).toList();
    }

    /** A KPI row: its value (null when the report hides it), its group and its part (NaN: no such column value). */
    private record Row(String kpi, String unit, Double value, double members, double part) {
    }

    private static Row members(String kpi, double count) {
        return new Row(kpi, "members", count, Double.NaN, Double.NaN);
    }

    private static Row rate(String kpi, Double value, double members, double part) {
        return new Row(kpi, "percent", value, members, part);
    }

    /** The same rows computed and published: a row whose value is null is published hidden, computed as 1.0. */
    private static AcrossSlices.SliceKpis kpis(Row... rows) {
        List<List<Object>> computed = new ArrayList<>();
        List<List<Object>> published = new ArrayList<>();
        for (Row row : rows) {
            Object members = Double.isNaN(row.members()) ? null : (Object) (long) row.members();
            Object part = Double.isNaN(row.part()) ? null : (Object) (long) row.part();
            computed.add(Arrays.asList(row.kpi(), row.unit(), row.value() == null ? 1.0 : row.value(), null, null, members, part));
            published.add(Arrays.asList(row.kpi(), row.unit(), row.value(), null, null, members, part));
        }
        return new AcrossSlices.SliceKpis(Map.of("q", new Table(COLUMNS, computed)), Map.of("q", new Table(COLUMNS, published)));
    }
}
