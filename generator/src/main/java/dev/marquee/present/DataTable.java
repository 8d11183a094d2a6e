package dev.marquee.present;

import dev.marquee.catalog.ChartSpec;
import dev.marquee.engine.Column;
import dev.marquee.engine.Table;
import dev.marquee.format.Formats;

import java.util.ArrayList;
import java.util.List;

/**
 * A chart's data as readers see it, on the site and in the PDF alike: each header written from its column's name, each
 * cell from its column's declared unit ({@link ChartSpec#cellText}), and which columns are numbers (set right).
 */
public record DataTable(List<String> headers, List<Boolean> numeric, List<List<String>> rows) {

    public DataTable {
        headers = List.copyOf(headers);
        numeric = List.copyOf(numeric);
        rows = List.copyOf(rows);
    }

    public static DataTable of(ChartSpec spec, Table data) {
        List<String> headers = new ArrayList<>();
        List<Boolean> numeric = new ArrayList<>();
        for (Column column : data.columns()) {
            headers.add(Formats.header(column.name()));
            numeric.add(column.type().isNumeric());
        }
        List<List<String>> rows = new ArrayList<>(data.rowCount());
        for (List<Object> row : data.rows()) {
            List<String> cells = new ArrayList<>(row.size());
            for (int c = 0; c < row.size(); c++) {
                cells.add(cell(spec, row.get(c), data.columns().get(c).name()));
            }
            rows.add(cells);
        }
        return new DataTable(headers, numeric, rows);
    }

    /**
     * The table without the columns empty in every row (a users table's fees, where the file gives none): they say
     * nothing. A table without rows keeps its headers.
     */
    public DataTable withoutEmptyColumns() {
        return keeping(c -> rows.isEmpty() || rows.stream().anyMatch(row -> !row.get(c).isEmpty()));
    }

    /** The table without the column of that header, if it has one. */
    public DataTable without(String header) {
        return keeping(c -> !headers.get(c).equals(header));
    }

    /** The table with the columns {@code kept} says yes to, in their order. */
    private DataTable keeping(java.util.function.IntPredicate kept) {
        List<Integer> columns = java.util.stream.IntStream.range(0, headers.size()).filter(kept).boxed().toList();
        return new DataTable(columns.stream().map(headers::get).toList(), columns.stream().map(numeric::get).toList(),
                rows.stream().map(row -> columns.stream().map(row::get).toList()).toList());
    }

    /** Whether a column of text other than that one labels the rows. */
    public boolean labelledBesides(String header) {
        return java.util.stream.IntStream.range(0, headers.size()).anyMatch(c -> !headers.get(c).equals(header) && !numeric.get(c));
    }

    public String cell(int row, int column) {
        return rows.get(row).get(column);
    }

    private static String cell(ChartSpec spec, Object value, String column) {
        if (value instanceof Number number && !(value instanceof Long || value instanceof Integer)
                && spec.unitOf(column).countsWholeThings() && Double.isFinite(number.doubleValue())) {
            // Things counted whole: a forecast of 4,153.9 members is 4,154 members.
            value = Math.round(number.doubleValue());
        }
        return spec.cellText(value, column);
    }
}
