package dev.marquee.privacy;

import dev.marquee.catalog.ForecastSpec;
import dev.marquee.catalog.GroupSpec;
import dev.marquee.catalog.GroupSpec.Ratio;
import dev.marquee.catalog.Question;
import dev.marquee.engine.Table;
import dev.marquee.format.Formats;
import dev.marquee.format.Unit;
import dev.marquee.query.Answer;
import dev.marquee.query.PriceStep;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sums of prices rounded to the data's price step (see PriceStep): the columns a result declares as {@code prices} (MRR,
 * revenue, fees), with the ratios built on them computed again from the rounded sums (an ARPU times its members gives
 * its MRR back), and the KPIs in dollars, which are sums of prices too. Rounded after the disclosure stage, so that a
 * merged row adds up its rows' exact sums and is rounded once; the results a forecast reads are rounded before it too
 * ({@link #forecastInputs}), so that no forecast is fitted to the exact sums. A ratio whose rounded sum is under ten
 * steps, so that the rounding alone could move it by more than 5%, is not shown: $400 from 31 members is an ARPU of
 * $12.90 for members paying $14.15 on average.
 */
public final class PriceRounding {

    /** A rounded sum is shown with the ratios built on it from this many steps up: the rounding moves them by 5% at most. */
    static final int PRECISE_STEPS = 10;
    /** The KPI columns in dollars: each KPI's value and its comparisons. */
    private static final List<String> KPI_FIGURES = KpiGroups.PERIODS;
    private static final String USD = "usd";

    private PriceRounding() {
    }

    /** The published answers with their sums of prices rounded, and each of their charts saying so. */
    public static List<Answer> round(List<Answer> answers, PriceStep prices) {
        if (!prices.rounds()) {
            return answers;
        }
        return answers.stream().map(answer -> round(answer, prices, true)).toList();
    }

    /** The answers with the results a forecast reads rounded, before the forecasts are made. */
    public static List<Answer> forecastInputs(List<Answer> answers, PriceStep prices) {
        if (!prices.rounds()) {
            return answers;
        }
        return answers.stream().map(answer -> round(answer, prices, false)).toList();
    }

    /**
     * The rule in words, after the smallest-group rule on the About and Methodology pages and the PDF's closing page;
     * empty where nothing is rounded.
     */
    public static String rule(PriceStep prices, int k) {
        if (!prices.rounds()) {
            return "";
        }
        return "Revenue (MRR, collected revenue, fees) is rounded to the nearest " + dollars(prices.step()) + ", the first round "
                + "amount at or above " + k + " times the spread of the data's prices (" + dollars(prices.lowest().orElseThrow()) + " to "
                + dollars(prices.highest().orElseThrow()) + "): to the cent, a sum beside its members would tell how many pay each "
                + "price. An average of it (ARPU) is not shown where the rounding could move it by more than 5%.";
    }

    /** What a page says beside a chart of rounded sums. */
    public static String note(PriceStep prices) {
        return "Revenue is rounded to the nearest " + dollars(prices.step())
                + " (see Methodology); an average is not shown where that rounding could move it by more than 5%.";
    }

    /** A step or a price as a reader writes it: $200, $0.50, $8.99. */
    public static String dollars(BigDecimal amount) {
        return amount.stripTrailingZeros().scale() <= 0 ? "$" + Formats.grouped(amount.doubleValue(), 0)
                : Formats.full(amount.doubleValue(), Unit.USD);
    }

    private static Answer round(Answer answer, PriceStep prices, boolean all) {
        Question question = answer.question();
        java.util.Set<String> forecastInputs = question.forecasts().stream().map(ForecastSpec::query)
                .collect(java.util.stream.Collectors.toSet());
        Map<String, Table> results = new LinkedHashMap<>(answer.results());
        Map<String, String> notes = new LinkedHashMap<>(answer.notes());
        for (GroupSpec spec : question.privacy()) {
            Table table = results.get(spec.result());
            if (spec.prices().isEmpty() || table == null || !(all || forecastInputs.contains(spec.result()))) {
                continue;
            }
            results.put(spec.result(), round(table, spec, prices));
            if (all) {
                noted(notes, spec.result(), prices);
                question.forecasts().stream().filter(f -> f.query().equals(spec.result()))
                        .forEach(f -> noted(notes, f.resultName(), prices));
            }
        }
        if (all) {
            question.kpiQuery().filter(results::containsKey).ifPresent(kpis -> results.put(kpis, roundKpis(results.get(kpis), prices)));
        }
        return answer.with(results, notes);
    }

    /** The price note after what the disclosure stage said of a result, for its chart and each population's chart. */
    private static void noted(Map<String, String> notes, String result, PriceStep prices) {
        String note = note(prices);
        notes.replaceAll((key, text) -> key.equals(result) || key.startsWith(Answer.sourceNote(result, ""))
                ? (text.isEmpty() ? note : text + " " + note) : text);
        notes.putIfAbsent(result, note);
    }

    static Table round(Table table, GroupSpec spec, PriceStep prices) {
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> source : table.rows()) {
            List<Object> row = new ArrayList<>(source);
            for (String column : spec.prices()) {
                int index = table.index(column);
                row.set(index, rounded(row.get(index), prices));
            }
            rows.add(row);
        }
        for (Ratio ratio : spec.ratios()) {
            if (!spec.prices().contains(ratio.numerator()) && !spec.prices().contains(ratio.denominator())) {
                continue;
            }
            int column = table.index(ratio.column());
            int numerator = table.index(ratio.numerator());
            int denominator = table.index(ratio.denominator());
            int by = ratio.by().map(table::index).orElse(-1);
            Map<String, Double> totals = new LinkedHashMap<>();
            if (ratio.denominatorSummed()) {
                for (List<Object> row : rows) {
                    if (row.get(denominator) instanceof Number n) {
                        totals.merge(by < 0 ? "" : String.valueOf(row.get(by)), n.doubleValue(), Double::sum);
                    }
                }
            }
            for (List<Object> row : rows) {
                if (row.get(column) == null) {
                    continue;
                }
                Object bottom = ratio.denominatorSummed() ? totals.get(by < 0 ? "" : String.valueOf(row.get(by))) : row.get(denominator);
                Object value = GroupedTable.divide(row.get(numerator), bottom);
                if (spec.prices().contains(ratio.numerator()) && !precise(row.get(numerator), prices)) {
                    value = null;
                }
                row.set(column, value);
            }
        }
        return new Table(table.columns(), rows);
    }

    /** KPI rows in dollars: their value and comparisons rounded. */
    static Table roundKpis(Table kpis, PriceStep prices) {
        if (kpis.indexOf("unit").isEmpty()) {
            return kpis;
        }
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> source : kpis.rows()) {
            List<Object> row = new ArrayList<>(source);
            if (USD.equals(row.get(kpis.index("unit")))) {
                for (String figure : KPI_FIGURES) {
                    kpis.indexOf(figure).ifPresent(i -> row.set(i, rounded(row.get(i), prices)));
                }
            }
            rows.add(row);
        }
        return new Table(kpis.columns(), rows);
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

    private static boolean precise(Object sum, PriceStep prices) {
        return sum instanceof Number n
                && BigDecimal.valueOf(Math.abs(n.doubleValue())).compareTo(prices.step().multiply(BigDecimal.valueOf(PRECISE_STEPS))) >= 0;
    }
}
