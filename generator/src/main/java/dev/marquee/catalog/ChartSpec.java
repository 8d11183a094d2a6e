package dev.marquee.catalog;

import dev.marquee.engine.Table;
import dev.marquee.format.Formats;
import dev.marquee.format.Grain;
import dev.marquee.format.Unit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One chart (or table) of a question, declared in its front matter.
 *
 * @param id      unique within the question; names the chart's files (SVG, CSV)
 * @param query   the named statement in the question's SQL file that feeds it
 * @param x       the category or time column
 * @param y       the value columns (one line or bar per column, unless {@code series} is set)
 * @param series  the column whose values split {@code y} into series, when set
 * @param unit    unit of the y values
 * @param facet   a column (e.g. country) whose values each get their own page with this chart filtered to that value
 * @param line    line of the declaration in the question's .md file, for messages
 * @param needs   layer or model columns ({@code member.plan}) some loaded file must fill for the chart to be drawn;
 *                when one is empty everywhere, the chart is left out and the Data page says which column was missing
 * @param whenEmpty what the chart's page says when its query returns no row although the files feed it (why the
 *                  figures are withheld); empty for the general "nothing in the data folder feeds this chart"
 * @param units   the unit of other columns of its table (the y columns have {@code unit}): {@code units: {mrr: usd}};
 *                a column named in neither is a count, whatever its name (see {@link #unitOf})
 * @param grains  the grain of its date columns, declared in the same {@code units:} mapping:
 *                {@code units: {cohort: month, period_start: day}}; a date column named there by none lets each value
 *                decide, whatever the column's name (see {@link #grainOf})
 * @param track   what each edition's record keeps of the chart, so the next edition can say what moved: its order
 *                (a ranking) or each group's rate with its group size (the {@code members} column of the result's
 *                privacy declaration); empty for a chart the record leaves out
 * @param memberFileDescription the description for a chart whose rows all come from member-level files (a users or churn
 *                table, which give each member's totals, not viewing sessions); empty to use {@code description} for all
 */
public record ChartSpec(String id, String query, ChartKind kind, String title, String x, List<String> y,
                        Optional<String> series, String xLabel, String yLabel, Unit unit, boolean headline,
                        String description, Optional<String> facet, int line, List<String> needs,
                        String whenEmpty, Optional<Track> track, java.util.Map<String, Unit> units,
                        java.util.Map<String, Grain> grains, String memberFileDescription) {

    /** A chart with one description for every file. */
    public ChartSpec(String id, String query, ChartKind kind, String title, String x, List<String> y,
                     Optional<String> series, String xLabel, String yLabel, Unit unit, boolean headline,
                     String description, Optional<String> facet, int line, List<String> needs,
                     String whenEmpty, Optional<Track> track, java.util.Map<String, Unit> units,
                     java.util.Map<String, Grain> grains) {
        this(id, query, kind, title, x, y, series, xLabel, yLabel, unit, headline, description, facet, line, needs, whenEmpty,
                track, units, grains, "");
    }

    /**
     * What the chart's description says of rows from {@code sources}: the member-level files' own description when every
     * source is one ({@code eventSource} is the event files' population), else the description for all.
     */
    public String descriptionFor(List<String> sources, String eventSource) {
        return !memberFileDescription.isEmpty() && !sources.isEmpty() && !sources.contains(eventSource)
                ? memberFileDescription : description;
    }

    /** What an edition's record keeps of a chart (see {@code dev.marquee.history}). */
    public enum Track {
        /** The order of the x values: entries, exits and rank changes are reported. */
        RANKING,
        /** Each x value's y rate and group size: moves beyond the usual spread are reported, alert rules read it. */
        RATE;

        public static Optional<Track> parse(String text) {
            return java.util.Arrays.stream(values()).filter(t -> t.name().equalsIgnoreCase(text)).findFirst();
        }
    }

    public ChartSpec {
        Objects.requireNonNull(id);
        Objects.requireNonNull(query);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(title);
        y = List.copyOf(y);
        needs = List.copyOf(needs);
        Objects.requireNonNull(whenEmpty);
        Objects.requireNonNull(track);
        Objects.requireNonNull(memberFileDescription);
        units = java.util.Map.copyOf(units);
        grains = java.util.Map.copyOf(grains);
        if (!id.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("chart id must be lower-case letters, digits and '-': " + id);
        }
    }

    /** The same chart under another title (one population's chart, when a result holds several). */
    public ChartSpec titled(String newTitle) {
        return new ChartSpec(id, query, kind, newTitle, x, y, series, xLabel, yLabel, unit, headline, description, facet, line, needs,
                whenEmpty, track, units, grains, memberFileDescription);
    }

    private static final Pattern FROM_DATA = Pattern.compile("\\{([a-z_][a-z0-9_]*)\\|([^{}]*)}");

    /**
     * The axis labels with each {@code {column|otherwise}} replaced by the column's one value in {@code data}, or by
     * {@code otherwise} when it has none or several: "Days since the last {last_activity|activity}" reads "Days since
     * the last login" for a file whose activity is its logins.
     */
    public ChartSpec labelledFrom(Table data) {
        String newX = fromData(xLabel, data);
        String newY = fromData(yLabel, data);
        return newX.equals(xLabel) && newY.equals(yLabel) ? this : new ChartSpec(id, query, kind, title, x, y, series, newX, newY,
                unit, headline, description, facet, line, needs, whenEmpty, track, units, grains, memberFileDescription);
    }

    /**
     * The chart with its money columns written without cents where every value they hold is a whole number of dollars:
     * sums of prices rounded to a step of a dollar or more ($56,000, not $56,000.00), which cents would show as exact.
     * A forecast's columns follow its actual values: a forecast of rounded revenue is not more precise than they are.
     */
    public ChartSpec inWholeDollars(Table data) {
        if (y.isEmpty()) {
            return this;
        }
        java.util.Map<String, Unit> newUnits = new java.util.HashMap<>(units);
        units.forEach((column, declared) -> {
            if (declared.equals(Unit.USD) && wholeDollars(data, kind == ChartKind.FORECAST ? y.subList(0, 1) : List.of(column))) {
                newUnits.put(column, Unit.DOLLARS);
            }
        });
        Unit newUnit = unit.equals(Unit.USD) && wholeDollars(data, kind == ChartKind.FORECAST ? y.subList(0, 1) : y) ? Unit.DOLLARS : unit;
        return newUnit.equals(unit) && newUnits.equals(units) ? this : new ChartSpec(id, query, kind, title, x, y, series, xLabel,
                yLabel, newUnit, headline, description, facet, line, needs, whenEmpty, track, newUnits, grains, memberFileDescription);
    }

    /** Whether the columns hold a number and every number they hold is whole. */
    private static boolean wholeDollars(Table data, List<String> columns) {
        boolean any = false;
        for (String column : columns) {
            if (data.indexOf(column).isEmpty()) {
                return false;
            }
            for (Object value : data.columnValues(column)) {
                if (value == null) {
                    continue;
                }
                if (!(value instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    private static String fromData(String label, Table data) {
        Matcher placeholder = FROM_DATA.matcher(label);
        StringBuilder out = new StringBuilder();
        while (placeholder.find()) {
            String column = placeholder.group(1);
            List<String> values = data.indexOf(column).isEmpty() ? List.of() : data.columnValues(column).stream()
                    .filter(Objects::nonNull).map(Object::toString).distinct().toList();
            placeholder.appendReplacement(out, Matcher.quoteReplacement(values.size() == 1 ? values.get(0)
                    : placeholder.group(2)));
        }
        placeholder.appendTail(out);
        return out.toString();
    }

    /** The other question's result the chart draws, when its {@code query} borrows one ({@code outlook/forecast}). */
    public Optional<Reference> borrowedResult() {
        return Reference.isReference(query) ? Reference.parse(query) : Optional.empty();
    }

    /** Whether the chart draws a result of its own question (a statement, or one computed after the queries). */
    public boolean drawsOwnResult() {
        return !Reference.isReference(query);
    }

    /**
     * A column's unit, as the question declares it: its {@code units:} entry, else the chart's {@code unit} for a y
     * column, else a count. Never read from the column's name, so a new question needs no Java.
     */
    public Unit unitOf(String column) {
        Unit declared = units.get(column);
        if (declared != null) {
            return declared;
        }
        return y.contains(column) ? unit : Unit.COUNT;
    }

    /** A date column's grain, as the question declares it in {@code units:}; empty where it declares none. */
    public Optional<Grain> grainOf(String column) {
        return Optional.ofNullable(grains.get(column));
    }

    /**
     * A table cell as the reader sees it, on the site and in the PDF: numbers by their unit, dates by their column's
     * grain (see {@link Formats#date(java.time.LocalDate, Optional)}).
     */
    public String cellText(Object value, String column) {
        if (value instanceof java.time.LocalDate date) {
            return Formats.date(date, grainOf(column));
        }
        return Formats.cell(value, unitOf(column));
    }

    /** Every column the chart reads from its query's result. */
    public List<String> columnsUsed() {
        java.util.ArrayList<String> used = new java.util.ArrayList<>();
        if (!x.isEmpty()) {
            used.add(x);
        }
        used.addAll(y);
        series.ifPresent(used::add);
        facet.ifPresent(used::add);
        return used;
    }
}
