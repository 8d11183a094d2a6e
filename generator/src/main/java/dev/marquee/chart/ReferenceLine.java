package dev.marquee.chart;

/**
 * A horizontal line across a chart's values, named in the chart's legend: a target (red, dashed), or a benchmark such
 * as the rate of all groups together (grey, dotted).
 */
public record ReferenceLine(double value, String label, boolean target) {
}
