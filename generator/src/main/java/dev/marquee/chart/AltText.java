package dev.marquee.chart;

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
        int yIndex = data.index(y);
        ColumnType xType = data.columns().get(xIndex).type();
        int highest = -1;
        int lowest = -1;
        for (int i = 0; i < data.rowCount(); i++) {
            Double value = ChartBuilder.plotted(data.rows().get(i).get(yIndex));
            if (value == null) {
                continue;
            }
            double v = value;
            if (highest < 0 || v > ((Number) data.rows().get(highest).get(yIndex)).doubleValue()) {
                highest = i;
            }
            if (lowest < 0 || v < ((Number) data.rows().get(lowest).get(yIndex)).doubleValue()) {
                lowest = i;
            }
        }
        StringBuilder text = new StringBuilder(spec.title()).append(", ").append(spec.kind().id().replace('-', ' '))
                .append(" chart of ").append(spec.yLabel().toLowerCase(java.util.Locale.ROOT));
        List<Object> xs = data.columnValues(spec.x());
        if (xType.isTemporal()) {
            text.append(" from ").append(label(xs.get(0), xType)).append(" to ").append(label(xs.get(xs.size() - 1), xType));
        } else {
            text.append(" across ").append(xs.stream().distinct().count()).append(" ").append(spec.xLabel().toLowerCase(java.util.Locale.ROOT));
        }
        text.append('.');
        if (highest >= 0) {
            text.append(" Highest: ").append(label(data.rows().get(highest).get(xIndex), xType)).append(", ")
                    .append(Formats.compact(((Number) data.rows().get(highest).get(yIndex)).doubleValue(), spec.unit()))
                    .append(". Lowest: ").append(label(data.rows().get(lowest).get(xIndex), xType)).append(", ")
                    .append(Formats.compact(((Number) data.rows().get(lowest).get(yIndex)).doubleValue(), spec.unit()))
                    .append('.');
        }
        if (spec.series().isPresent()) {
            text.append(" Split by ").append(spec.series().get().replace('_', ' ')).append('.');
        }
        return text.toString();
    }

    private static String label(Object x, ColumnType type) {
        if (x instanceof java.time.LocalDate date) {
            return date.getDayOfMonth() == 1 ? Formats.month(date) : Formats.date(date);
        }
        return SafeText.label(ChartBuilder.category(x, type));
    }
}
