package dev.marquee.format;


import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Numbers and dates written for people, one way everywhere (site, PDF, charts, alt text):
 * 1.2M hours, 4.3%, $12,345, 3.42 / 5, 1,234 sessions (a declared noun). Percent values are ratios (0.043 is 4.3%). A number that is not one (NaN,
 * as a forecast's error is on a series that never changes) or is infinite (a ratio to zero) is "n/a" for people and an
 * empty cell for machines, never an exception.
 */
public final class Formats {

    private static final DecimalFormatSymbols SYMBOLS = DecimalFormatSymbols.getInstance(Locale.US);
    /**
     * One format per number of decimals and thread (a DecimalFormat is not thread-safe, and the site and the PDF are
     * written on two threads), instead of one parsed from its pattern for each of the 7,000 numbers the default data's
     * site and PDF show.
     */
    private static final ThreadLocal<java.util.Map<Integer, DecimalFormat>> GROUPED =
            ThreadLocal.withInitial(java.util.HashMap::new);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.US);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.US);
    /** What people read where a number cannot be shown. */
    public static final String NOT_A_NUMBER = "n/a";

    private Formats() {
    }

    /** A short form for tiles, narratives and axis labels: 1.2M hours. */
    public static String compact(double value, Unit unit) {
        if (!Double.isFinite(value)) {
            return NOT_A_NUMBER;
        }
        return switch (unit.style()) {
            case PERCENT -> percent(value);
            case CHANGE -> change(value);
            // One style for money in prose and tiles: cents only on small amounts (a price, an ARPU), whole dollars up
            // to $10,000, thousands and millions above: "$16.41", "$798", "$56.1K".
            case USD -> (value < 0 ? "-$" : "$") + (Math.abs(value) >= 10_000 ? shortNumber(Math.abs(value))
                    : Math.abs(value) >= 100 ? grouped(Math.abs(value), 0) : money(Math.abs(value)));
            case DOLLARS -> (value < 0 ? "-$" : "$") + (Math.abs(value) >= 10_000 ? shortNumber(Math.abs(value)) : grouped(Math.abs(value), 0));
            case SCORE -> decimal(value, 2) + " / 5";
            case YEAR -> Long.toString(Math.round(value));
            case DECADE -> Math.round(value) + "s";
            case DECIMAL -> decimal(value, 2) + noun(value, unit);
            // Time keeps the decimal its table cell shows under 100 ("34.5 hours" beside a cell of 34.5, not "35").
            case MINUTES -> shortTime(value) + " min";
            case HOURS -> {
                String number = shortTime(value);
                yield number + noun(number.equals("1") ? 1 : value, unit);
            }
            case DAYS, WHOLE, COUNT -> shortNumber(value) + noun(value, unit);
        };
    }

    /**
     * A key figure as its tile (and the e-mail) says it: {@link #compact}, except that a count of members, titles or
     * days is written in full under a million ("25,000 members"), so that one page's tiles never mix "25K members"
     * with "2,500 members"; from a million, "1.2M members". Money, rates and scores are as {@link #compact} writes them.
     */
    public static String keyFigure(double value, Unit unit) {
        boolean count = unit.style() == NumberStyle.WHOLE || unit.style() == NumberStyle.COUNT || unit.style() == NumberStyle.DAYS;
        return count && Double.isFinite(value) && Math.abs(value) < 1e6 ? withUnit(value, unit) : compact(value, unit);
    }

    /** The full form with the unit's words, as a chart's tooltip says it: "1,234 hours", "1 title", "$12,345.67", "3.42 / 5". */
    public static String withUnit(double value, Unit unit) {
        String number = full(value, unit);
        if (!Double.isFinite(value)) {
            return number;
        }
        return switch (unit.style()) {
            case HOURS, MINUTES, DAYS, WHOLE, COUNT, DECIMAL -> number + noun(value, unit);
            case SCORE -> number + " / 5";
            case PERCENT, CHANGE, USD, DOLLARS, YEAR, DECADE -> number;
        };
    }

    /** The unit's noun after a number, in the singular for one: " hours", " title"; nothing for a unit without one. */
    private static String noun(double value, Unit unit) {
        return unit.noun().map(noun -> " " + (value == 1 ? noun.singular() : noun.plural())).orElse("");
    }

    /** The full form for table cells: 1,234,567 hours, $12,345.67, 4.3%. */
    public static String full(double value, Unit unit) {
        if (!Double.isFinite(value)) {
            return NOT_A_NUMBER;
        }
        return switch (unit.style()) {
            case PERCENT -> percent(value);
            case CHANGE -> change(value);
            case USD -> (value < 0 ? "-$" : "$") + money(Math.abs(value));
            case DOLLARS -> (value < 0 ? "-$" : "$") + grouped(Math.abs(value), 0);
            case SCORE -> decimal(value, 2);
            case YEAR -> Long.toString(Math.round(value));
            case DECADE -> Math.round(value) + "s";
            case DECIMAL -> decimal(value, 2);
            case HOURS, MINUTES -> grouped(value, Math.abs(value) >= 100 ? 0 : 1);
            // Members are whole people: a forecast or a mean of them is shown rounded (4,154, not 4,153.9); so is any whole count.
            case WHOLE -> grouped(value, 0);
            case DAYS, COUNT -> grouped(value, value == Math.rint(value) ? 0 : 1);
        };
    }

    /** Words of column names that a reader knows in another form: initialisms, and interval bounds. */
    private static final java.util.Map<String, String> HEADER_WORDS = java.util.Map.ofEntries(
            java.util.Map.entry("mape", "MAPE"), java.util.Map.entry("mase", "MASE"), java.util.Map.entry("sd", "SD"),
            java.util.Map.entry("auc", "AUC"), java.util.Map.entry("mrr", "MRR"), java.util.Map.entry("arpu", "ARPU"),
            java.util.Map.entry("imdb", "IMDb"), java.util.Map.entry("id", "ID"),
            java.util.Map.entry("low80", "80% low"), java.util.Map.entry("high80", "80% high"),
            java.util.Map.entry("low95", "95% low"), java.util.Map.entry("high95", "95% high"));

    /**
     * A column's name as a table header: churn_rate is "churn rate", baseline_mape "baseline MAPE", low80 "80% low",
     * low_95 "95% low".
     */
    public static String header(String column) {
        String joined = column.replaceAll("(?<=^|_)(low|high)_(80|95)(?=_|$)", "$1$2");
        StringBuilder header = new StringBuilder(column.length() + 8);
        for (String word : joined.split("_", -1)) {
            if (!header.isEmpty()) {
                header.append(' ');
            }
            header.append(HEADER_WORDS.getOrDefault(word, word));
        }
        return header.toString();
    }

    /** A signed change in percent, or n/a: +12.0%, -3.4%. */
    public static String change(double ratio) {
        if (!Double.isFinite(ratio)) {
            return NOT_A_NUMBER;
        }
        String text = decimal(Math.abs(ratio) * 100, 1) + "%";
        return (ratio > 0 ? "+" : ratio < 0 ? "−" : "±") + text;
    }

    public static String percent(double ratio) {
        if (!Double.isFinite(ratio)) {
            return NOT_A_NUMBER;
        }
        return decimal(ratio * 100, 1) + "%";
    }

    public static String date(LocalDate date) {
        return DAY.format(date);
    }

    /** A period's start as people read it: the first of a month is that month ("Jan 2024"), another day the date. */
    public static String period(LocalDate date) {
        return date.getDayOfMonth() == 1 ? month(date) : date(date);
    }

    /**
     * A date of a column as people read it, one style per grain: a month is "Jan 2024", a day "5 Jan 2024" (also "1 Jan
     * 2024"). A column that declares no grain lets the value decide ({@link #period}): the first of a month shows as its
     * month, another day as the day. Never read from the column's name.
     */
    public static String date(LocalDate date, java.util.Optional<Grain> grain) {
        if (grain.isEmpty()) {
            return period(date);
        }
        return switch (grain.get()) {
            case MONTH -> month(date);
            case DAY -> date(date);
        };
    }

    public static String month(LocalDate date) {
        return MONTH.format(date);
    }

    /**
     * Any cell value as text: numbers by unit, dates of no declared grain as {@link #period} ("Dec 2024" for a first of
     * the month, as charts and narratives say), text as is.
     */
    public static String cell(Object value, Unit unit) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number number) {
            return full(number.doubleValue(), unit);
        }
        if (value instanceof LocalDate date) {
            return date(date, java.util.Optional.empty());
        }
        if (value instanceof LocalDateTime time) {
            return time.toString().replace('T', ' ');
        }
        if (value instanceof Boolean yes) {
            // A reader's word; the CSV keeps true and false.
            return yes ? "yes" : "no";
        }
        return value.toString();
    }

    /** Machine form for CSV: plain digits, '.' decimal, ISO dates; empty for no value, NaN and infinity. */
    public static String plain(Object value) {
        if (value == null || !isFinite(value)) {
            return "";
        }
        if (value instanceof Double d) {
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        if (value instanceof Float f) {
            return new BigDecimal(Float.toString(f)).stripTrailingZeros().toPlainString();
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof LocalDateTime time) {
            return time.toString().replace('T', ' ');
        }
        return value.toString();
    }

    /** False for a Double or Float that is NaN or infinite; true for any other value. */
    public static boolean isFinite(Object value) {
        return !(value instanceof Double d && !Double.isFinite(d)) && !(value instanceof Float f && !Float.isFinite(f));
    }

    static String shortNumber(double value) {
        double abs = Math.abs(value);
        if (abs >= 1e9) {
            return shortened(value, 1e9) + "B";
        }
        if (abs >= 1e6) {
            return shortened(value, 1e6) + "M";
        }
        if (abs >= 1e4) {
            return shortened(value, 1e3) + "K";
        }
        return grouped(value, abs < 10 && value != Math.rint(value) ? 1 : 0);
    }

    /**
     * A number in thousands, millions or billions, rounded half-up on its decimal digits: a reader shortens the $12,450
     * a table shows to $12.5K, where half-even (and 12.45's binary value, a little under it) gives $12.4K.
     */
    private static String shortened(double value, double scale) {
        java.math.BigDecimal inScale = java.math.BigDecimal.valueOf(value).divide(java.math.BigDecimal.valueOf(scale));
        return trimmed(inScale.setScale(inScale.abs().compareTo(java.math.BigDecimal.valueOf(100)) >= 0 ? 0 : 1,
                java.math.RoundingMode.HALF_UP).doubleValue());
    }

    /** Hours or minutes: one decimal under 100 as in {@link #full} (without a trailing ".0"), else {@link #shortNumber}. */
    private static String shortTime(double value) {
        return Math.abs(value) < 100 ? trimmed(value) : shortNumber(value);
    }

    private static String trimmed(double value) {
        if (Math.abs(value) >= 100) {
            return grouped(value, 0);
        }
        String text = decimal(value, 1);
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }

    /** Dollars and cents, as tables give money: every cell of a column the same way. */
    private static String money(double value) {
        return grouped(value, 2);
    }

    /** A number with thousands separators and exactly {@code decimals} decimals, rounded half-even. */
    public static String grouped(double value, int decimals) {
        String text = GROUPED.get().computeIfAbsent(decimals, Formats::groupedFormat).format(value);
        return text.equals("-0") ? "0" : text;
    }

    private static DecimalFormat groupedFormat(int decimals) {
        DecimalFormat format = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals), SYMBOLS);
        format.setRoundingMode(java.math.RoundingMode.HALF_EVEN);
        return format;
    }

    static String decimal(double value, int decimals) {
        return grouped(value, decimals);
    }
}
