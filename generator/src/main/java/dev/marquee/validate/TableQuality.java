package dev.marquee.validate;

/** One table after validation: rows found in its file, rows set aside, rows kept for the report. */
public record TableQuality(String table, String file, String format, long rowsRead, long rowsSetAside) {

    public long rowsKept() {
        return rowsRead - rowsSetAside;
    }

    public double setAsideShare() {
        return rowsRead == 0 ? 0 : (double) rowsSetAside / rowsRead;
    }
}
