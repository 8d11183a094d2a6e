package dev.marquee.pdf;

import dev.marquee.chart.RenderedChart;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A page's charts measured on paper, each at a size once. A page is laid out for each of its takeaways (and again when
 * a note must name a chart left to the site), each layout measures its charts, and each measure draws the chart.
 */
final class PaperMeasures {

    private record Size(float width, float height) {
    }

    private final Map<RenderedChart, Map<Float, Float>> heightsByWidth = new IdentityHashMap<>();
    private final Map<RenderedChart, Map<Size, Integer>> barsBySize = new IdentityHashMap<>();

    /** {@link PdfQuestionPage#measuredHeight}, measured once per width. */
    float height(RenderedChart chart, float width) {
        return heightsByWidth.computeIfAbsent(chart, c -> new HashMap<>())
                .computeIfAbsent(width, w -> PdfQuestionPage.measuredHeight(chart, width));
    }

    /** {@link PdfQuestionPage#barsShown}, measured once per size. */
    int barsShown(RenderedChart chart, float width, float height) {
        return barsBySize.computeIfAbsent(chart, c -> new HashMap<>())
                .computeIfAbsent(new Size(width, height), size -> PdfQuestionPage.barsShown(chart, width, height));
    }
}
