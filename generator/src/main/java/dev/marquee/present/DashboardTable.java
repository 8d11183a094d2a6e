package dev.marquee.present;

import dev.marquee.catalog.ChartKind;
import dev.marquee.chart.RenderedChart;
import dev.marquee.engine.Table;
import dev.marquee.format.Formats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The table a question's dashboard page shows, beside its charts: the rows the page talks about, as the reader sees
 * them. All rows when there are few; else, for a series over time, the latest months (a forecast's months and the last
 * actual one), and for categories the largest by the chart's measure, with every row the takeaway names. The layout
 * only says how many rows fit its page ({@link #excerpt}).
 *
 * @param figure   the figure whose data it is: the table the takeaway speaks of, else the first chart's data
 * @param priority every row of the data, the one most worth showing first
 * @param wanted   how many of them it shows when the page has room
 * @param latest   whether the rows shown are a series' latest (the note says "the latest 8 of 36 rows")
 * @param chosenBy what the note says of the rows shown when some are left out ("the largest by members"), if anything
 * @param source   the one file all its rows come from, when they come from one and another column labels the rows: the
 *                 note names it instead of a column
 * @param group    the column whose value groups the rows (a country's plans in a plan mix by country), shown whole, if any
 */
public record DashboardTable(Figure figure, List<Integer> priority, int wanted, boolean latest, String chosenBy,
                             Optional<String> source, Optional<Integer> group) {

    /** A table of at most this many rows is shown whole (when it fits its page); no page shows more. */
    public static final int ALL_ROWS = 12;
    /** How many of a longer table's rows a page shows at most, beside a forecast's months and the rows its takeaway names. */
    static final int TOP_ROWS = 8;

    public DashboardTable {
        priority = List.copyOf(priority);
    }

    /** The rows shown, in the table's order, the columns shown, and the note after the title, empty when all is shown. */
    public record Excerpt(List<Integer> rows, List<Integer> columns, String note) {

        public Excerpt {
            rows = List.copyOf(rows);
            columns = List.copyOf(columns);
        }
    }

    /**
     * The table a page shows: when the takeaway speaks of a table, the table-only entry whose title shares the most
     * words with it ("The backtest table shows..." is "How wrong each forecast has been (backtest)"); otherwise the
     * first chart's data. None when no figure has data.
     */
    static Optional<DashboardTable> of(List<Figure> figures, String takeaway) {
        List<Figure> shown = figures.stream().filter(f -> !f.chart().data().isEmpty()).toList();
        String words = " " + takeaway.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ") + " ";
        Optional<Figure> named = Optional.empty();
        if (words.contains(" table ")) {
            named = shown.stream().filter(f -> f.chart().spec().kind() == ChartKind.TABLE)
                    .max(Comparator.comparingInt((Figure f) -> shared(f.title(), words))
                            .thenComparing(Comparator.comparingInt(shown::indexOf).reversed()));
        }
        return named.or(() -> shown.stream().findFirst()).map(figure -> of(figure, takeaway));
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

    /** A figure's rows in the order they are worth showing, for a page whose takeaway says {@code takeaway}. */
    static DashboardTable of(Figure figure, String takeaway) {
        RenderedChart chart = figure.chart();
        Table data = chart.data();
        int wanted = data.rowCount() <= ALL_ROWS ? data.rowCount() : TOP_ROWS;
        List<Integer> priority = new ArrayList<>();
        Optional<Integer> x = chart.spec().x().isEmpty() ? Optional.empty() : data.indexOf(chart.spec().x());
        if (x.isPresent() && data.columns().get(x.get()).type().isTemporal()) {
            // The latest first; a forecast's months before any other, with the last actual one they start from.
            Optional<Integer> actual = data.indexOf("actual");
            if (chart.spec().kind() == ChartKind.FORECAST && actual.isPresent()) {
                int from = data.rowCount();
                for (int r = data.rowCount() - 1; r >= 0 && from == data.rowCount(); r--) {
                    if (data.rows().get(r).get(actual.get()) != null) {
                        from = r;
                    }
                }
                wanted = Math.max(wanted, data.rowCount() - from);
            }
            // The latest with a figure first: the latest 8 months of signups were 5 blank rows (months too small to show).
            List<Integer> latestFirst = new ArrayList<>();
            for (int r = data.rowCount() - 1; r >= 0; r--) {
                latestFirst.add(r);
            }
            priority.addAll(withFigures(data, latestFirst));
            return new DashboardTable(figure, priority, Math.min(wanted, priority.size()), true, "", source(data), Optional.empty());
        }
        Set<Integer> named = new LinkedHashSet<>();
        // A row's file names no row: "In netflix_users.csv, ..." named every row of that file, so the excerpt showed
        // the first four hours bands, not the largest it said it showed.
        Optional<Integer> file = data.indexOf("source");
        for (int r = 0; r < data.rowCount(); r++) {
            List<Object> row = data.rows().get(r);
            for (int c = 0; c < row.size(); c++) {
                if (row.get(c) instanceof String text && text.length() >= 3 && takeaway.contains(text) && !file.equals(Optional.of(c))) {
                    named.add(r);
                }
            }
        }
        Set<Integer> ordered = new LinkedHashSet<>(named);
        Optional<Integer> measure = chart.spec().y().isEmpty() ? Optional.empty() : data.indexOf(chart.spec().y().get(0));
        boolean ranked = measure.isPresent() && data.columns().get(measure.get()).type().isNumeric();
        List<Integer> order = new ArrayList<>();
        for (int r = 0; r < data.rowCount(); r++) {
            order.add(r);
        }
        // Rows of one x value split by a series (a country's plans) are shown together, the groups by their total: the
        // eight largest rows of a plan mix by country were pieces of eight countries, their shares adding up to nothing.
        Optional<Integer> group = chart.spec().series().isPresent() && ranked ? x : Optional.empty();
        if (group.isPresent()) {
            int m = measure.get();
            int g = group.get();
            java.util.Map<Object, Double> totals = new java.util.HashMap<>();
            for (List<Object> row : data.rows()) {
                totals.merge(String.valueOf(row.get(g)), Math.max(0, value(row.get(m))), Double::sum);
            }
            order.sort(Comparator.comparingDouble((Integer r) -> totals.get(String.valueOf(data.rows().get(r).get(g)))).reversed()
                    .thenComparing(r -> String.valueOf(data.rows().get(r).get(g))));
        } else if (ranked) {
            int m = measure.get();
            order.sort(Comparator.comparingDouble((Integer r) -> value(data.rows().get(r).get(m))).reversed());
        }
        // As for a series over time: the forecasts' backtest table showed two blank rows and left out the one with errors.
        ordered.addAll(ordered.isEmpty() ? withFigures(data, order) : order.stream().filter(r -> !noFigure(data, r)).toList());
        priority.addAll(ordered);
        String largest = !ranked ? "" : "the largest by " + Formats.header(chart.spec().y().get(0))
                + group.map(g -> ", each " + Formats.header(data.columns().get(g).name()) + " whole").orElse("");
        String chosenBy = named.isEmpty() ? largest : largest.isEmpty() ? "with those named above" : largest + ", with those named above";
        return new DashboardTable(figure, priority, Math.max(wanted, named.size()), false, chosenBy, source(data),
                named.isEmpty() ? group : Optional.empty());
    }

    /**
     * The rows with a figure, in the order given; all of them when none has one. A blank row (every figure hidden) says
     * nothing a note would not.
     */
    private static List<Integer> withFigures(Table data, List<Integer> rows) {
        List<Integer> shown = rows.stream().filter(r -> !noFigure(data, r)).toList();
        return shown.isEmpty() ? rows : shown;
    }

    /** Whether a row has no figure at all (every one hidden for a small group). */
    private static boolean noFigure(Table data, int row) {
        for (int c = 0; c < data.columns().size(); c++) {
            if (data.columns().get(c).type().isNumeric() && data.rows().get(row).get(c) != null) {
                return false;
            }
        }
        return true;
    }

    private static double value(Object cell) {
        return cell instanceof Number number && Double.isFinite(number.doubleValue()) ? number.doubleValue() : Double.NEGATIVE_INFINITY;
    }

    /**
     * The one file all of a table's rows come from, when they come from one and another column labels the rows (in a
     * list of files, the file is the label).
     */
    private static Optional<String> source(Table data) {
        boolean labelled = data.columns().stream().anyMatch(c -> !c.name().equals("source") && !c.type().isNumeric());
        if (!labelled || data.indexOf("source").isEmpty() || data.isEmpty()) {
            return Optional.empty();
        }
        List<String> sources = data.sources();
        return sources.size() == 1 && sources.get(0) != null ? Optional.of(sources.get(0)) : Optional.empty();
    }

    public String title() {
        return "Table: " + figure.title();
    }

    /**
     * What the table shows on a page with room for {@code fit} rows: the first of {@link #priority} up to
     * {@link #wanted}, in the table's order; the columns with a value in at least one of them (a forecast's future
     * months have no actual), less the columns of sentences (a note of 60 characters or more on average), which the
     * site's table has whole, and a {@code source} column of one value; and the note: the one file the rows come from
     * (unless the chart is one population's, whose title names it), and how many rows of how many are shown and which.
     */
    public Excerpt excerpt(int fit) {
        Table data = figure.chart().data();
        List<Integer> rows = wholeGroups(data, priority.stream().limit(Math.min(fit, wanted)).toList()).stream().sorted().toList();
        boolean skipsBlanks = latest && !rows.isEmpty() && rows.size() < data.rowCount() - rows.get(0);
        String count = rows.size() == data.rowCount() ? ""
                : latest && skipsBlanks ? withFigures(data, rows.size())
                : latest ? "the latest " + rows.size() + " of " + data.rowCount() + " rows"
                : rows.size() + " of " + data.rowCount() + " rows" + (chosenBy.isEmpty() ? "" : ": " + chosenBy);
        // A report of one population names it on its Data and About pages, not under each table.
        String file = source.filter(f -> figure.chart().source().isEmpty() && figure.namesSources())
                .map(f -> "source: " + f + (count.isEmpty() ? "" : "; ")).orElse("");
        return new Excerpt(rows, columns(data, rows), file + count);
    }

    /** The note of the latest rows that have figures, when blank rows among them were passed over. */
    private static String withFigures(Table data, int shown) {
        long figured = java.util.stream.IntStream.range(0, data.rowCount()).filter(r -> !noFigure(data, r)).count();
        return shown == figured ? (shown == 1 ? "the 1 row of " : "the " + shown + " rows of ") + data.rowCount() + " that "
                + (shown == 1 ? "has" : "have") + " figures"
                : "the latest " + shown + " of the " + figured + " rows of " + data.rowCount() + " that have figures";
    }

    /** The rows chosen less a last group they hold only part of, when they hold another whole. */
    private List<Integer> wholeGroups(Table data, List<Integer> chosen) {
        if (group.isEmpty() || chosen.isEmpty()) {
            return chosen;
        }
        int g = group.get();
        Object last = String.valueOf(data.rows().get(chosen.get(chosen.size() - 1)).get(g));
        long inData = data.rows().stream().filter(row -> String.valueOf(row.get(g)).equals(last)).count();
        List<Integer> others = chosen.stream().filter(r -> !String.valueOf(data.rows().get(r).get(g)).equals(last)).toList();
        return chosen.size() - others.size() == inData || others.isEmpty() ? chosen : others;
    }

    private List<Integer> columns(Table data, List<Integer> rows) {
        List<Integer> columns = new ArrayList<>();
        for (int c = 0; c < data.columns().size(); c++) {
            int column = c;
            List<String> texts = rows.stream().map(r -> text(data.rows().get(r).get(column))).toList();
            boolean filled = texts.stream().anyMatch(t -> !t.isEmpty());
            boolean prose = !data.columns().get(c).type().isNumeric() && !texts.isEmpty()
                    && texts.stream().mapToInt(String::length).average().orElse(0) >= 60;
            boolean oneSource = data.columns().get(c).name().equals("source") && source.isPresent();
            if (filled && !prose && !oneSource) {
                columns.add(c);
            }
        }
        return columns.isEmpty() && !data.columns().isEmpty() ? List.of(0) : columns;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString().strip();
    }
}
