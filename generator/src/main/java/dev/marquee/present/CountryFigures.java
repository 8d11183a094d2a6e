package dev.marquee.present;

import dev.marquee.catalog.ChartSpec;
import dev.marquee.catalog.GroupSpec;
import dev.marquee.engine.Table;
import dev.marquee.format.Formats;
import dev.marquee.format.NumberStyle;
import dev.marquee.format.Unit;
import dev.marquee.privacy.Disclosure;
import dev.marquee.report.Report;
import dev.marquee.report.Section;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The figures the report gives per country (every unfaceted chart with one bar per country), each with the same
 * figure for all countries beside it: a share of the total for counts and money, the rate of all countries together
 * for a rate the question declares as a ratio of two of its columns.
 */
final class CountryFigures {

    /**
     * Styles of figures that add up across countries, so a country's figure is a share of their total: counts, whatever
     * they count, hours and minutes, money; not days (a tenure), rates, scores, years nor decimals.
     */
    private static final Set<NumberStyle> ADDITIVE = EnumSet.of(NumberStyle.WHOLE, NumberStyle.COUNT, NumberStyle.HOURS,
            NumberStyle.MINUTES, NumberStyle.USD, NumberStyle.DOLLARS);

    /** A figure's column: its label names the population when the countries' figures come from more than one. */
    record Column(String label) {
    }

    /**
     * A country's figure: short on its page ({@code text}), in full in the countries table ({@code cell}), and how it
     * compares with all countries ("" when that cannot be said).
     */
    record Value(String text, String cell, String comparison) {
        static final Value NONE = new Value("", "", "");
        /** A country the figure's result merged into the Other row, or whose figure it hid. */
        static Value notPublished(int k) {
            // A large country is often merged for a small one's sake: the reason leads with what is protected, not
            // with "fewer than k", which beside its page's member count reads as false.
            return new Value(Tile.NOT_PUBLISHED, "–", "Counted in " + Disclosure.OTHER + " so that no group of fewer than " + k
                    + " members can be worked out from the totals: the country or a part of it the figure counts (its "
                    + "churners, say) is that small, or it is merged with a smaller country to protect that one");
        }

        boolean published() {
            return !cell.equals("–") && !cell.isEmpty();
        }
    }

    private final List<Column> columns;
    private final Map<String, Map<Column, Value>> byCountry;
    private final int k;

    private CountryFigures(List<Column> columns, Map<String, Map<Column, Value>> byCountry, int k) {
        this.columns = columns;
        this.byCountry = byCountry;
        this.k = k;
    }

    static CountryFigures of(Report report) {
        int k = report.parameters().minGroupSize();
        // A figure of one population, the countries' values of it.
        record Figure(String name, String population, Map<String, Value> byCountry) {
        }
        List<Figure> figures = new ArrayList<>();
        for (Section section : report.sections()) {
            for (ChartSpec declared : section.answer().question().charts()) {
                if (declared.facet().isPresent() || declared.series().isPresent() || !declared.x().equals("country")
                        || !section.answer().results().containsKey(declared.query())) {
                    continue;
                }
                Table table = section.answer().result(declared.query());
                // Written as the chart writes them: revenue rounded to whole dollars without cents.
                ChartSpec spec = declared.inWholeDollars(table);
                Optional<Integer> source = table.indexOf("source");
                Map<String, List<List<Object>>> populations = new LinkedHashMap<>();
                for (List<Object> row : table.rows()) {
                    populations.computeIfAbsent(source.map(i -> String.valueOf(row.get(i))).orElse(""), s -> new ArrayList<>()).add(row);
                }
                for (String y : spec.y()) {
                    String name = spec.y().size() == 1 ? spec.yLabel() : Formats.header(y);
                    for (Map.Entry<String, List<List<Object>>> population : populations.entrySet()) {
                        Optional<GroupSpec.Ratio> ratio = section.answer().question().privacy().stream()
                                .filter(g -> g.result().equals(spec.query())).flatMap(g -> g.ratios().stream())
                                .filter(r -> r.column().equals(y) && !r.denominatorSummed()).findFirst();
                        boolean rounded = report.parameters().prices().ofRows(population.getKey()).rounds()
                                && section.answer().question().privacy().stream()
                                .anyMatch(g -> g.result().equals(declared.query()) && g.prices().contains(y));
                        Overall overall = Overall.of(table, population.getValue(), y, spec.unit(), ratio, rounded ? Optional.of(name)
                                : Optional.empty());
                        Map<String, Value> values = new LinkedHashMap<>();
                        for (List<Object> row : population.getValue()) {
                            String country = String.valueOf(row.get(table.index("country")));
                            Object value = row.get(table.index(y));
                            values.put(country, value instanceof Number number && Formats.isFinite(number)
                                    ? new Value(Formats.compact(number.doubleValue(), spec.unit()), Formats.full(number.doubleValue(), spec.unit()),
                                    overall.compare(number.doubleValue()))
                                    : Value.notPublished(k));
                        }
                        figures.add(new Figure(name, population.getKey(), values));
                    }
                }
            }
        }
        // Beside figures of several files, each column names its file: a bare "MRR" beside "Members (netflix_users.csv)"
        // read as every file's, where only one of them gives fees by country.
        boolean several = figures.stream().map(Figure::population).filter(p -> !p.isEmpty()).distinct().count() > 1;
        List<Column> columns = new ArrayList<>();
        Map<String, Map<Column, Value>> byCountry = new LinkedHashMap<>();
        for (Figure figure : figures) {
            Column column = new Column(figure.name() + (several && !figure.population().isEmpty() ? " (" + figure.population() + ")" : ""));
            if (columns.contains(column)) {
                continue;
            }
            columns.add(column);
            figure.byCountry().forEach((country, value) -> byCountry.computeIfAbsent(country, c -> new LinkedHashMap<>()).put(column, value));
        }
        return new CountryFigures(List.copyOf(columns), byCountry, k);
    }

    List<Column> columns() {
        return columns;
    }

    /**
     * The country's figures in column order. A country without a row in a result that has an Other row was merged
     * into it; without a row in one that has none, the figure is not about it.
     */
    List<Value> values(String country) {
        Map<Column, Value> values = byCountry.getOrDefault(country, Map.of());
        return columns.stream().map(c -> values.getOrDefault(c, hasOther(c) && !isOther(country) ? Value.notPublished(k) : Value.NONE))
                .toList();
    }

    private boolean hasOther(Column column) {
        return byCountry.entrySet().stream().anyMatch(e -> isOther(e.getKey()) && e.getValue().containsKey(column));
    }

    static boolean isOther(String country) {
        return country.equals(Disclosure.OTHER);
    }

    /** All countries' figure: their total for additive units, their pooled rate for a declared ratio, else none. */
    /**
     * @param rounded the figure's name where its rows are sums of prices rounded one by one: their total is no figure of
     *                the report (the countries' $56.2K beside an MRR of $56K), so a share names the figure, not that total
     */
    private record Overall(double value, Unit unit, Optional<String> rounded) {

        static Overall of(Table table, List<List<Object>> rows, String y, Unit unit, Optional<GroupSpec.Ratio> ratio,
                          Optional<String> rounded) {
            if (rows.size() < 2) {
                // One country (a country's slice): "100.0% of all countries' 120 members" compares it with itself.
                return new Overall(Double.NaN, unit, Optional.empty());
            }
            if (ADDITIVE.contains(unit.style())) {
                return new Overall(sum(table, rows, y), unit, rounded);
            }
            if (ratio.isPresent() && table.indexOf(ratio.get().numerator()).isPresent()
                    && table.indexOf(ratio.get().denominator()).isPresent()) {
                return new Overall(sum(table, rows, ratio.get().numerator()) / sum(table, rows, ratio.get().denominator()), unit,
                        Optional.empty());
            }
            return new Overall(Double.NaN, unit, Optional.empty());
        }

        /** The column's sum over the rows; not a number when a row's figure is hidden, as the total would be short. */
        private static double sum(Table table, List<List<Object>> rows, String column) {
            int index = table.index(column);
            double total = 0;
            for (List<Object> row : rows) {
                if (!(row.get(index) instanceof Number number) || !Formats.isFinite(number)) {
                    return Double.NaN;
                }
                total += number.doubleValue();
            }
            return total;
        }

        String compare(double value) {
            if (!Double.isFinite(this.value) || this.value == 0) {
                return "";
            }
            if (!ADDITIVE.contains(unit.style())) {
                return "All countries: " + Formats.compact(this.value, unit);
            }
            if (rounded.isPresent()) {
                // Rounded figures over their rounded total: a tenth of a point would claim what neither has ($16,800 of
                // the rows' $56,200 read 29.9%, of the MRR's $56,000 30.0%).
                long percent = Math.round(value / this.value * 100);
                return (percent < 1 ? "under 1%" : percent + "%") + " of all countries’ " + rounded.get();
            }
            return Formats.percent(value / this.value) + " of all countries’ " + Formats.compact(this.value, unit);
        }
    }
}
