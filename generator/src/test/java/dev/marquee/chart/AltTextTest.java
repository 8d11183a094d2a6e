package dev.marquee.chart;

import dev.marquee.catalog.ChartKind;
import dev.marquee.catalog.ChartSpec;
import dev.marquee.engine.Column;
import dev.marquee.engine.ColumnType;
import dev.marquee.engine.Table;
import dev.marquee.format.Unit;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Alt texts as a person would write them, in the words of the chart's labels; values as the report writes them. */
class AltTextTest {

    private static ChartSpec spec(ChartKind kind, String x, List<String> y, Optional<String> series, String xLabel, String yLabel,
                                  Unit unit) {
        return new ChartSpec("c", "q", kind, "Chart", x, y, series, xLabel, yLabel, unit, false, "", Optional.empty(), 1, List.of(),
                "", Optional.empty(), Map.of(), Map.of());
    }

    /** Given MRR of three countries: Brazil $1,234.50, Chile $99, Peru $16,700 ($16.7K in short form). */
    @Test
    void hbar_isABarChart_namedByItsLabels_withTheCountAndExtremes() {
        Table mrr = new Table(List.of(new Column("country", ColumnType.TEXT), new Column("mrr", ColumnType.DECIMAL)),
                List.of(List.of("Brazil", 1234.5), List.of("Chile", 99.0), List.of("Peru", 16700.0)));

        String alt = AltText.describe(spec(ChartKind.HBAR, "country", List.of("mrr"), Optional.empty(), "Country", "MRR", Unit.USD), mrr);

        assertEquals("Bar chart: MRR by country, 3 countries. Highest: Peru at $16.7K; lowest: Chile at $99.00.", alt);
    }

    /**
     * Given the userbase's MRR by country rounded to $50: Spain and the United States both $5,650, Australia, Germany and
     * Mexico $2,250. "Highest: Spain" named one of two; every country at the figure is named.
     */
    @Test
    void extremesSharedByTiedFigures_nameEveryOneOfThem() {
        Table mrr = new Table(List.of(new Column("country", ColumnType.TEXT), new Column("mrr", ColumnType.DECIMAL)),
                List.of(List.of("Spain", 5650.0), List.of("United States", 5650.0), List.of("France", 3000.0),
                        List.of("Australia", 2250.0), List.of("Germany", 2250.0), List.of("Mexico", 2250.0)));

        String alt = AltText.describe(spec(ChartKind.HBAR, "country", List.of("mrr"), Optional.empty(), "Country", "MRR", Unit.DOLLARS), mrr);

        assertEquals("Bar chart: MRR by country, 6 countries. Highest: Spain and United States at $5,650; lowest: Australia, "
                + "Germany and Mexico at $2,250.", alt);
    }

    /**
     * Given the churn rate by country as the sample report shows it: Brazil 5.6%, India 3.9%, and 22 countries merged into
     * Other at 3.8% (three quarters of the members, the United States among them): Other is not named the lowest.
     */
    @Test
    void theMergedRow_isNotNamedAsTheHighestOrLowest() {
        Table churn = new Table(List.of(new Column("country", ColumnType.TEXT), new Column("churn_rate", ColumnType.DECIMAL)),
                List.of(List.of("Brazil", 0.056), List.of("India", 0.039), List.of("Other (small groups)", 0.038)));

        String alt = AltText.describe(spec(ChartKind.HBAR, "country", List.of("churn_rate"), Optional.empty(), "Country",
                "Churn rate", Unit.PERCENT), churn);

        assertEquals("Bar chart: churn rate by country, 3 countries. Highest: Brazil at 5.6%; lowest: India at 3.9%. "
                + "“Other (small groups)” is several groups together and not ranked.", alt);
    }

    /** Given one country and Other: the country is the one bar besides Other. */
    @Test
    void oneGroupBesidesTheMergedRow_isTheOneBesidesOther() {
        Table churn = new Table(List.of(new Column("country", ColumnType.TEXT), new Column("churn_rate", ColumnType.DECIMAL)),
                List.of(List.of("Brazil", 0.056), List.of("Other (small groups)", 0.038)));

        String alt = AltText.describe(spec(ChartKind.HBAR, "country", List.of("churn_rate"), Optional.empty(), "Country",
                "Churn rate", Unit.PERCENT), churn);

        assertTrue(alt.endsWith("The one bar besides Other: Brazil at 5.6%. “Other (small groups)” is several groups together "
                + "and not ranked."), alt);
    }

    /** Given a slice's members by age band: 18–24 40, 25–34 35, and three bands hidden (too few, or to protect one). */
    @Test
    void barsWhoseFiguresAreHidden_areCounted_andSaidNotShown() {
        java.util.List<java.util.List<Object>> rows = new java.util.ArrayList<>();
        rows.add(java.util.Arrays.asList("<18", null));
        rows.add(java.util.Arrays.asList("18–24", 40L));
        rows.add(java.util.Arrays.asList("25–34", 35L));
        rows.add(java.util.Arrays.asList("35–44", null));
        rows.add(java.util.Arrays.asList("45+", null));
        Table bands = new Table(List.of(new Column("age_band", ColumnType.TEXT), new Column("members", ColumnType.INTEGER)), rows);

        String alt = AltText.describe(spec(ChartKind.BAR, "age_band", List.of("members"), Optional.empty(), "Age band", "Members",
                Unit.MEMBERS), bands);

        assertEquals("Bar chart: members by age band, 5 age bands (3 not shown). Highest shown: 18–24 at 40 members; lowest shown: "
                + "25–34 at 35 members.", alt);
    }

    /** Given a slice's churn rate of four months, two hidden and two at 0%: one figure said once, not one point twice. */
    @Test
    void pointsShownAllAlike_areSaidOnce() {
        java.util.List<java.util.List<Object>> rows = new java.util.ArrayList<>();
        rows.add(java.util.Arrays.asList(java.time.LocalDate.parse("2024-01-01"), 0.0));
        rows.add(java.util.Arrays.asList(java.time.LocalDate.parse("2024-02-01"), null));
        rows.add(java.util.Arrays.asList(java.time.LocalDate.parse("2024-03-01"), 0.0));
        rows.add(java.util.Arrays.asList(java.time.LocalDate.parse("2024-04-01"), null));
        Table months = new Table(List.of(new Column("month", ColumnType.DATE), new Column("churn_rate", ColumnType.DECIMAL)), rows);

        String alt = AltText.describe(spec(ChartKind.LINE, "month", List.of("churn_rate"), Optional.empty(), "Month", "Churn rate",
                Unit.PERCENT), months);

        assertTrue(alt.endsWith("(2 of 4 months not shown). Every point shown is at 0.0%."), alt);
    }

    /** Given the average signups of March, 22.3, and May, 21.7: both read 22, so the figure is said once, of both. */
    @Test
    void extremesThatRoundAlike_areNamedWithTheirFigureOnce() {
        Table months = new Table(List.of(new Column("month", ColumnType.TEXT), new Column("signups", ColumnType.DECIMAL)),
                List.of(List.of("Mar", 22.3), List.of("Apr", 22.0), List.of("May", 21.7)));

        String alt = AltText.describe(spec(ChartKind.BAR, "month", List.of("signups"), Optional.empty(), "Month", "Signups",
                Unit.MEMBERS), months);

        assertTrue(alt.endsWith("Highest: Mar; lowest: May; both about 22 members."), alt);
    }

    /**
     * Given a slice's subscribers at the end of Jan, Feb, Mar and Apr 2024: 20, hidden, hidden, 60. The lowest shown is
     * not the lowest: the text says the months are hidden, and names the extremes of those shown.
     */
    @Test
    void aLineWithHiddenMonths_saysHowManyOfItsMonths_andNamesTheExtremesShown() {
        java.util.List<java.util.List<Object>> rows = new java.util.ArrayList<>();
        rows.add(java.util.Arrays.asList(java.time.LocalDate.parse("2024-01-01"), 20L));
        rows.add(java.util.Arrays.asList(java.time.LocalDate.parse("2024-02-01"), null));
        rows.add(java.util.Arrays.asList(java.time.LocalDate.parse("2024-03-01"), null));
        rows.add(java.util.Arrays.asList(java.time.LocalDate.parse("2024-04-01"), 60L));
        Table months = new Table(List.of(new Column("month", ColumnType.DATE), new Column("subscribers", ColumnType.INTEGER)), rows);

        String alt = AltText.describe(spec(ChartKind.LINE, "month", List.of("subscribers"), Optional.empty(), "Month", "Subscribers",
                Unit.MEMBERS), months);

        assertTrue(alt.endsWith("Jan 2024 to Apr 2024 (2 of 4 months not shown). Highest shown: Apr 2024 at 60 members; lowest shown: "
                + "Jan 2024 at 20 members."), alt);
    }

    /**
     * Growth on the month before, from subscribers 20, 30, hidden, 40 and 50: the first month has no growth by
     * definition (its subscribers are shown), the third is hidden with its subscribers. Only the hidden one is "not shown";
     * before, the sample's growth chart said "1 of 36 months not shown" of its first month.
     */
    @Test
    void aLinesFirstPointWithoutAValue_whoseRowShowsItsOtherFigures_isNotCountedAsNotShown() {
        java.util.List<java.util.List<Object>> rows = new java.util.ArrayList<>();
        rows.add(java.util.Arrays.asList(java.time.LocalDate.parse("2024-01-01"), 20L, null));
        rows.add(java.util.Arrays.asList(java.time.LocalDate.parse("2024-02-01"), 30L, 0.5));
        rows.add(java.util.Arrays.asList(java.time.LocalDate.parse("2024-03-01"), null, null));
        rows.add(java.util.Arrays.asList(java.time.LocalDate.parse("2024-04-01"), 50L, null));
        Table months = new Table(List.of(new Column("month", ColumnType.DATE), new Column("subscribers", ColumnType.INTEGER),
                new Column("growth_rate", ColumnType.DECIMAL)), rows);

        String alt = AltText.describe(spec(ChartKind.LINE, "month", List.of("growth_rate"), Optional.empty(), "Month",
                "Growth on the month before", Unit.PERCENT), months, java.util.Set.of("growth_rate"));

        assertTrue(alt.contains("Jan 2024 to Apr 2024 (2 of 4 months not shown)."), alt);

        // The first month hidden with its subscribers is a figure left out.
        rows.set(0, java.util.Arrays.asList(java.time.LocalDate.parse("2024-01-01"), null, null));
        alt = AltText.describe(spec(ChartKind.LINE, "month", List.of("growth_rate"), Optional.empty(), "Month",
                "Growth on the month before", Unit.PERCENT), new Table(months.columns(), rows), java.util.Set.of("growth_rate"));
        assertTrue(alt.contains("(3 of 4 months not shown)."), alt);
    }

    /**
     * The sample's ARPU: its first months hidden (revenue too coarse to average) beside their MRR, the rest shown. Only a
     * change on the row before (a growth rate) has no first value by definition; an average's first is hidden, and
     * counted: "3 of 36" read one fewer than the chart's gaps.
     */
    @Test
    void aRunOfFirstPointsWithoutAValue_isCountedAsNotShown() {
        java.util.List<java.util.List<Object>> rows = new java.util.ArrayList<>();
        rows.add(java.util.Arrays.asList(java.time.LocalDate.parse("2022-01-01"), 1200.0, null));
        rows.add(java.util.Arrays.asList(java.time.LocalDate.parse("2022-02-01"), 2000.0, null));
        rows.add(java.util.Arrays.asList(java.time.LocalDate.parse("2022-03-01"), 4800.0, 15.24));
        rows.add(java.util.Arrays.asList(java.time.LocalDate.parse("2022-04-01"), 5400.0, 15.13));
        Table months = new Table(List.of(new Column("month", ColumnType.DATE), new Column("mrr", ColumnType.DECIMAL),
                new Column("arpu", ColumnType.DECIMAL)), rows);

        String alt = AltText.describe(spec(ChartKind.LINE, "month", List.of("arpu"), Optional.empty(), "Month", "ARPU", Unit.USD), months);

        assertTrue(alt.contains("Jan 2022 to Apr 2022 (2 of 4 months not shown)."), alt);
    }

    /** Given the share still subscribed 0, 1 and 2 months after signup: 100%, 80%, 75%. */
    @Test
    void aCountOfTimeOnTheXAxis_isNamedWithItsAxisWords() {
        Table retention = new Table(List.of(new Column("months_after_signup", ColumnType.INTEGER), new Column("retained", ColumnType.DECIMAL)),
                List.of(List.of(0L, 1.0), List.of(1L, 0.8), List.of(2L, 0.75)));

        String alt = AltText.describe(spec(ChartKind.LINE, "months_after_signup", List.of("retained"), Optional.empty(),
                "Months after signup", "Still subscribed", Unit.PERCENT), retention);

        assertTrue(alt.endsWith("Highest: 0 months after signup at 100.0%; lowest: 2 months after signup at 75.0%."), alt);
    }

    /** Given labels left to their defaults (the column names) and a share with an aside. */
    @Test
    void defaultLabels_readAsWords_andAnAsideFollowsTheDimension() {
        Table share = new Table(List.of(new Column("main_device", ColumnType.TEXT), new Column("share_of_hours", ColumnType.DECIMAL)),
                List.of(List.of("TV", 0.6), List.of("Phone", 0.4)));

        String alt = AltText.describe(spec(ChartKind.BAR, "main_device", List.of("share_of_hours"), Optional.empty(), "main_device",
                "Share of hours, last 90 days", Unit.PERCENT), share);

        assertEquals("Bar chart: share of hours by main device, last 90 days, 2 main devices. Highest: TV at 60.0%; lowest: Phone at 40.0%.",
                alt);
    }

    /** Given hours by report start, 1 Jan 2024 (10) and 1 Feb 2024 (20), on a column declared {@code day}, named month. */
    @Test
    void aDateColumnDeclaredDay_isNamedAsDays_whateverItsName() {
        Table hours = new Table(List.of(new Column("month", ColumnType.DATE), new Column("hours", ColumnType.DECIMAL)),
                List.of(List.of(LocalDate.of(2024, 1, 1), 10.0), List.of(LocalDate.of(2024, 2, 1), 20.0)));
        ChartSpec chart = new ChartSpec("c", "q", ChartKind.LINE, "Chart", "month", List.of("hours"), Optional.empty(), "Start",
                "Hours", Unit.HOURS, false, "", Optional.empty(), 1, List.of(), "", Optional.empty(), Map.of(),
                Map.of("month", dev.marquee.format.Grain.DAY));

        String alt = AltText.describe(chart, hours);

        assertEquals("Line chart: hours by start, 1 Jan 2024 to 1 Feb 2024. Highest: 1 Feb 2024 at 20 hours; lowest: 1 Jan 2024 at 10 hours.",
                alt);
    }

    /** Given churn by month for two regions: the highest is Asia's February (12%), the lowest Europe's January (1%). */
    @Test
    void lineWithSeries_givesTheSpan_andNamesTheSeriesOfTheExtremes() {
        Table churn = new Table(List.of(new Column("month", ColumnType.DATE), new Column("region", ColumnType.TEXT),
                new Column("churn_rate", ColumnType.DECIMAL)),
                List.of(List.of(LocalDate.of(2024, 1, 1), "Asia", 0.05), List.of(LocalDate.of(2024, 2, 1), "Asia", 0.12),
                        List.of(LocalDate.of(2024, 1, 1), "Europe", 0.01), List.of(LocalDate.of(2024, 2, 1), "Europe", 0.03)));

        String alt = AltText.describe(spec(ChartKind.LINE, "month", List.of("churn_rate"), Optional.of("region"), "Month", "Churn rate",
                Unit.PERCENT), churn);

        assertEquals("Line chart: churn rate by month, one line per region, Jan 2024 to Feb 2024. "
                + "Highest: Feb 2024 (Asia) at 12.0%; lowest: Jan 2024 (Europe) at 1.0%.", alt);
    }

    /**
     * Given the market's catalogue sizes, movies and shows side by side: Netflix 7,678 and 3,683, Prime Video 7,814 and
     * 3,218, Hulu shows only (1,621, no movie count), Disney+ 1,052 and 504. The tallest bar is Prime Video's movies, the
     * shortest Disney+'s shows: the movies alone had named Disney+ at 1,052 the lowest.
     */
    @Test
    void barsSideBySide_extremesAreOfEveryBar_namedWithTheirColumn() {
        Table catalogue = new Table(List.of(new Column("service", ColumnType.TEXT), new Column("movies", ColumnType.INTEGER),
                new Column("shows", ColumnType.INTEGER)),
                List.of(java.util.Arrays.asList("Netflix", 7678L, 3683L), java.util.Arrays.asList("Prime Video", 7814L, 3218L),
                        java.util.Arrays.asList("Hulu", null, 1621L), java.util.Arrays.asList("Disney+", 1052L, 504L)));

        String alt = AltText.describe(spec(ChartKind.BAR, "service", List.of("movies", "shows"), Optional.empty(), "Service", "Titles",
                Unit.TITLES), catalogue);

        assertEquals("Bar chart: titles by service, split into movies and shows, 4 services. Highest: Prime Video (movies) at 7,814 "
                + "titles; lowest: Disney+ (shows) at 504 titles.", alt);
    }

    /** Given shares of plans in two countries: every bar reaches 100%, so no highest is named. */
    @Test
    void stackedShares_sayEachBarAddsUpToAHundred() {
        Table plans = new Table(List.of(new Column("country", ColumnType.TEXT), new Column("plan", ColumnType.TEXT),
                new Column("members", ColumnType.INTEGER)),
                List.of(List.of("Brazil", "Basic", 30L), List.of("Brazil", "Premium", 10L), List.of("Chile", "Basic", 5L)));

        String alt = AltText.describe(spec(ChartKind.STACKED_PERCENT, "country", List.of("members"), Optional.of("plan"), "Country",
                "Share of members", Unit.MEMBERS), plans);

        assertEquals("Stacked bar chart of shares: share of members by country, split by plan, 2 countries. Each bar adds up to 100%.",
                alt);
    }

    @Test
    void oneBar_isNamedAsTheOneBar() {
        Table one = new Table(List.of(new Column("plan", ColumnType.TEXT), new Column("members", ColumnType.INTEGER)),
                List.of(List.<Object>of("Basic", 1L)));

        String alt = AltText.describe(spec(ChartKind.BAR, "plan", List.of("members"), Optional.empty(), "Plan", "Members", Unit.MEMBERS), one);

        assertEquals("Bar chart: members by plan, 1 plan. The one bar: Basic at 1 member.", alt);
    }

    @Test
    void plural_ofShortNounPhrases_andNoneWhereUnsure() {
        assertEquals("countries", AltText.plural("country"));
        assertEquals("age bands", AltText.plural("age band"));
        assertEquals("months of the year", AltText.plural("month of the year"));
        assertEquals("years added", AltText.plural("year added"));
        assertNull(AltText.plural("hours watched"), "bands of a measure, not things to count");
        assertNull(AltText.plural("days since the last login"));
        assertNull(AltText.plural("TV"));
    }
}
