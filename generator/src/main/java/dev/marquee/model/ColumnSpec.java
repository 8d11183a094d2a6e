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
 * @param maxLength     the most characters a text value may have (every VARCHAR column has one); longer values are
 *                      set aside, so no stage ever handles a megabyte-long label
 * @param price         the column is a price a member pays (in USD): the report's sums of prices are rounded to a step
 *                      that the spread of these columns' values sets (see PriceStep)
 */
public record ColumnSpec(String name, String sqlType, boolean required, Optional<Double> min, Optional<Double> max,
                         List<String> allowed, Optional<String> references, boolean notAfterAsOf, Optional<Integer> maxLength,
                         String description, boolean price) {

    /** The longest text value a VARCHAR column takes when the model gives it no {@code max_length} of its own. */
    public static final int DEFAULT_MAX_LENGTH = 1000;

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
        if (maxLength.isPresent() && (maxLength.get() < 1 || !sqlType.equals("VARCHAR"))) {
            throw new IllegalArgumentException("max_length must be a positive number of characters of a VARCHAR column: " + name);
        }
        if (price && !sqlType.startsWith("DECIMAL")) {
            throw new IllegalArgumentException("a price is a DECIMAL column: " + name);
        }
        if (maxLength.isEmpty() && sqlType.equals("VARCHAR")) {
            maxLength = Optional.of(DEFAULT_MAX_LENGTH);
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
        maxLength.filter(m -> m != DEFAULT_MAX_LENGTH).ifPresent(m -> words.append(", at most ").append(m).append(" characters"));
        return words.toString();
    }

    static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
