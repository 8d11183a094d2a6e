package dev.marquee.load;

import dev.marquee.model.TableSpec;

import java.util.List;

/**
 * A table of the data model as loaded.
 *
 * @param file            the file it came from, as the user named it, or {@code built-in} for the reference copy
 * @param format          csv, csv.gz, parquet or xlsx (a workbook's sheets), mixed when files of two formats feed it
 * @param rowsRead        data rows found in the file, or, for a table a shape maps a file onto, the rows the mapping
 *                        gave (and those set aside)
 * @param rowsRejected    rows the parser set aside (wrong type, wrong number of fields, invalid UTF-8)
 * @param missingColumns  optional model columns the file does not have (loaded as NULL)
 * @param extraColumns    columns of the file that are not in the model (ignored)
 * @param fileRows        the data rows of the file (or files) it came from: {@code rowsRead}, unless a shape maps a
 *                        row of the file onto several of the table (a title's IMDb and TMDB scores) or a few
 */
public record LoadedTable(TableSpec spec, String file, String format, long rowsRead, long rowsRejected,
                          List<String> missingColumns, List<String> extraColumns, long fileRows) {

    public LoadedTable {
        missingColumns = List.copyOf(missingColumns);
        extraColumns = List.copyOf(extraColumns);
    }

    /** A table read as its file is: a row of the table per row of the file. */
    public LoadedTable(TableSpec spec, String file, String format, long rowsRead, long rowsRejected,
                       List<String> missingColumns, List<String> extraColumns) {
        this(spec, file, format, rowsRead, rowsRejected, missingColumns, extraColumns, rowsRead);
    }

    public String name() {
        return spec.name();
    }

    public boolean isBuiltIn() {
        return file.equals(DataLoader.BUILT_IN);
    }
}
