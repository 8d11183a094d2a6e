package dev.marquee.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A small result table of aggregates, as the engine returned it.
 * Values are {@code String}, {@code Long}, {@code Double}, {@code java.math.BigDecimal}, {@code LocalDate},
 * {@code LocalDateTime}, {@code Boolean} or {@code null}. A Double may be NaN or infinite, as SQL makes them (a ratio to
 * zero) and as a forecast error that cannot be measured is: every output shows it as "n/a" (an empty CSV cell, JSON null,
 * a gap in a chart).
 */
public record Table(List<Column> columns, List<List<Object>> rows) {

    public Table {
        columns = List.copyOf(columns);
        List<List<Object>> copy = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("row has " + row.size() + " values for " + columns.size() + " columns");
            }
            copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copy);
    }

    public int rowCount() {
        return rows.size();
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    public Optional<Integer> indexOf(String columnName) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(columnName)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    public int index(String columnName) {
        return indexOf(columnName).orElseThrow(() ->
                new IllegalArgumentException("no column " + columnName + " in " + columnNames()));
    }

    public Column column(String columnName) {
        return columns.get(index(columnName));
    }

    public Object value(int row, String columnName) {
        return rows.get(row).get(index(columnName));
    }

    /** The value as a double, or NaN for NULL. */
    public double number(int row, String columnName) {
        Object value = value(row, columnName);
        return value == null ? Double.NaN : ((Number) value).doubleValue();
    }

    /**
     * A double rounded to twelve significant digits. DuckDB adds floating-point values in whatever order its threads
     * finish, so the last digits of a DOUBLE sum or standard deviation can differ between runs; twelve digits are far
     * more than any figure shows and make reruns byte-identical. Figures computed later from results (merged groups'
     * ratios) are rounded the same way, so every number of a table reads alike. (Exact DECIMAL sums are not touched.)
     */
    public static double stable(double value) {
        if (value == 0 || Double.isNaN(value) || Double.isInfinite(value)) {
            return value;
        }
        return new java.math.BigDecimal(value).round(new java.math.MathContext(12, java.math.RoundingMode.HALF_EVEN)).doubleValue();
    }

    public List<Object> columnValues(String columnName) {
        int i = index(columnName);
        return rows.stream().map(r -> r.get(i)).toList();
    }

    /** The files (populations) the rows come from, each once in the order they first appear; none without a source column. */
    public List<String> sources() {
        return indexOf("source").isEmpty() ? List.of()
                : columnValues("source").stream().map(v -> v == null ? null : v.toString()).distinct().toList();
    }
}
