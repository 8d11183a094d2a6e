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
 */
public record RenderedChart(String questionSlug, ChartSpec spec, Table data, Optional<JFreeChart> chart,
                            String svg, String altText) {

    /** Draws the chart onto any Graphics2D (the PDF's) as vectors. */
    public void draw(Graphics2D graphics, Rectangle2D area) {
        chart.ifPresent(c -> c.draw(graphics, area));
    }

    /** The file stem of the chart's outputs, unique in the report: {@code <question>-<chart>}. */
    public String fileStem() {
        return questionSlug + "-" + spec.id();
    }
}
