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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The signups per month are published three times in a report: the monthly signups (with their running total), their
 * seasonality (each month of the year added up over the years) and the outlook's new signups. A month one of them hides
 * to protect another group is given back by none of the others. Found by SubtractionAuditTest on the sample sliced by
 * plan (the Basic slice's June 2022 was its June seasonality minus the Junes of 2023 and 2024, and the Premium slice's 9
 * June signups with it) and by country (Canada's March 2024, hidden in its signups, was shown by the outlook).
 */
class SignupsAcrossResultsTest {

    private static final int K = 10;
    private static final List<String> MONTHS = List.of("2022-06", "2022-07", "2022-08", "2023-06", "2023-07", "2023-08");

    @Test
    void aMonthHiddenToProtectAnotherSlice_blanksItsMonthOfTheYear_andIsHiddenByTheOutlookToo() {
        List<Answer> computed = List.of(signups(16, 20, 40, 34, 30, 45), outlook(16, 20, 40, 34, 30, 45));

        List<Answer> published = Disclosure.protect(computed, K, Map.of(), Map.of("signups/monthly", Set.of(List.of("event files", "2022-06-01"))));

        Table monthly = published.get(0).result("monthly");
        Table seasonality = published.get(0).result("seasonality");
        assertNull(seasonality.value(0, "signups"), "June over the years minus the Junes shown would give June 2022");
        for (int r = 0; r < seasonality.rowCount(); r++) {
            long monthOfYear = (Long) seasonality.value(r, "month_number");
            boolean hidesOne = false;
            for (int m = 0; m < monthly.rowCount(); m++) {
                hidesOne |= ((LocalDate) monthly.value(m, "month")).getMonthValue() == monthOfYear && monthly.value(m, "signups") == null;
            }
            assertEquals(hidesOne, seasonality.value(r, "signups") == null,
                    "a month of the year shows no figure exactly when the monthly signups hide one of its months: " + monthOfYear);
        }
        Table newSignups = published.get(1).result("new_signups");
        assertNull(newSignups.value(0, "value"), "the outlook's June 2022");
        assertTrue(published.get(0).notes().get("seasonality").contains("a month of the year holding a hidden month) is not shown either"),
                "the seasonality's note says why: " + published.get(0).notes().get("seasonality"));
    }

    @Test
    void aMonthOfTheYearWhoseMonthsAreAllShown_isShown() {
        List<Answer> computed = List.of(signups(16, 20, 40, 34, 30, 45));

        List<Answer> published = Disclosure.protect(computed, K, Map.of(), Map.of("signups/monthly", Set.of(List.of("event files", "2022-06-01"))));

        // June 2022 is hidden, and July 2022 beside it (the smallest shown, its partner in the monthly table).
        Table seasonality = published.get(0).result("seasonality");
        assertNull(seasonality.value(0, "signups"), "June");
        assertNull(seasonality.value(1, "signups"), "July");
        assertEquals(85L, seasonality.value(2, "signups"), "August 2022 and 2023, both shown");
        assertEquals(42.5, seasonality.value(2, "average_signups"));
    }

    @Test
    void aMonthHiddenOutsideTheSeasonalitysYears_hidesNoMonthOfTheYear() {
        // 2022 is not a complete year here (say the data starts in June): the seasonality is 2023's alone.
        List<Answer> computed = List.of(signupsFrom(2023, 16, 20, 40, 34, 30, 45));

        List<Answer> published = Disclosure.protect(computed, K, Map.of(), Map.of("signups/monthly", Set.of(List.of("event files", "2022-06-01"))));

        Table seasonality = published.get(0).result("seasonality");
        assertEquals(List.of(34L, 30L, 45L), List.of(seasonality.value(0, "signups"), seasonality.value(1, "signups"),
                seasonality.value(2, "signups")), "June to August 2023, all shown");
    }

    @Test
    void withNoMonthHidden_everyResultShowsItsFigures() {
        List<Answer> computed = List.of(signups(16, 20, 40, 34, 30, 45), outlook(16, 20, 40, 34, 30, 45));

        List<Answer> published = Disclosure.protect(computed, K);

        assertEquals(50L, published.get(0).result("seasonality").value(0, "signups"));
        assertEquals(85L, published.get(0).result("seasonality").value(2, "signups"));
        assertEquals(16.0, published.get(1).result("new_signups").value(0, "value"));
    }

    /** The signups question's monthly signups (with running totals) and seasonality over two years of June to August. */
    private static Answer signups(long... perMonth) {
        return signupsFrom(2022, perMonth);
    }

    /** The same, with a seasonality of the complete years from {@code firstYear} to 2023. */
    private static Answer signupsFrom(int firstYear, long... perMonth) {
        List<List<Object>> monthly = new ArrayList<>();
        long total = 0;
        for (int m = 0; m < MONTHS.size(); m++) {
            total += perMonth[m];
            monthly.add(Arrays.asList("event files", month(m), perMonth[m], total));
        }
        List<List<Object>> seasonality = new ArrayList<>();
        for (int m = 0; m < 3; m++) {
            long sum = firstYear == 2022 ? perMonth[m] + perMonth[m + 3] : perMonth[m + 3];
            double years = 2023 - firstYear + 1;
            seasonality.add(Arrays.asList("event files", (long) month(m).getMonthValue(), month(m).getMonth().toString(),
                    (long) firstYear, 2023L, sum / years, sum));
        }
        Table monthlyTable = new Table(List.of(new Column("source", ColumnType.TEXT), new Column("month", ColumnType.DATE),
                new Column("signups", ColumnType.INTEGER), new Column("cumulative_signups", ColumnType.INTEGER)), monthly);
        Table seasonalityTable = new Table(List.of(new Column("source", ColumnType.TEXT), new Column("month_number", ColumnType.INTEGER),
                new Column("month_of_year", ColumnType.TEXT), new Column("first_year", ColumnType.INTEGER),
                new Column("last_year", ColumnType.INTEGER), new Column("average_signups", ColumnType.DECIMAL),
                new Column("signups", ColumnType.INTEGER)), seasonality);
        return new Answer(Fixtures.question("signups"), Map.of("monthly", monthlyTable, "seasonality", seasonalityTable), Map.of());
    }

    /** The outlook question's new signups per month, the series its forecast reads. */
    private static Answer outlook(long... perMonth) {
        List<List<Object>> rows = new ArrayList<>();
        for (int m = 0; m < MONTHS.size(); m++) {
            rows.add(Arrays.asList(month(m), (double) perMonth[m]));
        }
        Table table = new Table(List.of(new Column("month", ColumnType.DATE), new Column("value", ColumnType.DECIMAL)), rows);
        return new Answer(Fixtures.question("outlook"), Map.of("new_signups", table), Map.of());
    }

    private static LocalDate month(int m) {
        return LocalDate.parse(MONTHS.get(m) + "-01");
    }
}
