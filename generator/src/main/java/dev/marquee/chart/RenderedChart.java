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
 * @param altText a sentence written from the data (extremes, range), for screen readers and the PDF
 * @param facetValue for a faceted chart, the value (e.g. the country) its data was filtered to
 */
public record RenderedChart(String questionSlug, ChartSpec spec, Table data, Optional<JFreeChart> chart,
                            String svg, String altText, Optional<String> facetValue) {

    /** Draws the chart onto any Graphics2D (the PDF's) as vectors. */
    public void draw(Graphics2D graphics, Rectangle2D area) {
        chart.ifPresent(c -> c.draw(graphics, area));
    }

    /** The file stem of the chart's outputs, unique in the report: {@code <question>-<chart>}. */
    public String fileStem() {
        return questionSlug + "-" + spec.id() + facetValue.map(v -> "-" + slug(v)).orElse("");
    }

    /** A value as a file-name part: lower-case letters and digits joined by '-'. */
    public static String slug(String value) {
        String slug = java.text.Normalizer.normalize(value, java.text.Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return slug.isEmpty() ? "x" + Integer.toHexString(value.hashCode()) : slug;
    }
}
