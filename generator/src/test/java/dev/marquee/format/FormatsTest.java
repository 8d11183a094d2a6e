package dev.marquee.format;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** One formatter for every number, date and header the site and the PDF show: a case per unit and grain. */
class FormatsTest {

    /**
     * Every figure rounds half-even (45.25 minutes are 45.2), but one shortened to thousands or more rounds half-up, as
     * a reader shortens the full figure a table shows beside it: $12,450 is $12.5K.
     */
    @ParameterizedTest(name = "{1} {0}: compact {2}, full {3}, with its unit {4}")
    @CsvSource(delimiter = '|', value = {
            "1234567.8 | HOURS    | 1.2M hours     | 1,234,568         | 1,234,568 hours",
            "1         | HOURS    | 1 hour         | 1.0               | 1.0 hour",
            // Hours and minutes keep their cell's decimal under 100 in prose and tiles, without a trailing ".0".
            "34.53     | HOURS    | 34.5 hours     | 34.5              | 34.5 hours",
            "12        | HOURS    | 12 hours       | 12.0              | 12.0 hours",
            "0.96      | HOURS    | 1 hour         | 1.0               | 1.0 hours",
            "250.4     | HOURS    | 250 hours      | 250               | 250 hours",
            "12345     | HOURS    | 12.3K hours    | 12,345            | 12,345 hours",
            "45.25     | MINUTES  | 45.2 min       | 45.2              | 45.2 minutes",
            "4153.9    | MEMBERS  | 4,154 members  | 4,154             | 4,154 members",
            "1         | MEMBERS  | 1 member       | 1                 | 1 member",
            "12        | TITLES   | 12 titles      | 12                | 12 titles",
            "2.5       | DAYS     | 2.5 days       | 2.5               | 2.5 days",
            "0.04038   | PERCENT  | 4.0%           | 4.0%              | 4.0%",
            "0.11111   | CHANGE   | +11.1%         | +11.1%            | +11.1%",
            "-0.0321   | CHANGE   | −3.2%          | −3.2%             | −3.2%",
            "16.41     | USD      | $16.41         | $16.41            | $16.41",
            "798.2     | USD      | $798           | $798.20           | $798.20",
            "56095.31  | USD      | $56.1K         | $56,095.31        | $56,095.31",
            "-12.5     | USD      | -$12.50        | -$12.50           | -$12.50",
            "12450     | DOLLARS  | $12.5K         | $12,450           | $12,450",
            "31250     | USD      | $31.3K         | $31,250.00        | $31,250.00",
            "-12450    | DOLLARS  | -$12.5K        | -$12,450          | -$12,450",
            "1250000   | HOURS    | 1.3M hours     | 1,250,000         | 1,250,000 hours",
            "124500    | COUNT    | 125K           | 124,500           | 124,500",
            // Money made whole (revenue rounded to a step of a dollar or more, and its forecast): never cents.
            "56000     | DOLLARS  | $56K           | $56,000           | $56,000",
            "58720.73  | DOLLARS  | $58.7K         | $58,721           | $58,721",
            "1200      | DOLLARS  | $1,200         | $1,200            | $1,200",
            "16.5      | DOLLARS  | $16            | $16               | $16",
            "-200      | DOLLARS  | -$200          | -$200             | -$200",
            "3.6697    | SCORE    | 3.67 / 5       | 3.67              | 3.67 / 5",
            "2024      | YEAR     | 2024           | 2024              | 2024",
            "0.83      | DECIMAL  | 0.83           | 0.83              | 0.83",
            "15000     | COUNT    | 15K            | 15,000            | 15,000",
            "2.8157    | COUNT    | 2.8            | 2.8               | 2.8",
            // A unit a question declares: a style and the noun it counts, singular for exactly one.
            "1234567   | count sessions          | 1.2M sessions  | 1,234,567  | 1,234,567 sessions",
            "1         | count sessions          | 1 session      | 1          | 1 session",
            "2.5       | count sessions          | 2.5 sessions   | 2.5        | 2.5 sessions",
            "1         | count person/people     | 1 person       | 1          | 1 person",
            "3         | count person/people     | 3 people       | 3          | 3 people",
            "4153.9    | whole subscribers       | 4,154 subscribers | 4,154   | 4,154 subscribers",
            "2.345     | decimal goals           | 2.35 goals     | 2.35       | 2.35 goals",
            "1         | count series/series     | 1 series       | 1          | 1 series",
    })
    void aNumber_isWrittenByItsUnit(double value, Unit unit, String compact, String full, String withUnit) {
        assertEquals(compact, Formats.compact(value, unit));
        assertEquals(full, Formats.full(value, unit));
        assertEquals(withUnit, Formats.withUnit(value, unit));
    }

    /** What We Watched's "available globally" read "true" in the page's table; the CSV keeps the machine's word. */
    @Test
    void aYesOrNoCell_readsAsAWord() {
        assertEquals("yes", Formats.cell(true, Unit.COUNT));
        assertEquals("no", Formats.cell(false, Unit.COUNT));
        assertEquals("true", Formats.plain(true));
    }

    @Test
    void aDate_isWrittenByItsGrain_orByItsDayWhenNoneIsDeclared() {
        LocalDate first = LocalDate.of(2024, 12, 1);
        LocalDate fifth = LocalDate.of(2024, 12, 5);
        assertEquals("Dec 2024", Formats.date(first, Optional.of(Grain.MONTH)));
        assertEquals("Dec 2024", Formats.date(fifth, Optional.of(Grain.MONTH)));
        assertEquals("1 Dec 2024", Formats.date(first, Optional.of(Grain.DAY)));
        assertEquals("Dec 2024", Formats.date(first, Optional.empty()), "a first of a month, undeclared: its month");
        assertEquals("5 Dec 2024", Formats.date(fifth, Optional.empty()));
    }

    @ParameterizedTest
    @CsvSource({"churn_rate, churn rate", "baseline_mape, baseline MAPE", "low_95, 95% low", "high80, 80% high",
            "mrr, MRR", "title_id, title ID", "imdb_score, IMDb score"})
    void aColumnsName_isItsHeader(String column, String header) {
        assertEquals(header, Formats.header(column));
    }

    @Test
    void aChange_isSignedInPercent_andAShareIsAPercent() {
        assertEquals("+18.9%", Formats.change(0.189));
        assertEquals("−3.4%", Formats.change(-0.034));
        assertEquals("±0.0%", Formats.change(0.0));
        assertEquals("12.3%", Formats.percent(0.1234));
    }
}
