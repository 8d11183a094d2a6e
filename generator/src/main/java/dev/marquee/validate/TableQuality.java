package dev.marquee.validate;

/**
 * One table after validation: rows found in its file, rows set aside, rows kept for the report.
 *
 * @param fileRows the data rows of its file, where a shape made more or fewer of the table's (see LoadedTable)
 */
public record TableQuality(String table, String file, String format, long rowsRead, long rowsSetAside, long fileRows) {

    public TableQuality(String table, String file, String format, long rowsRead, long rowsSetAside) {
        this(table, file, format, rowsRead, rowsSetAside, rowsRead);
    }

    public long rowsKept() {
        return rowsRead - rowsSetAside;
    }

    public double setAsideShare() {
        return rowsRead == 0 ? 0 : (double) rowsSetAside / rowsRead;
    }
}
