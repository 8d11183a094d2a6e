package dev.marquee.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One column of the data model and the rules its values follow.
 *
 * @param sqlType       the DuckDB/ANSI type the column loads as (VARCHAR, DATE, TIMESTAMP, INTEGER, DOUBLE, BOOLEAN, DECIMAL(p,s))
 * @param required      the file must have the column and no cell may be blank
 * @param min           inclusive lower bound for numbers
 * @param max           inclusive upper bound for numbers
 * @param allowed       the only values allowed, when not empty
 * @param references    {@code table.column} this column must match, when present
 * @param notAfterAsOf  dates and timestamps later than the as-of date are out of range
 */
public record ColumnSpec(String name, String sqlType, boolean required, Optional<Double> min, Optional<Double> max,
                         List<String> allowed, Optional<String> references, boolean notAfterAsOf, String description) {

    public ColumnSpec {
        Objects.requireNonNull(name);
        Objects.requireNonNull(sqlType);
        allowed = List.copyOf(allowed);
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("column name must be snake_case: " + name);
        }
        if (references.isPresent() && !references.get().matches("[a-z_]+\\.[a-z_]+")) {
            throw new IllegalArgumentException("references must be table.column: " + references.get());
        }
    }

    public boolean isTemporal() {
        return sqlType.equals("DATE") || sqlType.equals("TIMESTAMP");
    }

    public boolean isNumeric() {
        return sqlType.equals("INTEGER") || sqlType.equals("BIGINT") || sqlType.equals("DOUBLE") || sqlType.startsWith("DECIMAL");
    }

    /** The rule in words, as the data-model page and error messages state it. */
    public String rulesInWords() {
        StringBuilder words = new StringBuilder(sqlType);
        if (required) {
            words.append(", required");
        }
        if (min.isPresent() && max.isPresent()) {
            words.append(", ").append(number(min.get())).append("–").append(number(max.get()));
        } else {
            min.ifPresent(m -> words.append(", ≥ ").append(number(m)));
            max.ifPresent(m -> words.append(", ≤ ").append(number(m)));
        }
        if (!allowed.isEmpty()) {
            words.append(", one of ").append(String.join(" / ", allowed));
        }
        references.ifPresent(r -> words.append(", must exist in ").append(r));
        if (notAfterAsOf) {
            words.append(", not after the as-of date");
        }
        return words.toString();
    }

    static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
