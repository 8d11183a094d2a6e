package dev.marquee.load;

import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a public file says about itself beyond its rows: its name as readers see it (the source of every row it
 * gives), and for an engagement report the period it covers and whether it lists shows or movies. Read from the file
 * name ({@code what_we_watched_2025H1_shows.csv}, {@code What_We_Watched_2023Jan-Jun.csv}) or, for a spreadsheet,
 * from its title block and sheet name. The shape SQL reads them as {@code {{source}}}, {@code {{report}}},
 * {@code {{period_start}}}, {@code {{period_end}}} and {@code {{type}}}.
 *
 * @param source the file's name in the data folder (a spreadsheet's: {@code file.xlsx, sheet Shows})
 */
record Provenance(String source, Optional<LocalDate> periodStart, Optional<LocalDate> periodEnd, Optional<String> type) {

    private static final Pattern HALF = Pattern.compile("(?i)(?<![0-9])(20\\d\\d)[ _-]?H([12])(?![0-9])");
    private static final Pattern MONTHS = Pattern.compile(
            "(?i)(?:(20\\d\\d)[ _-]?)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?[ _-]*(?:(20\\d\\d)[ _-]*)?(?:-|–|to|through)[ _-]*"
                    + "(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?(?:[ _,-]*(20\\d\\d))?");
    private static final Pattern SHOWS = Pattern.compile("(?i)(?<![a-z])(shows?|tv|series)(?![a-z])");
    private static final Pattern MOVIES = Pattern.compile("(?i)(?<![a-z])(movies?|films?)(?![a-z])");

    /** What a file's name tells: a half-year (2025H1) or a month range with a year (2023Jan-Jun), shows or movies. */
    static Provenance of(String source, String text) {
        Optional<LocalDate> start = Optional.empty();
        Optional<LocalDate> end = Optional.empty();
        Matcher half = HALF.matcher(text);
        Matcher months = MONTHS.matcher(text);
        if (half.find()) {
            int year = Integer.parseInt(half.group(1));
            boolean first = half.group(2).equals("1");
            start = Optional.of(LocalDate.of(year, first ? 1 : 7, 1));
            end = Optional.of(LocalDate.of(year, first ? 6 : 12, first ? 30 : 31));
        } else if (months.find()) {
            String year = months.group(1) != null ? months.group(1) : months.group(3) != null ? months.group(3) : months.group(5);
            if (year != null) {
                int y = Integer.parseInt(year);
                Month from = month(months.group(2));
                Month to = month(months.group(4));
                int endYear = to.compareTo(from) < 0 ? y + 1 : y;
                start = Optional.of(LocalDate.of(y, from, 1));
                end = Optional.of(YearMonth.of(endYear, to).atEndOfMonth());
            }
        }
        Optional<String> type = MOVIES.matcher(text).find() ? Optional.of("Movie")
                : SHOWS.matcher(text).find() ? Optional.of("TV Show") : Optional.empty();
        return new Provenance(source, start, end, type);
    }

    /** The report's name, by its period where known ("What We Watched, Jan–Jun 2025"), else by its file. */
    String report(String shapeName) {
        if (periodStart.isEmpty()) {
            return shapeName + " (" + source + ")";
        }
        LocalDate from = periodStart.get();
        LocalDate to = periodEnd.orElseThrow();
        String months = from.getYear() == to.getYear()
                ? monthName(from) + "–" + monthName(to) + " " + to.getYear()
                : monthName(from) + " " + from.getYear() + "–" + monthName(to) + " " + to.getYear();
        return shapeName + ", " + months;
    }

    private static String monthName(LocalDate day) {
        return day.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ENGLISH);
    }

    private static Month month(String text) {
        String prefix = text.substring(0, 3).toLowerCase(Locale.ROOT);
        for (Month month : Month.values()) {
            if (month.getDisplayName(java.time.format.TextStyle.SHORT, Locale.ENGLISH).toLowerCase(Locale.ROOT).equals(prefix)) {
                return month;
            }
        }
        throw new IllegalArgumentException("not a month: " + text);
    }
}
