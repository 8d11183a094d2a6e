package dev.marquee.chart;

import dev.marquee.catalog.ChartKind;
import dev.marquee.catalog.ChartSpec;
import dev.marquee.engine.Column;
import dev.marquee.engine.ColumnType;
import dev.marquee.engine.Table;
import dev.marquee.format.Unit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Charts declared and drawn as the chart stage draws them, from tables written in the test. */
final class Charts {

    private static final Pattern SVG_TEXT = Pattern.compile("<text[^>]*>([^<]*)</text>");
    private static final Pattern TITLE = Pattern.compile("<title>([^<]*)</title>");

    private Charts() {
    }

    static ChartSpec spec(ChartKind kind, String x, List<String> y, Optional<String> series, Unit unit) {
        return new ChartSpec("c", "q", kind, "The chart's title", x, y, series, "The x axis", "The values", unit, false, "",
                Optional.empty(), 1, List.of(), "", Optional.empty(), Map.of(), Map.of());
    }

    static Table table(List<Column> columns, Object[]... rows) {
        List<List<Object>> list = new ArrayList<>();
        for (Object[] row : rows) {
            list.add(Arrays.asList(row));
        }
        return new Table(columns, list);
    }

    static Column column(String name, ColumnType type) {
        return new Column(name, type);
    }

    static RenderedChart render(ChartSpec spec, Table data) {
        return ChartStage.render("test", spec, data, Optional.empty(), "");
    }

    /** The text of every {@code <title>} of an SVG: its hotspots' values, in reading order. */
    static List<String> titles(String svg) {
        List<String> titles = new ArrayList<>();
        Matcher matcher = TITLE.matcher(svg);
        while (matcher.find()) {
            titles.add(matcher.group(1));
        }
        return titles;
    }

    /** The text of every {@code <text>} element of an SVG, unescaped for '&'. */
    static List<String> texts(String svg) {
        List<String> texts = new ArrayList<>();
        Matcher matcher = SVG_TEXT.matcher(svg);
        while (matcher.find()) {
            texts.add(matcher.group(1).replace("&amp;", "&"));
        }
        return texts;
    }
}
