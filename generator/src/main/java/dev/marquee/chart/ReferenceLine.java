package dev.marquee.chart;

/** A horizontal line across a chart's values, labelled: a target, or the rate of all groups together. */
public record ReferenceLine(double value, String label) {
}
