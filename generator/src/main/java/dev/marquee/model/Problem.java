package dev.marquee.model;

import java.util.Objects;

/**
 * Something wrong with an input, located as precisely as the input allows.
 *
 * @param file     the file, by its name in the data folder (e.g. {@code users.csv}; never an absolute path of the
 *                 build machine, since the Data page publishes it), or a question file relative to the working folder
 * @param line     1-based line in the file, 0 when unknown (Parquet rows, whole-file problems)
 * @param column   the column or field, empty when the problem is not about one
 * @param value    the offending value as written, empty when there is none; its start only when it is longer than
 *                 {@value #MAX_VALUE_SHOWN} characters (a megabyte-long value would flood a terminal)
 * @param rule     a short rule name, stable for tests and scripts (e.g. {@code out-of-range}, {@code missing-column})
 * @param message  the rule broken, in words, and the fix where there is one
 * @param personal the value may be personal data (it comes from a row of a table that describes members, or from a
 *                 source not known to be public): the command line shows it to the data's owner, the report never
 */
public record Problem(String file, long line, String column, String value, String rule, String message, Severity severity,
                      boolean personal) {

    /** Fatal problems stop the run; set-aside rows are dropped and counted; notes are reported only. */
    public enum Severity { FATAL, SET_ASIDE, NOTE }

    public static final int MAX_VALUE_SHOWN = 80;

    public Problem {
        Objects.requireNonNull(file);
        Objects.requireNonNull(rule);
        Objects.requireNonNull(message);
        Objects.requireNonNull(severity);
        column = column == null ? "" : column;
        value = value == null ? "" : value;
        if (value.length() > MAX_VALUE_SHOWN) {
            value = value.substring(0, MAX_VALUE_SHOWN - 3) + "...";
        }
    }

    /** A problem whose value, if any, is treated as personal data. */
    public Problem(String file, long line, String column, String value, String rule, String message, Severity severity) {
        this(file, line, column, value, rule, message, severity, true);
    }

    public static Problem fatal(String file, long line, String column, String rule, String message) {
        return new Problem(file, line, column, "", rule, message, Severity.FATAL);
    }

    /** The problem as the public Data page shows it: its value withheld where it may be personal (see PublicValue). */
    public Problem withheld() {
        String shown = PublicValue.of(this);
        return new Problem(file, line, column, shown, rule, message, severity, personal);
    }

    public String location() {
        StringBuilder where = new StringBuilder(file);
        if (line > 0) {
            where.append(':').append(line);
        }
        if (!column.isEmpty()) {
            where.append(" column ").append(column);
        }
        return where.toString();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(location()).append(": ");
        if (!value.isEmpty()) {
            text.append("value \"").append(value).append("\": ");
        }
        return text.append(message).append(" [").append(rule).append(']').toString();
    }
}
