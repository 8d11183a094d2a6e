package dev.marquee.chart;

import dev.marquee.catalog.ChartKind;
import dev.marquee.catalog.ChartSpec;
import dev.marquee.engine.ColumnType;
import dev.marquee.engine.Table;
import dev.marquee.format.Formats;
import dev.marquee.format.SafeText;

import java.util.List;

/**
 * A sentence that says what a chart shows, written from its data: the highest and lowest values and the span. Values
 * are named as the chart labels them (one line, capped in length).
 */
final class AltText {

    private AltText() {
    }

    static String describe(ChartSpec spec, Table data) {
        if (data.isEmpty()) {
            return spec.title() + ": no data.";
        }
        String y = spec.y().isEmpty() ? null : spec.y().get(0);
        if (y == null) {
            return spec.title() + ": a table of " + data.rowCount() + " rows.";
        }
        int xIndex = data.index(spec.x());
        ColumnType xType = data.columns().get(xIndex).type();
        boolean stacked = spec.kind() == ChartKind.STACKED_BAR || spec.kind() == ChartKind.STACKED_PERCENT;
        // What a reader compares: a stack's total per category; else each bar or point (of the first value column).
        java.util.Map<Object, Double> totals = new java.util.LinkedHashMap<>();
        java.util.Map<Object, String> names = new java.util.LinkedHashMap<>();
        int seriesIndex = spec.series().map(data::index).orElse(-1);
        List<String> columns = stacked ? spec.y() : List.of(y);
        for (List<Object> row : data.rows()) {
            for (String column : columns) {
                Double value = ChartBuilder.plotted(row.get(data.index(column)));
                if (value == null) {
                    continue;
                }
                Object x = row.get(xIndex);
                Object key = stacked || seriesIndex < 0 ? x : List.of(String.valueOf(x), String.valueOf(row.get(seriesIndex)));
                totals.merge(key, value, Double::sum);
                names.putIfAbsent(key, stacked || seriesIndex < 0 ? label(x, xType)
                        : label(x, xType) + " (" + SafeText.label(String.valueOf(row.get(seriesIndex))) + ")");
            }
        }
        Object highest = null;
        Object lowest = null;
        for (java.util.Map.Entry<Object, Double> entry : totals.entrySet()) {
            if (highest == null || entry.getValue() > totals.get(highest)) {
                highest = entry.getKey();
            }
            if (lowest == null || entry.getValue() < totals.get(lowest)) {
                lowest = entry.getKey();
            }
        }
        StringBuilder text = new StringBuilder(spec.title()).append(", ").append(spec.kind().id().replace('-', ' '))
                .append(" chart of ").append(spec.yLabel().toLowerCase(java.util.Locale.ROOT));
        List<Object> xs = data.columnValues(spec.x());
        if (xType.isTemporal()) {
            text.append(" from ").append(label(xs.get(0), xType)).append(" to ").append(label(xs.get(xs.size() - 1), xType));
        } else {
            text.append(" by ").append(spec.xLabel().toLowerCase(java.util.Locale.ROOT)).append(" (")
                    .append(xs.stream().distinct().count()).append(")");
        }
        text.append('.');
        // Stacks of shares all reach 100%: there is no highest to name.
        if (highest != null && spec.kind() != ChartKind.STACKED_PERCENT) {
            text.append(stacked ? " Highest total: " : " Highest: ").append(names.get(highest)).append(", ")
                    .append(Formats.compact(totals.get(highest), spec.unit()))
                    .append(stacked ? ". Lowest total: " : ". Lowest: ").append(names.get(lowest)).append(", ")
                    .append(Formats.compact(totals.get(lowest), spec.unit()))
                    .append('.');
        }
        if (spec.series().isPresent()) {
            text.append(" Split by ").append(spec.series().get().replace('_', ' ')).append('.');
        }
        return text.toString();
    }

    private static String label(Object x, ColumnType type) {
        if (x instanceof java.time.LocalDate date) {
            return Formats.period(date);
        }
        return SafeText.label(ChartBuilder.category(x, type));
    }
}
