package dev.marquee.chart;

import dev.marquee.catalog.ChartKind;
import dev.marquee.engine.ColumnType;
import dev.marquee.engine.Table;
import dev.marquee.format.Unit;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.Optional;

import static dev.marquee.chart.Charts.column;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A bar hidden to protect a small group and a real zero both draw no bar: each says which it is. */
class NotShownBarsTest {

    private static final Table DECILES = Charts.table(List.of(column("risk_decile", ColumnType.TEXT),
                    column("observed_rate", ColumnType.DECIMAL), column("predicted_rate", ColumnType.DECIMAL)),
            new Object[]{"D1", 0.0, 0.004}, new Object[]{"D2", null, null}, new Object[]{"D3", null, null},
            new Object[]{"D4", 0.0, 0.0}, new Object[]{"D5", 0.05, null});

    @Test
    void groupedBars_hiddenCategoriesSayNotShown_zeroCategoriesSayZero() {
        List<String> texts = Charts.texts(Charts.render(Charts.spec(ChartKind.BAR, "risk_decile", List.of("observed_rate", "predicted_rate"),
                Optional.empty(), Unit.PERCENT), DECILES).svg());

        assertEquals(2, Collections.frequency(texts, ChartBuilder.NOT_SHOWN), "D2 and D3, whose every bar is hidden: " + texts);
        // D1 has a bar (0.4%) and D5 one; only D4, zero in both, is labelled, in the axis's style.
        assertEquals(2, texts.stream().filter(t -> t.equals("0%") || t.equals("0.0%")).count(), "the axis's zero tick and D4's zero: " + texts);
    }

    @Test
    void horizontalBars_sayItToo() {
        Table countries = Charts.table(List.of(column("country", ColumnType.TEXT), column("churn_rate", ColumnType.DECIMAL)),
                new Object[]{"Brazil", 0.056}, new Object[]{"South Korea", 0.0}, new Object[]{"Nigeria", null});
        List<String> texts = Charts.texts(Charts.render(Charts.spec(ChartKind.HBAR, "country", List.of("churn_rate"), Optional.empty(),
                Unit.PERCENT), countries).svg());

        assertEquals(1, Collections.frequency(texts, ChartBuilder.NOT_SHOWN), texts.toString());
    }

    @Test
    void narrowDrawing_marksOnlyWhereTheyFit() {
        Object[][] rows = new Object[36][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new Object[]{java.time.LocalDate.of(2022, 1, 1).plusMonths(i), i < 6 ? null : 100.0 + i};
        }
        RenderedChart chart = Charts.render(Charts.spec(ChartKind.BAR, "month", List.of("revenue"), Optional.empty(), Unit.USD),
                Charts.table(List.of(column("month", ColumnType.DATE), column("revenue", ColumnType.DECIMAL)), rows));

        assertEquals(6, Collections.frequency(Charts.texts(chart.svg()), ChartBuilder.NOT_SHOWN), "a desktop's 36 months have room");
        // A phone's drawing leaves a month less than a line of text: marks there would overlap one another.
        assertEquals(0, Collections.frequency(Charts.texts(chart.narrowSvg()), ChartBuilder.NOT_SHOWN), "a phone's do not");
    }

    @Test
    void onPaper_aBarLeftOutForRoom_takesItsMarkWithIt() {
        Object[][] rows = new Object[30][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new Object[]{"Country " + i, i == rows.length - 1 ? null : 0.01 * (rows.length - i)};
        }
        RenderedChart chart = Charts.render(Charts.spec(ChartKind.HBAR, "country", List.of("churn_rate"), Optional.empty(), Unit.PERCENT),
                Charts.table(List.of(column("country", ColumnType.TEXT), column("churn_rate", ColumnType.DECIMAL)), rows));
        java.awt.Graphics2D g2 = new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB).createGraphics();

        // A quarter page holds a few of the 30 bars; the last, hidden, is not among them, nor is its mark.
        String alt = chart.draw(g2, new java.awt.geom.Rectangle2D.Double(0, 0, 300, 140));

        org.junit.jupiter.api.Assertions.assertTrue(alt.contains("shown; the table on the site lists all"), alt);
    }
}
