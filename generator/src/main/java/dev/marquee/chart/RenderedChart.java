package dev.marquee.chart;

import dev.marquee.catalog.ChartSpec;
import dev.marquee.engine.Table;

import org.jfree.chart.JFreeChart;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.Optional;

/**
 * One chart of one question, ready for both outputs: the SVG for the site and the JFreeChart the PDF draws as
 * vectors. {@code chart} is empty for table-only entries.
 *
 * @param narrowSvg the same chart drawn for a phone's width (empty for table-only entries)
 * @param altText a sentence written from the data (extremes, range), for screen readers and the PDF
 * @param facetValue for a faceted chart, the value (e.g. the country) its data was filtered to
 * @param facetSlug the facet value as a file-name part, unique among the values of its facet column (empty without one)
 * @param source    when the data holds several populations (files), the one this chart shows: populations are never
 *                  pooled in one chart; its title names it
 * @param sourceSlug the source as a file-name part (empty without one)
 */
public record RenderedChart(String questionSlug, ChartSpec spec, Table data, Optional<JFreeChart> chart,
                            String svg, String narrowSvg, String altText, Optional<String> facetValue, String facetSlug,
                            Optional<String> source, String sourceSlug) {

    public RenderedChart {
        if (facetValue.isPresent() == facetSlug.isEmpty()) {
            throw new IllegalArgumentException("a facet value needs its slug, and only a facet value has one");
        }
        if (source.isPresent() == sourceSlug.isEmpty()) {
            throw new IllegalArgumentException("a source needs its slug, and only a source has one");
        }
    }

    /**
     * Draws the chart onto any Graphics2D (the PDF's) as vectors. A horizontal bar chart whose bars would not fit the
     * area shows the first ones that do and says how many of how many.
     *
     * @return the alt text of the chart as drawn: with that line when bars were left out, since a reader who cannot see
     *         the chart should not be told of a bar the page does not have
     */
    public String draw(Graphics2D graphics, Rectangle2D area) {
        if (chart.isEmpty()) {
            return altText;
        }
        ChartSize.Fit fit = ChartSize.fitted(chart.get(), area);
        fit.chart().draw(graphics, area);
        return altText + fit.leftOut().map(line -> " " + line).orElse("");
    }

    /**
     * Whether the chart drawn into {@code area} shows at least {@code least} bars, or all it has: a horizontal bar
     * chart in too small an area shows only the first bars that fit (see {@link #draw}).
     */
    public boolean showsBars(int least, Rectangle2D area) {
        return barsShown(area) >= least;
    }

    /** How many bars the chart drawn into {@code area} shows: the first that fit, or all (as many as any area shows). */
    public int barsShown(Rectangle2D area) {
        return chart.map(drawn -> ChartSize.fitted(drawn, area).bars()).orElse(Integer.MAX_VALUE);
    }

    /**
     * The height the chart needs on paper when drawn {@code width} wide, and at least {@code usual}: every bar of a
     * horizontal bar chart at its label's height; for any other chart, a plot {@code leastPlot} high once its labels
     * (turned up, perhaps), legend and titles have their room.
     */
    public double paperHeight(double width, double usual, double leastPlot) {
        return chart.map(drawn -> ChartSize.paperHeight(drawn, width, usual, leastPlot)).orElse(usual);
    }

    /** The chart's title without the population it counts: "Members by country" of "Members by country — netflix_users.csv". */
    public String titleWithoutSource() {
        return source.map(s -> spec.title().substring(0, spec.title().length() - ChartStage.sourceSuffix(s).length())).orElse(spec.title());
    }

    /** The file stem of the chart's outputs, unique in the report: {@code <question>-<chart>}. */
    public String fileStem() {
        return questionSlug + "-" + spec.id() + (sourceSlug.isEmpty() ? "" : "-" + sourceSlug)
                + (facetSlug.isEmpty() ? "" : "-" + facetSlug);
    }
}
