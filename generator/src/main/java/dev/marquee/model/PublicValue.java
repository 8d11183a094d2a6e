package dev.marquee.model;

import java.util.regex.Pattern;

/**
 * The value of a problem as the public Data page may show it. A row set aside may have its columns shifted, so a
 * member id can stand in a date column and an email in an age: the value of a row of a table that describes members
 * is never shown, and of other rows only when it does not look like an id or an email.
 */
public final class PublicValue {

    public static final String WITHHELD = "(withheld)";
    /** The longest value shown; a longer one is cut. */
    static final int MAX_SHOWN = 40;

    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+");
    private static final Pattern UUID = Pattern.compile("(?i)[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}");
    /** Six digits in a row (account and phone numbers), or a short prefix then digits (u1234, s8807, ID-00042). */
    private static final Pattern ID = Pattern.compile("\\d{6,}|(?i)\\b[a-z]{1,4}[-_]?\\d{3,}\\b");

    private PublicValue() {
    }

    public static String of(Problem problem) {
        String value = problem.value();
        if (value.isEmpty()) {
            return "";
        }
        boolean identifying = problem.personal() || problem.column().isEmpty() || problem.column().endsWith("_id");
        if (identifying || looksLikeAnIdOrEmail(value)) {
            return WITHHELD;
        }
        return value.length() > MAX_SHOWN ? value.substring(0, MAX_SHOWN - 1) + "…" : value;
    }

    static boolean looksLikeAnIdOrEmail(String value) {
        return EMAIL.matcher(value).find() || UUID.matcher(value).find() || ID.matcher(value).find();
    }
}
