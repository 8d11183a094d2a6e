package dev.marquee.model;

import java.util.List;
import java.util.Optional;

/**
 * One table of the data model: its columns in file order and its key.
 *
 * @param builtin  a reference table's copy shipped with the generator ({@code model/<file>}), used when the data has none
 * @param personal its rows describe members, so any value of it may be personal data: the report publishes aggregates
 *                 of it, never a value of one row (not even of a row set aside)
 */
public record TableSpec(String name, String description, List<String> key, List<ColumnSpec> columns, Optional<String> builtin,
                        boolean personal) {

    public TableSpec {
        key = List.copyOf(key);
        columns = List.copyOf(columns);
        for (String keyColumn : key) {
            if (columns.stream().noneMatch(c -> c.name().equals(keyColumn))) {
                throw new IllegalArgumentException("key column " + keyColumn + " is not a column of " + name);
            }
        }
    }

    public Optional<ColumnSpec> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    public List<ColumnSpec> requiredColumns() {
        return columns.stream().filter(ColumnSpec::required).toList();
    }
}
