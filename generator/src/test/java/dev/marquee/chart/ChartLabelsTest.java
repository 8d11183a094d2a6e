package dev.marquee.chart;

import dev.marquee.catalog.ChartKind;
import dev.marquee.catalog.ChartSpec;
import dev.marquee.engine.ColumnType;
import dev.marquee.engine.Table;
import dev.marquee.format.Unit;

import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;

import java.awt.geom.Rectangle2D;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.marquee.chart.Charts.column;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Category labels are wrapped rather than cut, and a chart of many categories makes room for them. */
class ChartLabelsTest {

    /** 39 genres, some long enough to need two lines on a phone, as genre ratings has them. */
    private static Table genres() {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 39; i++) {
            rows.add(new Object[]{"Stand-Up Comedy & Talk Shows number " + i, 4.0 - i * 0.02});
        }
        return Charts.table(List.of(column("genre", ColumnType.TEXT), column("rating", ColumnType.DECIMAL)), rows.toArray(Object[][]::new));
    }

    @Test
    void hbarOf39LongLabels_drawsEveryLabelWhole_wrappedNotCut() {
        RenderedChart chart = Charts.render(Charts.spec(ChartKind.HBAR, "genre", List.of("rating"), Optional.empty(), Unit.SCORE), genres());

        for (String svg : List.of(chart.svg(), chart.narrowSvg())) {
            List<String> texts = Charts.texts(svg);
            assertTrue(texts.stream().noneMatch(t -> t.endsWith("...") || t.endsWith("…")), "a label cut short: " + texts);
            // A wrapped label's lines are text elements in turn, broken at spaces.
            String all = String.join(" ", texts).replaceAll("\\s+", " ") + " ";
            for (int i = 0; i < 39; i++) {
                assertTrue(all.contains("Stand-Up Comedy & Talk Shows number " + i + " "), "genre " + i + " whole in " + texts);
            }
        }
    }

    @Test
    void hbarOf39Bars_needsASlotForEachBar_andAFewBarsKeepTheUsualHeight() {
        JFreeChart many = ChartBuilder.build(Charts.spec(ChartKind.HBAR, "genre", List.of("rating"), Optional.empty(), Unit.SCORE), genres());
        Table three = Charts.table(List.of(column("genre", ColumnType.TEXT), column("rating", ColumnType.DECIMAL)),
                new Object[]{"Dramas", 3.9}, new Object[]{"Comedies", 3.5}, new Object[]{"Thrillers", 3.1});
        JFreeChart few = ChartBuilder.build(Charts.spec(ChartKind.HBAR, "genre", List.of("rating"), Optional.empty(), Unit.SCORE), three);

        assertTrue(ChartSize.height(many, 760, 380) >= 39 * ChartSize.BAR, "39 bars of at least " + ChartSize.BAR + " px");
        assertEquals(380, ChartSize.height(few, 760, 380));
    }

    @Test
    void aChartWhoseEveryFigureIsHidden_isNotDrawn_itsTableSaysWhy() {
        // A country's slice whose one region is hidden against differencing: one row, "Other (small groups)", no figure.
        Table hidden = Charts.table(List.of(column("region", ColumnType.TEXT), column("churn_rate", ColumnType.DECIMAL)),
                new Object[]{dev.marquee.privacy.Disclosure.OTHER, null});
        RenderedChart chart = ChartStage.render("churn", Charts.spec(ChartKind.HBAR, "region", List.of("churn_rate"), Optional.empty(),
                Unit.PERCENT), hidden, Optional.empty(), "");
        assertEquals(Optional.empty(), chart.chart(), "axes around nothing are no chart");
        assertEquals("", chart.svg());

        Table oneShown = Charts.table(List.of(column("region", ColumnType.TEXT), column("churn_rate", ColumnType.DECIMAL)),
                new Object[]{"Europe", 0.04}, new Object[]{dev.marquee.privacy.Disclosure.OTHER, null});
        assertTrue(ChartStage.render("churn", Charts.spec(ChartKind.HBAR, "region", List.of("churn_rate"), Optional.empty(),
                Unit.PERCENT), oneShown, Optional.empty(), "").chart().isPresent());
    }

    @Test
    void hbarOf39Bars_inAShortArea_showsTheFirstThatFit_andSaysSo() {
        JFreeChart many = ChartBuilder.build(Charts.spec(ChartKind.HBAR, "genre", List.of("rating"), Optional.empty(), Unit.SCORE), genres());

        ChartSize.Fit fit = ChartSize.fitted(many, new Rectangle2D.Double(0, 0, 500, 300));
        JFreeChart fitted = fit.chart();

        assertNotSame(many, fitted);
        int shown = fitted.getCategoryPlot().getDataset().getColumnCount();
        assertTrue(shown > 3 && shown < 39, shown + " bars");
        assertEquals(39, many.getCategoryPlot().getDataset().getColumnCount(), "the chart itself keeps every bar");
        boolean noted = false;
        for (int i = 0; i < fitted.getSubtitleCount(); i++) {
            noted |= fitted.getSubtitle(i) instanceof org.jfree.chart.title.TextTitle t
                    && t.getText().equals("The " + shown + " highest of 39 shown; the table on the site lists all.");
        }
        assertTrue(noted, "the chart says how many of how many it shows");
        assertEquals(Optional.of("The " + shown + " highest of 39 shown; the table on the site lists all."), fit.leftOut(),
                "what the drawing leaves out, for its alt text");
        assertEquals(shown, fit.bars(), "how many bars it draws, for a page choosing what fits its cells");
        ChartSize.Fit whole = ChartSize.fitted(many, new Rectangle2D.Double(0, 0, 500, 2000));
        assertSame(many, whole.chart(), "where all fit, the chart is drawn as it is");
        assertEquals(Optional.empty(), whole.leftOut());
        assertEquals(ChartSize.Fit.ALL, whole.bars());
    }

    /**
     * Given the chart drawn wide for the site (its ratings axis in steps of 1) and then its copy in a PDF's short cell
     * (steps of 0.5): the copy's ticks read by its own step. They had read "0, 0, 1, 2, 2, 2, 3, 4, 4".
     */
    @Test
    void aCopyFittedToAShortArea_labelsItsTicksByItsOwnStep() {
        JFreeChart many = ChartBuilder.build(Charts.spec(ChartKind.HBAR, "genre", List.of("rating"), Optional.empty(), Unit.SCORE), genres());
        JFreeChart fitted = ChartSize.fitted(many, new Rectangle2D.Double(0, 0, 500, 300)).chart();
        org.jfree.chart.axis.NumberAxis wide = (org.jfree.chart.axis.NumberAxis) many.getCategoryPlot().getRangeAxis();
        org.jfree.chart.axis.NumberAxis narrow = (org.jfree.chart.axis.NumberAxis) fitted.getCategoryPlot().getRangeAxis();
        wide.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1), false, false);
        narrow.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(0.5), false, false);

        assertEquals(List.of("0", "0.5", "1.0", "1.5", "2.5"), java.util.stream.Stream.of(0.0, 0.5, 1.0, 1.5, 2.5)
                .map(v -> narrow.getNumberFormatOverride().format(v)).toList());
        assertEquals("2", wide.getNumberFormatOverride().format(2.0), "the site's chart keeps its own");
    }

    @Test
    void stackedBarsOf21Countries_inAShortArea_setTheirTurnedLabelsSmaller_ratherThanCutThem() {
        String[] countries = {"Argentina", "Australia", "Brazil", "Canada", "Colombia", "France", "Germany", "India", "Italy",
                "Japan", "Mexico", "Netherlands", "Nigeria", "Philippines", "Poland", "South Africa", "South Korea", "Spain",
                "United Kingdom", "United States", dev.marquee.privacy.Disclosure.OTHER};
        List<Object[]> rows = new ArrayList<>();
        for (String country : countries) {
            rows.add(new Object[]{country, "Basic", 0.6});
            rows.add(new Object[]{country, "Premium", 0.4});
        }
        Table mix = Charts.table(List.of(column("country", ColumnType.TEXT), column("plan", ColumnType.TEXT), column("share", ColumnType.DECIMAL)),
                rows.toArray(Object[][]::new));
        // Stacks per country lie down, one country per row; bars side by side per country stand up, their names turned.
        JFreeChart chart = ChartBuilder.build(Charts.spec(ChartKind.BAR, "country", List.of("share"), Optional.of("plan"), Unit.PERCENT), mix);

        org.jfree.chart.axis.CategoryAxis axis = chart.getCategoryPlot().getDomainAxis();
        float usual = axis.getTickLabelFont().getSize2D();
        // As the PDF may draw a chart in a short half-page cell: 500 units wide, 280 high.
        org.jfree.svg.SVGGraphics2D small = new org.jfree.svg.SVGGraphics2D(500, 280);
        chart.draw(small, new Rectangle2D.Double(0, 0, 500, 280));
        List<String> shortTexts = Charts.texts(small.getSVGElement());
        float inSmall = axis.getTickLabelFont().getSize2D();
        org.jfree.svg.SVGGraphics2D tall = new org.jfree.svg.SVGGraphics2D(760, 700);
        chart.draw(tall, new Rectangle2D.Double(0, 0, 760, 700));

        assertTrue(shortTexts.containsAll(List.of("United Kingdom", dev.marquee.privacy.Disclosure.OTHER)), shortTexts.toString());
        assertTrue(shortTexts.stream().noneMatch(t -> t.endsWith("...") || t.endsWith("…")), shortTexts.toString());
        assertTrue(inSmall < usual && inSmall >= 0.7f * usual, "set smaller, to no less than 0.7 of " + usual + ": " + inSmall);
        assertEquals(usual, axis.getTickLabelFont().getSize2D(), "a later, taller drawing uses the usual size");
    }

    @Test
    void barsOf36Months_labelEveryFewMonthsOnTheCalendar_side_by_side() {
        List<Object[]> rows = new ArrayList<>();
        for (int m = 0; m < 36; m++) {
            rows.add(new Object[]{LocalDate.of(2022, 1, 1).plusMonths(m), 50L + m});
        }
        Table months = Charts.table(List.of(column("month", ColumnType.DATE), column("signups", ColumnType.INTEGER)), rows.toArray(Object[][]::new));

        RenderedChart chart = Charts.render(Charts.spec(ChartKind.BAR, "month", List.of("signups"), Optional.empty(), Unit.MEMBERS), months);

        for (String svg : List.of(chart.svg(), chart.narrowSvg())) {
            List<String> labels = Charts.texts(svg).stream().filter(t -> t.matches("[A-Z][a-z]{2} \\d{4}")).toList();
            assertTrue(labels.size() >= 3 && labels.size() <= 12, "a label every few months: " + labels);
            assertTrue(labels.contains("Jan 2023"), "aligned on the calendar: " + labels);
            assertFalse(svg.contains("matrix(0.71,-0.71") || svg.contains("matrix(0,-1,1,0"), "labels are not turned up");
        }
    }

    /**
     * Given 16 calendar quarters from Jan 2020, each stacked by four services (as the market page's shares): the labels
     * along the bottom, drawn a few quarters apart, leave a gap between each and the next, wide and on a phone. The
     * phone's had run together ("Jan 2020Jul 2020Jan 2021"): every 6th month was taken for every 6th category.
     */
    @Test
    void stackedSharesOf16Quarters_labelEveryFewQuarters_withoutOverlap_wideAndOnAPhone() {
        List<Object[]> rows = new ArrayList<>();
        for (int q = 0; q < 16; q++) {
            for (String service : List.of("Disney+", "Hulu", "Netflix", "Peacock")) {
                rows.add(new Object[]{LocalDate.of(2020, 1, 1).plusMonths(3L * q), service, 100L + q});
            }
        }
        Table quarters = Charts.table(List.of(column("quarter", ColumnType.DATE), column("service", ColumnType.TEXT),
                column("members", ColumnType.INTEGER)), rows.toArray(Object[][]::new));

        RenderedChart chart = Charts.render(Charts.spec(ChartKind.STACKED_PERCENT, "quarter", List.of("members"), Optional.of("service"),
                Unit.MEMBERS), quarters);

        for (String svg : List.of(chart.svg(), chart.narrowSvg())) {
            List<Rectangle2D> boxes = Charts.textBoxes(svg, "[A-Z][a-z]{2} \\d{4}");
            assertTrue(boxes.size() >= 2, "a label every few quarters: " + boxes);
            for (int i = 1; i < boxes.size(); i++) {
                assertTrue(boxes.get(i - 1).getMaxX() < boxes.get(i).getMinX(), "label " + i + " starts after label " + (i - 1)
                        + " ends: " + boxes + " in the " + (svg == chart.svg() ? "wide" : "phone") + " drawing");
            }
        }
    }

    @Test
    void barsOfLongNames_wrapOntoLines_wideDrawing() {
        Table regions = Charts.table(List.of(column("region", ColumnType.TEXT), column("rate", ColumnType.DECIMAL)),
                new Object[]{"Latin America", 0.3}, new Object[]{"Europe", 0.3}, new Object[]{"North America", 0.3},
                new Object[]{"Asia-Pacific", 0.29}, new Object[]{"Middle East & Africa", 0.22});

        RenderedChart chart = Charts.render(Charts.spec(ChartKind.BAR, "region", List.of("rate"), Optional.empty(), Unit.PERCENT), regions);

        List<String> texts = Charts.texts(chart.svg());
        assertTrue(texts.contains("Middle East &") && texts.contains("Africa") || texts.contains("Middle East & Africa"), texts.toString());
        assertTrue(texts.stream().noneMatch(t -> t.endsWith("...")), texts.toString());
    }

    @Test
    void hbarCategoryTitle_upTheSide_isDrawnWhereItFits_andLeftOutWhereItWouldBeCut() {
        Table three = Charts.table(List.of(column("genre", ColumnType.TEXT), column("rating", ColumnType.DECIMAL)),
                new Object[]{"Dramas", 3.9}, new Object[]{"Comedies", 3.5}, new Object[]{"Thrillers", 3.1});
        JFreeChart chart = ChartBuilder.build(Charts.spec(ChartKind.HBAR, "genre", List.of("rating"), Optional.empty(), Unit.SCORE), three);

        assertTrue(Charts.texts(svg(chart, 500, 380)).contains("The x axis"), "a tall chart has the categories' title");
        List<String> small = Charts.texts(svg(chart, 500, 110));
        assertFalse(small.stream().anyMatch(t -> t.contains("x axis") || t.contains("The x")), "a short one has none, cut: " + small);
        assertTrue(small.contains("Dramas"), "it keeps its labels");
    }

    @Test
    void barsOf20Countries_turnedUp_growTheChartSoTheBarsKeepTheirHeight() {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            rows.add(new Object[]{"Country with a long name " + i, 10L + i});
        }
        Table countries = Charts.table(List.of(column("country", ColumnType.TEXT), column("members", ColumnType.INTEGER)), rows.toArray(Object[][]::new));
        JFreeChart chart = ChartBuilder.build(Charts.spec(ChartKind.BAR, "country", List.of("members"), Optional.empty(), Unit.MEMBERS), countries);

        double height = ChartSize.height(chart, 500, 200);

        assertTrue(height > 200, "taller than 200: " + height);
        org.jfree.chart.ChartRenderingInfo info = new org.jfree.chart.ChartRenderingInfo(null);
        java.awt.Graphics2D g2 = new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB).createGraphics();
        chart.draw(g2, new Rectangle2D.Double(0, 0, 500, height), info);
        assertTrue(info.getPlotInfo().getDataArea().getHeight() >= ChartSize.PLOT - 1, "bars " + ChartSize.PLOT + " high at least");
    }

    @Test
    void titlesTooLongForOneLine_inAShortArea_areCutToOneLine_soMoreOfThemShow() {
        // The engagement report's titles: an English name and the original one, each label two lines at 0.6 of the width.
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            rows.add(new Object[]{"Title " + i + ": When Life Gives You Tangerines: Limited Series // 폭싹 속았수다: 리미티드 시리즈", 900.0 - i * 10});
        }
        Table titles = Charts.table(List.of(column("title", ColumnType.TEXT), column("hours", ColumnType.DECIMAL)), rows.toArray(Object[][]::new));
        JFreeChart chart = ChartBuilder.build(Charts.spec(ChartKind.HBAR, "title", List.of("hours"), Optional.empty(), Unit.COUNT), titles);
        Rectangle2D area = new Rectangle2D.Double(0, 0, 500, 260);
        double wrappedSlot = 2 * chart.getCategoryPlot().getDomainAxis().getTickLabelFont()
                .getLineMetrics("Xg", new java.awt.font.FontRenderContext(null, false, false)).getHeight();
        int wrappedWouldShow = (int) Math.floor(plotHeight(chart, 500, 260) / wrappedSlot);

        ChartSize.Fit fit = ChartSize.fitted(chart, area);

        assertTrue(fit.bars() > wrappedWouldShow && fit.bars() < 15, fit.bars() + " bars, against " + wrappedWouldShow + " wrapped");
        assertEquals(Optional.of("The " + fit.bars() + " highest of 15 shown; the table on the site lists all."), fit.leftOut());
        String drawn = svg(fit.chart(), 500, 260);
        assertTrue(java.util.regex.Pattern.compile(">Title 0: When Life Gives[^<]*\\.\\.\\.</text>").matcher(drawn).find(),
                "the first title cut short, and said so by ...");
        assertFalse(drawn.contains("리미티드"), "no label goes on to a second line");
    }

    /**
     * Stacks by country are in their query's order (largest country first): cut short on paper they are "the first" of
     * them, even where a first part happens to fall from stack to stack (Console's share, here 9% down to 0%).
     */
    @Test
    void stacksCutShort_areTheFirst_notTheHighest() {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 18; i++) {
            rows.add(new Object[]{"Country " + i, "Console", 18.0 - i});
            rows.add(new Object[]{"Country " + i, "TV", 100.0});
        }
        Table mix = Charts.table(List.of(column("country", ColumnType.TEXT), column("device", ColumnType.TEXT),
                column("members", ColumnType.INTEGER)), rows.toArray(Object[][]::new));
        JFreeChart chart = ChartBuilder.build(Charts.spec(ChartKind.STACKED_PERCENT, "country", List.of("members"), Optional.of("device"),
                Unit.MEMBERS), mix);

        ChartSize.Fit fit = ChartSize.fitted(chart, new Rectangle2D.Double(0, 0, 400, 180));

        assertTrue(fit.bars() < 18, fit.bars() + " stacks");
        assertEquals(Optional.of("The first " + fit.bars() + " of 18 shown; the table on the site lists all."), fit.leftOut());
    }

    @Test
    void decades_readAsDecades_inTheDrawingAndItsAltText() {
        Table decades = Charts.table(List.of(column("decade", ColumnType.INTEGER), column("titles", ColumnType.INTEGER)),
                new Object[]{1990L, 120L}, new Object[]{2000L, 900L}, new Object[]{2010L, 7079L});
        ChartSpec spec = new ChartSpec("c", "q", ChartKind.BAR, "Titles by decade", "decade", List.of("titles"), Optional.empty(),
                "Decade", "Titles", Unit.TITLES, false, "", Optional.empty(), 1, List.of(), "", Optional.empty(),
                java.util.Map.of("decade", Unit.DECADE), java.util.Map.of());

        RenderedChart chart = Charts.render(spec, decades);

        assertTrue(Charts.texts(chart.svg()).containsAll(List.of("1990s", "2000s", "2010s")), Charts.texts(chart.svg()).toString());
        assertTrue(chart.altText().contains("2010s at 7,079 titles"), chart.altText());
    }

    private static String svg(JFreeChart chart, int width, int height) {
        org.jfree.svg.SVGGraphics2D g2 = new org.jfree.svg.SVGGraphics2D(width, height);
        g2.setRenderingHint(org.jfree.svg.SVGHints.KEY_DRAW_STRING_TYPE, org.jfree.svg.SVGHints.VALUE_DRAW_STRING_TYPE_STANDARD);
        chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
        return g2.getSVGElement();
    }

    @Test
    void ageBands_onPaper_askForTheHeightThatLeavesTheirBarsAPlot() {
        // "unknown" is wider than a bar's pitch 500 units wide, so all eight labels turn up and take the plot's height.
        Table bands = Charts.table(List.of(column("age_band", ColumnType.TEXT), column("share", ColumnType.DECIMAL)),
                new Object[]{"<18", 0.03}, new Object[]{"18–24", 0.12}, new Object[]{"25–34", 0.28}, new Object[]{"35–44", 0.31},
                new Object[]{"45–54", 0.17}, new Object[]{"55–64", 0.05}, new Object[]{"65+", 0.02}, new Object[]{"unknown", 0.02});
        JFreeChart chart = Charts.render(Charts.spec(ChartKind.BAR, "age_band", List.of("share"), Optional.empty(), Unit.PERCENT), bands)
                .chart().orElseThrow();
        double width = 500;
        double usual = 150;
        double plot = 80;

        double height = ChartSize.paperHeight(chart, width, usual, plot);

        assertTrue(plotHeight(chart, width, usual) < plot, "at the usual height the turned-up labels leave the bars less");
        assertTrue(height > usual, height + " units");
        assertTrue(plotHeight(chart, width, height) >= plot, plotHeight(chart, width, height) + " units of plot");
    }

    @Test
    void fourRegions_withALegend_onPaper_askForTheHeightThatShowsEveryBar() {
        Table regions = Charts.table(List.of(column("region", ColumnType.TEXT), column("churn_rate", ColumnType.DECIMAL)),
                new Object[]{"Latin America", 0.056}, new Object[]{"Europe", 0.044}, new Object[]{"North America", 0.026},
                new Object[]{"Middle East & Africa", 0.048});
        RenderedChart chart = ChartStage.render("churn", Charts.spec(ChartKind.HBAR, "region", List.of("churn_rate"), Optional.empty(),
                Unit.PERCENT), regions, Optional.empty(), "", Optional.empty(), "", List.of(new ReferenceLine(0.04, "All regions", false)));
        double width = 500;

        double height = chart.paperHeight(width, 80, 80);

        assertEquals(ChartSize.Fit.ALL, ChartSize.fitted(chart.chart().orElseThrow(), new Rectangle2D.Double(0, 0, width, height)).bars());
        assertTrue(ChartSize.fitted(chart.chart().orElseThrow(), new Rectangle2D.Double(0, 0, width, 80)).bars() < 4,
                "the usual height shows fewer");
    }

    private static double plotHeight(JFreeChart chart, double width, double height) {
        return ChartSize.dataArea(chart, width, height).getHeight();
    }
}
