package dev.marquee.render;

import dev.marquee.catalog.ChartSpec;
import dev.marquee.engine.Column;
import dev.marquee.engine.Table;
import dev.marquee.format.Formats;
import dev.marquee.format.SafeText;
import dev.marquee.format.Unit;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A result table as CSV: a header row with units, plain machine numbers, and text cells that a spreadsheet would
 * run as a formula (starting with = + - @, tab or carriage return) prefixed with an apostrophe; control characters
 * other than tabs and line feeds, and bidi controls, become U+FFFD (SafeText).
 */
final class CsvExport {

    private CsvExport() {
    }

    static String csv(ChartSpec spec, Table table) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            List<String> header = new ArrayList<>();
            for (Column column : table.columns()) {
                header.add(headerWithUnit(spec, column));
            }
            printer.printRecord(header);
            for (List<Object> row : table.rows()) {
                List<String> cells = new ArrayList<>(row.size());
                for (Object value : row) {
                    cells.add(value instanceof String text ? neutralize(SafeText.text(text)) : Formats.plain(value));
                }
                printer.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static String neutralize(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    /**
     * A number column's name with its unit as the question declares it ("mrr (USD)", "share (ratio)", "arpu (USD)"); a
     * count without a noun has none, and a unit that only repeats the name ("members", "titles") is left out. A text
     * column keeps its name: its values are labels ("under 5"), even where the unit is declared for the chart's axis.
     */
    static String headerWithUnit(ChartSpec spec, Column column) {
        if (!column.type().isNumeric()) {
            return column.name();
        }
        Unit unit = spec.unitOf(column.name());
        String text = switch (unit.style()) {
            case PERCENT, CHANGE -> "ratio";
            case SCORE -> "score 1-5";
            default -> unit.suffix();
        };
        return text.isEmpty() || text.equals(column.name()) ? column.name() : column.name() + " (" + text + ")";
    }
}
