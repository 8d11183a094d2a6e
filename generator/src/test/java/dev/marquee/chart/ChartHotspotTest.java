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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hotspots SvgWriter appends to a real chart (ChartBuilder's, drawn by JFreeChart): one {@code <title>} per bar,
 * point or stacked part, in reading order, saying its value as the report writes it; and the report's colours written
 * as the style sheet's variables.
 */
class ChartHotspotTest {


    private static ChartSpec spec(ChartKind kind, String x, List<String> y, Optional<String> series, Unit unit) {
        return new ChartSpec("c", "q", kind, "Chart", x, y, series, "X", "Y", unit, false, "", Optional.empty(), 1, List.of(),
                "", Optional.empty(), Map.of(), Map.of());
    }


    /** Given MRR of three countries, in dollars (USD cells are written in full: cents below $100 or when not whole). */
    private static final Table MRR = new Table(List.of(new Column("country", ColumnType.TEXT), new Column("mrr", ColumnType.DECIMAL)),
            List.of(List.of("Brazil", 1234.5), List.of("Chile", 99.0), List.of("Peru", 10000.0)));

    @Test
    void barChart_hasOneTitlePerBar_withItsValueInTheUnit() {
        ChartSpec spec = spec(ChartKind.BAR, "country", List.of("mrr"), Optional.empty(), Unit.USD);

        String svg = SvgWriter.svg(ChartBuilder.build(spec, MRR), "svg-t", spec);

        assertEquals(List.of("Brazil: $1,234.50", "Chile: $99.00", "Peru: $10,000.00"), Charts.titles(svg));
    }

    @Test
    void narrowDrawing_hasTheSameTitles() {
        ChartSpec spec = spec(ChartKind.HBAR, "country", List.of("mrr"), Optional.empty(), Unit.USD);

        String svg = SvgWriter.narrowSvg(ChartBuilder.build(spec, MRR), "svg-t", spec);

        assertEquals(List.of("Brazil: $1,234.50", "Chile: $99.00", "Peru: $10,000.00"), Charts.titles(svg));
    }

    /** Given members by country and plan: Brazil 30 Basic and 10 Premium (75% and 25%), Chile 5 and 15 (25%, 75%). */
    @Test
    void stackedShares_sayEachPartsShareOfItsBar_categoryFirst() {
        Table members = new Table(List.of(new Column("country", ColumnType.TEXT), new Column("plan", ColumnType.TEXT),
                new Column("members", ColumnType.INTEGER)),
                List.of(List.of("Brazil", "Basic", 30L), List.of("Brazil", "Premium", 10L), List.of("Chile", "Basic", 5L),
                        List.of("Chile", "Premium", 15L)));
        ChartSpec spec = spec(ChartKind.STACKED_PERCENT, "country", List.of("members"), Optional.of("plan"), Unit.MEMBERS);

        String svg = SvgWriter.svg(ChartBuilder.build(spec, members), "svg-t", spec);

        assertEquals(List.of("Brazil · Basic: 75.0%", "Brazil · Premium: 25.0%", "Chile · Basic: 25.0%", "Chile · Premium: 75.0%"),
                Charts.titles(svg));
    }

    /** Given members by month: 1,234 in January, 1 in February (one member, singular). */
    @Test
    void timeLine_titlesNameTheMonth_andTheUnitsWords() {
        Table monthly = new Table(List.of(new Column("month", ColumnType.DATE), new Column("members", ColumnType.INTEGER)),
                List.of(List.of(LocalDate.of(2024, 1, 1), 1234L), List.of(LocalDate.of(2024, 2, 1), 1L)));
        ChartSpec spec = spec(ChartKind.LINE, "month", List.of("members"), Optional.empty(), Unit.MEMBERS);

        String svg = SvgWriter.svg(ChartBuilder.build(spec, monthly), "svg-t", spec);

        assertEquals(List.of("Jan 2024: 1,234 members", "Feb 2024: 1 member"), Charts.titles(svg));
    }

    /** Given two series at the same two months: the titles go month by month, each month's series in order. */
    @Test
    void timeLineWithSeries_titlesGoMonthByMonth() {
        Table monthly = new Table(List.of(new Column("month", ColumnType.DATE), new Column("region", ColumnType.TEXT),
                new Column("hours", ColumnType.DECIMAL)),
                List.of(List.of(LocalDate.of(2024, 1, 1), "Asia", 12.5), List.of(LocalDate.of(2024, 2, 1), "Asia", 250.0),
                        List.of(LocalDate.of(2024, 1, 1), "Europe", 1500.0), List.of(LocalDate.of(2024, 2, 1), "Europe", 7.0)));
        ChartSpec spec = spec(ChartKind.LINE, "month", List.of("hours"), Optional.of("region"), Unit.HOURS);

        String svg = SvgWriter.svg(ChartBuilder.build(spec, monthly), "svg-t", spec);

        assertEquals(List.of("Jan 2024 · Asia: 12.5 hours", "Jan 2024 · Europe: 1,500 hours", "Feb 2024 · Asia: 250 hours",
                "Feb 2024 · Europe: 7.0 hours"), Charts.titles(svg));
    }

    /** Given titles by decade of release, the decade declared a year: 1960 has 1 show, 2010 has 1,361 movies and 2 shows. */
    @Test
    void yearsAlongANumberLine_titlesWriteTheYearAsAYear() {
        Table decades = new Table(List.of(new Column("decade", ColumnType.INTEGER), new Column("movies", ColumnType.INTEGER),
                new Column("shows", ColumnType.INTEGER)),
                List.of(List.of(1960L, 0L, 1L), List.of(2010L, 1361L, 2L)));
        ChartSpec spec = new ChartSpec("c", "q", ChartKind.STACKED_BAR, "Chart", "decade", List.of("movies", "shows"), Optional.empty(),
                "X", "Y", Unit.TITLES, false, "", Optional.empty(), 1, List.of(), "", Optional.empty(), Map.of("decade", Unit.YEAR), Map.of());

        String svg = SvgWriter.svg(ChartBuilder.build(spec, decades), "svg-t", spec);

        assertEquals(List.of("1960 · Movies: 0 titles", "1960 · Shows: 1 title", "2010 · Movies: 1,361 titles", "2010 · Shows: 2 titles"),
                Charts.titles(svg));
    }

    /** Given the share still subscribed 0, 1 and 2 months after signup, a count declared nowhere: whole months, not 1.00. */
    @Test
    void countsAlongANumberLine_titlesWriteTheCountInItsUnit() {
        Table retention = new Table(List.of(new Column("months_after_signup", ColumnType.INTEGER),
                new Column("retained", ColumnType.DECIMAL)),
                List.of(List.of(0L, 1.0), List.of(1L, 0.938), List.of(2L, 0.886)));
        ChartSpec spec = spec(ChartKind.LINE, "months_after_signup", List.of("retained"), Optional.empty(), Unit.PERCENT);

        String svg = SvgWriter.svg(ChartBuilder.build(spec, retention), "svg-t", spec);

        assertEquals(List.of("0: 100.0%", "1: 93.8%", "2: 88.6%"), Charts.titles(svg));
    }

    @Test
    void pipelinesDrawings_areTheSameOnEveryRun() {
        ChartSpec spec = spec(ChartKind.BAR, "country", List.of("mrr"), Optional.empty(), Unit.USD);

        RenderedChart first = ChartStage.render("s", spec, MRR, Optional.empty(), "");
        RenderedChart second = ChartStage.render("s", spec, MRR, Optional.empty(), "");

        assertEquals(3, Charts.titles(first.svg()).size());
        assertEquals(first.svg(), second.svg());
        assertEquals(first.narrowSvg(), second.narrowSvg());
    }

    /** Given a category that spells markup and a colour: it is shown as written, in the title and on the axis. */
    @Test
    void categoryFromTheData_isEscaped_andNeverTakenForAColour() {
        Table hostile = new Table(List.of(new Column("country", ColumnType.TEXT), new Column("mrr", ColumnType.DECIMAL)),
                List.of(List.of("<b>&'rgb(255,255,255)", 5.0), List.of("Peru", 6.0)));
        ChartSpec spec = spec(ChartKind.BAR, "country", List.of("mrr"), Optional.empty(), Unit.USD);

        String svg = SvgWriter.svg(ChartBuilder.build(spec, hostile), "svg-t", spec);

        assertEquals(List.of("&lt;b&gt;&amp;&apos;rgb(255,255,255): $5.00", "Peru: $6.00"), Charts.titles(svg));
        assertTrue(svg.contains(">&lt;b&gt;&amp;&apos;rgb(255,255,255)</text>"), "the axis label keeps the text as written");
    }

    @Test
    void reportsColours_areTheStyleSheetsVariables_seriesColoursStay() {
        ChartSpec spec = spec(ChartKind.BAR, "country", List.of("mrr"), Optional.empty(), Unit.USD);

        String svg = SvgWriter.svg(ChartBuilder.build(spec, MRR), "svg-t", spec);

        assertTrue(svg.contains("style='fill:var(--bg)'"), "the background is the page's");
        assertTrue(svg.contains("fill: var(--muted)"), "tick labels are the muted ink");
        assertTrue(svg.contains("fill:rgb(0,114,178)"), "the first series keeps its colour");
        assertFalse(svg.contains("rgb(255,255,255)"), "no white is left to glare in the dark");
    }
}
