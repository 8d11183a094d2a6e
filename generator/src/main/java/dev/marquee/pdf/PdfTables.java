package dev.marquee.pdf;

import dev.marquee.catalog.ChartKind;
import dev.marquee.chart.RenderedChart;
import dev.marquee.engine.Table;
import dev.marquee.present.Figure;
import dev.marquee.present.Page;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which table a dashboard page shows and which of its rows and columns: the rows the page talks about, as the reader
 * sees them. All rows when there are few; else, for a series over time, the latest months (a forecast's months and the
 * last actual one), and for categories the largest by the chart's measure, with every row the takeaway names.
 */
final class PdfTables {

    /** A table of at most this many rows is shown whole (when it fits its page). */
    static final int ALL_ROWS = 12;
    /** How many of a longer table's rows a page shows at most. */
    static final int TOP_ROWS = 8;

    private PdfTables() {
    }

    /**
     * The table a page shows: when the takeaway speaks of a table, the table-only entry whose title shares the most
     * words with it ("The backtest table shows..." is "How wrong each forecast has been (backtest)"); otherwise the
     * first chart's data.
     */
    static Optional<Figure> pick(Page page) {
        List<Figure> shown = page.shown().stream().filter(f -> !f.chart().data().isEmpty()).toList();
        String words = " " + page.takeaway().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ") + " ";
        if (words.contains(" table ")) {
            Optional<Figure> named = shown.stream().filter(f -> f.chart().spec().kind() == ChartKind.TABLE)
                    .max(Comparator.comparingInt((Figure f) -> shared(f.title(), words))
                            .thenComparing(Comparator.comparingInt(shown::indexOf).reversed()));
            if (named.isPresent()) {
                return named;
            }
        }
        return shown.stream().findFirst();
    }

    private static int shared(String title, String words) {
        int count = 0;
        for (String word : title.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            // "file" in the title matches "files" in the takeaway.
            if (word.length() >= 4 && words.contains(" " + word)) {
                count++;
            }
        }
        return count;
    }

    /** Rows to show, in the table's own order, and what the title says of them when they are not all the rows. */
    record Selection(List<Integer> rows, String note) {
    }

    /** The rows to show, at most {@code limit}. */
    static Selection rows(RenderedChart chart, String takeaway, int limit) {
        Table data = chart.data();
        int wanted = Math.min(limit, data.rowCount() <= ALL_ROWS ? data.rowCount() : TOP_ROWS);
        List<Integer> priority = new ArrayList<>();
        Optional<Integer> x = chart.spec().x().isEmpty() ? Optional.empty() : data.indexOf(chart.spec().x());
        if (x.isPresent() && data.columns().get(x.get()).type().isTemporal()) {
            // The latest first; a forecast's months before any other, with the last actual one they start from.
            Optional<Integer> actual = data.indexOf("actual");
            int from = data.rowCount();
            if (chart.spec().kind() == ChartKind.FORECAST && actual.isPresent()) {
                for (int r = data.rowCount() - 1; r >= 0 && from == data.rowCount(); r--) {
                    if (data.rows().get(r).get(actual.get()) != null) {
                        from = r;
                    }
                }
                wanted = Math.min(limit, Math.max(wanted, data.rowCount() - from));
            }
            for (int r = data.rowCount() - 1; r >= 0; r--) {
                priority.add(r);
            }
            List<Integer> rows = priority.stream().limit(wanted).sorted().toList();
            return new Selection(rows, rows.size() == data.rowCount() ? "" : "the latest " + rows.size() + " of " + data.rowCount() + " rows");
        } else {
            Set<Integer> named = new LinkedHashSet<>();
            for (int r = 0; r < data.rowCount(); r++) {
                for (Object value : data.rows().get(r)) {
                    if (value instanceof String text && text.length() >= 3 && takeaway.contains(text)) {
                        named.add(r);
                    }
                }
            }
            priority.addAll(named);
            Optional<Integer> measure = chart.spec().y().isEmpty() ? Optional.empty() : data.indexOf(chart.spec().y().get(0));
            List<Integer> order = new ArrayList<>();
            for (int r = 0; r < data.rowCount(); r++) {
                order.add(r);
            }
            if (measure.isPresent() && data.columns().get(measure.get()).type().isNumeric()) {
                int m = measure.get();
                order.sort(Comparator.comparingDouble((Integer r) -> value(data.rows().get(r).get(m))).reversed());
            }
            for (Integer r : order) {
                if (!priority.contains(r)) {
                    priority.add(r);
                }
            }
            wanted = Math.max(wanted, Math.min(limit, named.size()));
            List<Integer> rows = priority.stream().limit(wanted).sorted().toList();
            if (rows.size() == data.rowCount()) {
                return new Selection(rows, "");
            }
            boolean ranked = measure.isPresent() && data.columns().get(measure.get()).type().isNumeric();
            String note = rows.size() + " of " + data.rowCount() + " rows" + (ranked ? ": the largest by "
                    + dev.marquee.format.Formats.header(chart.spec().y().get(0)) : "") + (named.isEmpty() ? "" : (ranked ? "," : ":") + " with those named above");
            return new Selection(rows, note);
        }
    }

    private static double value(Object cell) {
        return cell instanceof Number number && Double.isFinite(number.doubleValue()) ? number.doubleValue() : Double.NEGATIVE_INFINITY;
    }

    /**
     * The columns with a value in at least one of the rows shown (a forecast's future months have no actual), less
     * the columns of sentences (a note of 60 characters or more on average), which the site's table has whole, and a
     * {@code source} column of one value, which the title names instead ({@link #source}).
     */
    static List<Integer> columns(RenderedChart chart, List<Integer> rows) {
        Table data = chart.data();
        List<Integer> columns = new ArrayList<>();
        for (int c = 0; c < data.columns().size(); c++) {
            int column = c;
            List<String> texts = rows.stream().map(r -> text(data.rows().get(r).get(column))).toList();
            boolean filled = texts.stream().anyMatch(t -> !t.isEmpty());
            boolean prose = !data.columns().get(c).type().isNumeric() && !texts.isEmpty()
                    && texts.stream().mapToInt(String::length).average().orElse(0) >= 60;
            String name = data.columns().get(c).name();
            boolean oneSource = name.equals("source") && source(chart).isPresent();
            if (filled && !prose && !oneSource) {
                columns.add(c);
            }
        }
        return columns.isEmpty() && !data.columns().isEmpty() ? List.of(0) : columns;
    }

    /**
     * The one file all of a table's rows come from, when they come from one and another column labels the rows (in a
     * list of files, the file is the label).
     */
    static Optional<String> source(RenderedChart chart) {
        Table data = chart.data();
        boolean labelled = data.columns().stream().anyMatch(c -> !c.name().equals("source") && !c.type().isNumeric());
        if (!labelled) {
            return Optional.empty();
        }
        if (data.indexOf("source").isEmpty() || data.isEmpty()) {
            return Optional.empty();
        }
        List<Object> sources = data.columnValues("source").stream().distinct().toList();
        return sources.size() == 1 && sources.get(0) != null ? Optional.of(sources.get(0).toString()) : Optional.empty();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString().strip();
    }
}
