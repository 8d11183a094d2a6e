package dev.marquee.query;

import dev.marquee.engine.Engine;
import dev.marquee.engine.Table;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The price step of each population (the event files, each member-level file): no sum of prices adds up members of two
 * populations, so each is rounded to the step its own prices need, and a file's figures are the same whether it is read
 * alone or beside another file with a wider spread of prices.
 *
 * @param bySource    each population's step, by its name in the layer's {@code source} column; a population without
 *                    prices has none
 * @param eventSource the event files' population, whose results carry no {@code source} column (MRR by month, collected
 *                    revenue, the KPIs of the event files)
 */
public record PriceSteps(SortedMap<String, PriceStep> bySource, String eventSource) {

    /** No price in the data: nothing is rounded. */
    public static final PriceSteps NONE = new PriceSteps(new TreeMap<>(), Parameters.DEFAULT_EVENT_SOURCE);

    public PriceSteps {
        bySource = Collections.unmodifiableSortedMap(new TreeMap<>(bySource));
        Objects.requireNonNull(eventSource);
    }

    /** One step for the event files alone (tests and data without member-level files). */
    public static PriceSteps ofEvents(PriceStep step) {
        return new PriceSteps(new TreeMap<>(Map.of(Parameters.DEFAULT_EVENT_SOURCE, step)), Parameters.DEFAULT_EVENT_SOURCE);
    }

    /** The step of a population's sums, {@link PriceStep#NONE} for one without prices. */
    public PriceStep of(String source) {
        return bySource.getOrDefault(source, PriceStep.NONE);
    }

    /**
     * The step of a result's rows by their {@code source} value, "" for a result without a source column, whose rows are
     * the event files'.
     */
    public PriceStep ofRows(String source) {
        return source.isEmpty() ? events() : of(source);
    }

    /** The step of the event files' sums, which results without a {@code source} column add up. */
    public PriceStep events() {
        return of(eventSource);
    }

    /** Whether any population's sums are rounded. */
    public boolean rounds() {
        return bySource.values().stream().anyMatch(PriceStep::rounds);
    }

    /** The populations whose sums are rounded, with their steps, by name. */
    public SortedMap<String, PriceStep> rounded() {
        return bySource.entrySet().stream().filter(e -> e.getValue().rounds())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
    }

    /**
     * The step of the population {@code source} (a SQL expression) as SQL, for a statement that orders rows by their sums
     * as published: a cent for a population whose sums are not rounded. Where every population with prices has the same
     * step, that step alone: a row with a price belongs to one of them.
     */
    String sql(String source) {
        BigDecimal cent = BigDecimal.ONE.movePointLeft(2);
        List<BigDecimal> steps = bySource.values().stream().map(s -> s.rounds() ? s.step() : cent).distinct().toList();
        if (steps.size() <= 1) {
            return (steps.isEmpty() ? cent : steps.get(0)).toPlainString();
        }
        StringBuilder sql = new StringBuilder("(CASE ").append(source);
        rounded().forEach((name, step) -> sql.append(" WHEN '").append(name.replace("'", "''")).append("' THEN ")
                .append(step.step().toPlainString()));
        return sql.append(" ELSE ").append(cent.toPlainString()).append(" END)").toString();
    }

    /**
     * The step of each population under k, from the data's price columns ({@code table.column}): a table with a
     * {@code source} column holds one population per value of it, any other belongs to the event files.
     *
     * @param withSource the tables among them that have a {@code source} column
     */
    public static PriceSteps measure(Engine engine, List<String> columns, List<String> withSource, String eventSource, int k) {
        if (columns.isEmpty()) {
            return new PriceSteps(new TreeMap<>(), eventSource);
        }
        List<String> prices = new ArrayList<>();
        for (String column : columns) {
            String[] tableColumn = column.split("\\.");
            String source = withSource.contains(tableColumn[0]) ? "CAST(source AS VARCHAR)"
                    : "CAST('" + eventSource.replace("'", "''") + "' AS VARCHAR)";
            prices.add("SELECT " + source + " AS source, CAST(" + tableColumn[1] + " AS DECIMAL(18,2)) AS price FROM " + tableColumn[0]);
        }
        Table range = engine.query("SELECT source, min(price) AS lowest, max(price) AS highest FROM ("
                + String.join(" UNION ALL ", prices) + ") AS prices WHERE price IS NOT NULL GROUP BY source ORDER BY source");
        SortedMap<String, PriceStep> steps = new TreeMap<>();
        for (int row = 0; row < range.rows().size(); row++) {
            if (range.value(row, "source") != null && range.value(row, "lowest") instanceof Number lowest
                    && range.value(row, "highest") instanceof Number highest) {
                steps.put(String.valueOf(range.value(row, "source")), PriceStep.of(decimal(lowest), decimal(highest), k));
            }
        }
        return new PriceSteps(steps, eventSource);
    }

    private static BigDecimal decimal(Number number) {
        return number instanceof BigDecimal d ? d : BigDecimal.valueOf(number.doubleValue());
    }
}
