package dev.marquee.pdf;

import dev.marquee.chart.RenderedChart;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A page's charts measured on paper, each at a size once. A page is laid out for each of its takeaways (and again when
 * a note must name a chart left to the site), each layout measures its charts, and each measure draws the chart: the
 * default data's PDF drew its charts 362 times for 77 measures.
 */
final class PaperMeasures {

    private record Size(float width, float height) {
    }

    private final Map<RenderedChart, Map<Size, Float>> heights = new IdentityHashMap<>();
    private final Map<RenderedChart, Map<Size, Integer>> bars = new IdentityHashMap<>();

    /** {@link PdfQuestionPage#measuredHeight}, measured once per width. */
    float height(RenderedChart chart, float width) {
        return heights.computeIfAbsent(chart, c -> new HashMap<>())
                .computeIfAbsent(new Size(width, 0), size -> PdfQuestionPage.measuredHeight(chart, width));
    }

    /** {@link PdfQuestionPage#barsShown}, measured once per size. */
    int barsShown(RenderedChart chart, float width, float height) {
        return bars.computeIfAbsent(chart, c -> new HashMap<>())
                .computeIfAbsent(new Size(width, height), size -> PdfQuestionPage.barsShown(chart, width, height));
    }
}
