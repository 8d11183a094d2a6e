package dev.marquee.privacy;

import dev.marquee.catalog.ForecastSpec;
import dev.marquee.catalog.GroupSpec;
import dev.marquee.catalog.GroupSpec.Ratio;
import dev.marquee.catalog.Question;
import dev.marquee.engine.Column;
import dev.marquee.engine.Table;
import dev.marquee.format.Formats;
import dev.marquee.format.Unit;
import dev.marquee.query.Answer;
import dev.marquee.query.PriceStep;
import dev.marquee.query.PriceSteps;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sums of prices as the report publishes them (see PriceStep): the columns a result declares as {@code prices} (MRR,
 * revenue, fees) and the KPIs in dollars, which are sums of prices too, each to the step of its population (a row's
 * {@code source}, the event files' for a result without one; see PriceSteps).
 * <ul>
 * <li>Each is rounded to the step, and not shown where its members could not be moved k at a time from one price to
 * another within the sums that round alike: near the least or the most the row's members could bring, its rounding
 * would pin how many pay one price (166 Standard members at 15.49 or 17.49, one at 15.49, bring 2,901.34, shown as
 * 3,000: only 0 or 1 of them can pay 15.49 for that). The prices are those a reader may know ({@code price_range}: the
 * lowest and highest the row's plans are sold at; else the data's), never what the row's members pay: a decision on
 * those would itself tell it (a row hidden only where one member pays less). A sum is rounded even where every member
 * of its row pays the same, so that the total less it, and less the others, is no sharper than its own rounding;
 * but not where the row's plans are sold at one price: its sum is then its members times that price, which a reader
 * works out anyway. Hidden rows go last, in the order of their names.</li>
 * <li>The ratios built on a sum are computed again from it as shown (an ARPU times its members gives back only that),
 * and are not shown under ten steps, where the rounding alone could move them by more than 5%.</li>
 * </ul>
 * After the disclosure stage, so that a merged row adds up its rows' exact sums and is rounded once; the results a
 * forecast reads are rounded before it too ({@link #forecastInputs}), so that no forecast is fitted to the exact sums.
 * The columns of the rows' lowest and highest price are never published.
 */
public final class PriceRounding {

    /** A rounded sum is shown with the ratios built on it from this many steps up: the rounding moves them by 5% at most. */
    static final int PRECISE_STEPS = 10;
    private static final String USD = "usd";
    /** What a KPI's comparison says of a figure this hides. */
    static final String KPI_HIDDEN = "not shown: rounded, it would tell how many members pay one price";
    /** Why a KPI's change is not shown where the rounding of both figures could move it by more than a point. */
    public static final String KPI_COARSE = "a change not shown where the rounding could move it by more than a point";
    /** How far (in percentage points either way) the rounding may move a change in dollars that is shown. */
    static final double CHANGE_PRECISION = 0.01;

    private PriceRounding() {
    }

    /** The published answers with their sums of prices as shown, each of their charts saying so. */
    public static List<Answer> round(List<Answer> answers, PriceSteps prices, int k) {
        return answers.stream().map(answer -> round(answer, prices, k, true)).toList();
    }

    /** The answers with the results a forecast reads rounded, before the forecasts are made. */
    public static List<Answer> forecastInputs(List<Answer> answers, PriceSteps prices, int k) {
        if (!prices.rounds()) {
            return answers;
        }
        return answers.stream().map(answer -> round(answer, prices, k, false)).toList();
    }

    /**
     * The rule in words, after the smallest-group rule on the About and Methodology pages and the PDF's closing page;
     * empty where nothing is rounded. It names no price: the lowest or the highest may be one member's. Where populations
     * are rounded to different steps, it names each population's.
     */
    public static String rule(PriceSteps prices, int k) {
        java.util.SortedMap<String, PriceStep> rounded = prices.rounded();
        if (rounded.isEmpty()) {
            return "";
        }
        // Populations side by side are each named with their own step, the same or not: one step named alone would read
        // as the spread of every file's prices pooled.
        String steps = rounded.size() == 1 ? dollars(rounded.values().iterator().next().step()) + " (" + k
                + " times the spread of the data's prices, rounded up)"
                : dev.marquee.format.Wording.series(rounded.entrySet().stream().map(e -> dollars(e.getValue().step()) + " in "
                        + (e.getKey().equals(prices.eventSource()) ? "the " + e.getKey() : e.getKey())).toList())
                        + " (" + k + " times the spread of each one's prices, rounded up)";
        return "Revenue (MRR, collected revenue, fees) of plans sold at several prices is rounded to the nearest "
                + steps + ", so that a sum beside its members does not tell how many pay each; where it still would, it is not "
                + "shown, nor an average (ARPU) the rounding could move by more than 5%.";
    }

    /** The column naming a row's population (file). */
    private static final String SOURCE = "source";

    /** How the note beside a chart of rounded sums starts. */
    public static final String NOTE_START = "Revenue of plans sold at several prices is rounded to the nearest ";

    /** What a page says beside a chart of rounded sums. */
    public static String note(PriceStep prices) {
        return note(dollars(prices.step()));
    }

    /** The note beside a chart of rounded sums, to {@code steps} ("$100", or "$50 or $100" for a chart of several files). */
    private static String note(String steps) {
        return NOTE_START + steps + " (see Methodology), and not shown where the "
                + "rounding would still tell how many pay one price; an average is not shown where the rounding could move it "
                + "by more than 5% or past its plans' prices. Each figure is rounded on its own, so rows need not add up to a "
                + "total shown elsewhere.";
    }

    /** A step as a reader writes it: $200, $0.50. */
    public static String dollars(BigDecimal amount) {
        return amount.stripTrailingZeros().scale() <= 0 ? "$" + Formats.grouped(amount.doubleValue(), 0)
                : Formats.full(amount.doubleValue(), Unit.USD);
    }

    private static Answer round(Answer answer, PriceSteps prices, int k, boolean published) {
        Question question = answer.question();
        Set<String> forecastInputs = new HashSet<>(question.forecasts().stream().map(ForecastSpec::query).toList());
        Map<String, Table> results = new LinkedHashMap<>(answer.results());
        Map<String, String> notes = new LinkedHashMap<>(answer.notes());
        for (GroupSpec spec : question.privacy()) {
            Table table = results.get(spec.result());
            if (spec.prices().isEmpty() || table == null || !(published || forecastInputs.contains(spec.result()))) {
                continue;
            }
            Rounded rounded = round(table, spec, prices, k, published);
            results.put(spec.result(), rounded.table());
            if (published && prices.rounds()) {
                // Said only of the populations (files) whose rows were rounded: a file whose plans are each sold at one
                // price shows its sums as they are, under no word of rounding.
                Set<String> sources = new java.util.TreeSet<>(table.sources().stream().map(String::valueOf).toList());
                noted(notes, spec.result(), prices, rounded.roundedSources(), sources);
                for (ForecastSpec forecast : question.forecasts()) {
                    if (forecast.query().equals(spec.result()) && results.containsKey(forecast.resultName())) {
                        noted(notes, forecast.resultName(), prices, rounded.roundedSources(), sources);
                        Table forecasted = Disclosure.hideMonths(results.get(forecast.resultName()), rounded.hiddenMonths());
                        results.put(forecast.resultName(), rounded.roundedSources().isEmpty() || !forecast.unit().style().money()
                                ? forecasted : toTheStep(forecasted, prices.events()));
                    }
                }
            }
        }
        if (published && prices.rounds()) {
            question.kpiQuery().filter(results::containsKey).ifPresent(kpis -> results.put(kpis, roundKpis(results.get(kpis), prices, k)));
        }
        return answer.with(results, notes);
    }

    /**
     * The price note after what the disclosure stage said of a result, for its chart and the chart of each population
     * whose rows were rounded ({@code rounded}: their {@code source} values, "" for a result without one); none where no
     * row was. A population's chart without a note of its own reads the result's, so one whose rows were not rounded
     * gets the result's note as it was.
     */
    private static void noted(Map<String, String> notes, String result, PriceSteps prices, Set<String> rounded, Set<String> sources) {
        if (rounded.isEmpty()) {
            return;
        }
        // The result's own note names every step its rows were rounded to; a population's, its own.
        String note = note(rounded.stream().map(source -> prices.ofRows(source).step()).distinct().sorted()
                .map(PriceRounding::dollars).collect(java.util.stream.Collectors.joining(" or ")));
        String whole = notes.getOrDefault(result, "");
        for (String source : sources) {
            if (!rounded.contains(source)) {
                notes.putIfAbsent(Answer.sourceNote(result, source), whole);
            }
        }
        String prefix = Answer.sourceNote(result, "");
        notes.replaceAll((key, text) -> {
            String own = key.equals(result) ? note : key.startsWith(prefix) && rounded.contains(key.substring(prefix.length()))
                    ? note(dollars(prices.ofRows(key.substring(prefix.length())).step())) : null;
            return own == null ? text : text.isEmpty() ? own : text + " " + own;
        });
        notes.putIfAbsent(result, note);
    }

    /**
     * A result as published, the months (of a result by month) whose sum of prices it does not show, and the populations
     * ({@code source} values, "" for a result without one) of the rows whose sums were rounded.
     */
    record Rounded(Table table, Set<LocalDate> hiddenMonths, Set<String> roundedSources) {
    }

    /**
     * @param published whether the table is published from here (the lowest and highest prices then leave it, and a sum
     *                  the rounding would give away is hidden), or only rounded for a forecast to read
     */
    static Rounded round(Table table, GroupSpec spec, PriceSteps steps, int k, boolean published) {
        int lowest = spec.priceRange().isEmpty() ? -1 : table.index(spec.priceRange().get(0));
        int highest = spec.priceRange().isEmpty() ? -1 : table.index(spec.priceRange().get(1));
        Set<LocalDate> hiddenMonths = new HashSet<>();
        Set<String> roundedSources = new HashSet<>();
        List<List<Object>> rows = new ArrayList<>();
        java.util.Optional<Integer> sourceColumn = table.indexOf(SOURCE);
        for (List<Object> source : table.rows()) {
            List<Object> row = new ArrayList<>(source);
            PriceStep prices = sourceColumn.map(i -> steps.of(String.valueOf(row.get(i)))).orElse(steps.events());
            Double low = lowest < 0 ? null : number(row.get(lowest));
            Double high = highest < 0 ? null : number(row.get(highest));
            // A row whose plans are sold at one price: its sums are its members times that price, which a reader works
            // out without them, so they are shown as they are, and so are their averages (the price itself).
            boolean onePrice = low != null && high != null && low.doubleValue() == high.doubleValue();
            Set<String> hidden = new HashSet<>();
            for (String column : spec.prices()) {
                int index = table.index(column);
                if (row.get(index) == null || !prices.rounds() || onePrice) {
                    continue;
                }
                row.set(index, rounded(row.get(index), prices));
                roundedSources.add(sourceColumn.map(i -> String.valueOf(row.get(i))).orElse(""));
                if (published && !movable(((Number) row.get(index)).doubleValue(), number(row.get(table.index(addedUpBy(spec, column)))),
                        low == null ? prices.lowest() : java.util.Optional.of(BigDecimal.valueOf(low)),
                        high == null ? prices.highest() : java.util.Optional.of(BigDecimal.valueOf(high)), prices, k)) {
                    row.set(index, null);
                    hidden.add(column);
                    table.indexOf("month").map(row::get).filter(LocalDate.class::isInstance).ifPresent(m -> hiddenMonths.add((LocalDate) m));
                }
            }
            rows.add(row);
            if (prices.rounds() && !onePrice) {
                recomputeRatios(table, spec, row, prices, hidden, low, high);
            }
        }
        if (steps.rounds()) {
            recomputeShares(table, spec, rows);
        }
        if (published && table.indexOf("month").isEmpty()) {
            rows = hiddenLast(table, spec, rows);
        }
        Table rounded = new Table(table.columns(), rows);
        return new Rounded(published ? without(rounded, spec.priceRange()) : rounded, hiddenMonths, roundedSources);
    }

    /**
     * The column counting the members a sum of prices adds up: the denominator of its average where it has one (the
     * members with a fee, of a file's fees), else the row's members.
     */
    static String addedUpBy(GroupSpec spec, String sum) {
        return spec.ratios().stream().filter(r -> r.numerator().equals(sum) && !r.denominatorSummed()).map(Ratio::denominator)
                .findFirst().orElse(spec.members());
    }

    /**
     * Whether the sums that round to {@code shown} leave at least k members free to pay the lowest or the highest price:
     * the span they share with the sums the row's members could bring ({@code members} × lowest to × highest) holds k
     * moves of one member from one price to the other. It reads only what a reader has: the figure shown, the members
     * and the prices. (A sum above zero shown as one step may be anything under one and a half.)
     */
    static boolean movable(double shown, Double members, java.util.Optional<BigDecimal> lowest, java.util.Optional<BigDecimal> highest,
                           PriceStep prices, int k) {
        if (members == null || lowest.isEmpty() || highest.isEmpty()) {
            return true;
        }
        double spread = highest.get().doubleValue() - lowest.get().doubleValue();
        if (spread <= 0) {
            return true;
        }
        double[] sums = prices.roundedFrom(shown);
        double span = Math.min(sums[1], members * highest.get().doubleValue()) - Math.max(sums[0], members * lowest.get().doubleValue());
        return span >= k * spread - 1e-9;
    }

    /**
     * A row's ratios of its sums of prices, from the sums as shown; none where a sum is hidden or too coarse.
     *
     * @param low  the lowest price of the row's plans ({@code price_range}), or null where the result gives none
     * @param high the highest, likewise
     */
    private static void recomputeRatios(Table table, GroupSpec spec, List<Object> row, PriceStep prices, Set<String> hidden,
                                        Double low, Double high) {
        for (Ratio ratio : spec.ratios()) {
            if (ratio.denominatorSummed() || !spec.prices().contains(ratio.numerator()) && !spec.prices().contains(ratio.denominator())) {
                continue;
            }
            int column = table.index(ratio.column());
            if (row.get(column) == null) {
                continue;
            }
            Object value = GroupedTable.divide(row.get(table.index(ratio.numerator())), row.get(table.index(ratio.denominator())));
            boolean unsure = spec.prices().contains(ratio.numerator()) && !precise(row.get(table.index(ratio.numerator())), prices);
            // An average price of a row whose members each pay one of its plans' prices lies between them; worked out from
            // the rounded sum it may not (a slice's Standard, sold at most at $17.49, read an ARPU of $17.70): not shown.
            boolean impossible = low != null && high != null && ratio.denominator().equals(addedUpBy(spec, ratio.numerator()))
                    && value instanceof Number average && (average.doubleValue() < low - 0.005 || average.doubleValue() > high + 0.005);
            row.set(column, hidden.contains(ratio.numerator()) || hidden.contains(ratio.denominator()) || unsure || impossible ? null : value);
        }
    }

    /** Shares of a sum of prices over its rows (a / sum(b)), from the sums as shown. */
    private static void recomputeShares(Table table, GroupSpec spec, List<List<Object>> rows) {
        for (Ratio ratio : spec.ratios()) {
            if (ratio.denominatorSummed() && (spec.prices().contains(ratio.numerator()) || spec.prices().contains(ratio.denominator()))) {
                int column = table.index(ratio.column());
                GroupedTable.recomputeShare(table, ratio, rows, row -> row.get(column) != null);
            }
        }
    }

    /**
     * A forecast of rounded revenue, rounded to the step as the months it extends are: fitted to sums rounded to $200, it
     * read $58,720.73, then $58,721, a precision its months have not (and its figures to the cent were a fit of them).
     */
    static Table toTheStep(Table forecast, PriceStep prices) {
        List<Integer> columns = FORECAST_COLUMNS.stream().map(forecast::indexOf).flatMap(java.util.Optional::stream).toList();
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> source : forecast.rows()) {
            List<Object> row = new ArrayList<>(source);
            columns.forEach(c -> row.set(c, rounded(row.get(c), prices)));
            rows.add(row);
        }
        return new Table(forecast.columns(), rows);
    }

    /** The columns of a forecast's result that the model makes (its actual values are the series'). */
    private static final List<String> FORECAST_COLUMNS = List.of("forecast", "low80", "high80", "low95", "high95");

    /**
     * KPI rows in dollars: their value and comparisons rounded, and hidden where the rounding would give a count away; each
     * to the step of the population its {@code source} names (the event files' where it names none).
     */
    static Table roundKpis(Table kpis, PriceSteps steps, int k) {
        if (kpis.indexOf("unit").isEmpty()) {
            return kpis;
        }
        java.util.Optional<Integer> sourceColumn = kpis.indexOf(SOURCE);
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> source : kpis.rows()) {
            List<Object> row = new ArrayList<>(source);
            PriceStep prices = sourceColumn.map(row::get).map(String::valueOf).map(steps::of).orElse(steps.events());
            if (USD.equals(row.get(kpis.index("unit"))) && prices.rounds()) {
                boolean hid = false;
                for (int p = 0; p < KpiGroups.PERIODS.size(); p++) {
                    java.util.Optional<Integer> figure = kpis.indexOf(KpiGroups.PERIODS.get(p));
                    if (figure.isEmpty() || row.get(figure.get()) == null) {
                        continue;
                    }
                    Object shown = rounded(row.get(figure.get()), prices);
                    Double members = kpis.indexOf(KpiGroups.GROUPS.get(p)).map(row::get).map(PriceRounding::number).orElse(null);
                    boolean keep = movable(((Number) shown).doubleValue(), members, prices.lowest(), prices.highest(), prices, k);
                    row.set(figure.get(), keep ? shown : null);
                    hid |= !keep;
                }
                boolean coarse = false;
                if (kpis.indexOf(KpiGroups.PERIODS.get(0)).map(row::get).orElse(null) instanceof Number now) {
                    for (String period : KpiGroups.PERIODS.subList(1, KpiGroups.PERIODS.size())) {
                        java.util.Optional<Integer> before = kpis.indexOf(period);
                        if (before.isPresent() && row.get(before.get()) instanceof Number shownBefore
                                && !changePrecise(now.doubleValue(), shownBefore.doubleValue(), prices)) {
                            row.set(before.get(), null);
                            coarse = true;
                        }
                    }
                }
                if ((hid || coarse) && kpis.indexOf("comparison").isPresent()) {
                    int comparison = kpis.index("comparison");
                    String why = hid && coarse ? KPI_HIDDEN + ", or a change it could move by more than a point"
                            : hid ? KPI_HIDDEN : KPI_COARSE;
                    row.set(comparison, (row.get(comparison) == null ? "" : row.get(comparison) + "; ") + why);
                }
            }
            rows.add(row);
        }
        return new Table(kpis.columns(), rows);
    }

    /**
     * Whether the change from {@code before} to {@code now}, both as rounded, is within a point of every change the sums
     * that round to them could make: MRR of $2,000 a year after $1,000 read "+100.0%" where the sums gave +83.7%.
     * Reads only the figures shown and the step.
     */
    static boolean changePrecise(double now, double before, PriceStep prices) {
        double[] nowSums = prices.roundedFrom(now);
        double[] beforeSums = prices.roundedFrom(before);
        if (!(beforeSums[0] > 0)) {
            return false;
        }
        double shown = now / before - 1;
        double least = nowSums[0] / beforeSums[1] - 1;
        double most = nowSums[1] / beforeSums[0] - 1;
        return shown - least <= CHANGE_PRECISION && most - shown <= CHANGE_PRECISION;
    }

    /**
     * The rows whose sum of prices is hidden after the others, by their label: in the order of the rounded sums, a
     * hidden row's place between two shown ones would bound it.
     */
    private static List<List<Object>> hiddenLast(Table table, GroupSpec spec, List<List<Object>> rows) {
        List<Integer> sums = spec.prices().stream().map(table::index).toList();
        java.util.function.Predicate<List<Object>> hidden = row -> sums.stream().anyMatch(c -> row.get(c) == null)
                && row.get(table.index(spec.members())) instanceof Number n && n.doubleValue() > 0;
        List<List<Object>> ordered = new ArrayList<>(rows.stream().filter(hidden.negate()).toList());
        java.util.Comparator<List<Object>> byLabel = java.util.Comparator.comparing(
                row -> spec.label().map(l -> String.valueOf(row.get(table.index(l)))).orElse(""));
        ordered.addAll(rows.stream().filter(hidden).sorted(byLabel).toList());
        return ordered;
    }

    private static Table without(Table table, List<String> columns) {
        List<Integer> kept = new ArrayList<>();
        List<Column> keptColumns = new ArrayList<>();
        for (int c = 0; c < table.columns().size(); c++) {
            if (!columns.contains(table.columns().get(c).name())) {
                kept.add(c);
                keptColumns.add(table.columns().get(c));
            }
        }
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> row : table.rows()) {
            List<Object> out = new ArrayList<>();
            kept.forEach(c -> out.add(row.get(c)));
            rows.add(java.util.Collections.unmodifiableList(out));
        }
        return new Table(keptColumns, rows);
    }

    private static Object rounded(Object value, PriceStep prices) {
        if (value instanceof BigDecimal decimal) {
            return prices.round(decimal);
        }
        if (value instanceof Number number) {
            return prices.round(BigDecimal.valueOf(number.doubleValue())).doubleValue();
        }
        return value;
    }

    private static Double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : null;
    }

    private static boolean precise(Object sum, PriceStep prices) {
        return sum instanceof Number n
                && BigDecimal.valueOf(Math.abs(n.doubleValue())).compareTo(prices.step().multiply(BigDecimal.valueOf(PRECISE_STEPS))) >= 0;
    }
}
