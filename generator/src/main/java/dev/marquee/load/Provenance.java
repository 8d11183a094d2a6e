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

    /** A day of the month after its name ("January 1"), never the start of a year ("June 2025"). */
    private static final String DAY = "(?: +[0-3]?[0-9](?:st|nd|rd|th)?(?![0-9]))?";

    /** 2025H1, H1 2025, first half of 2025, the Second Half of 2023. */
    private static final Pattern HALF = Pattern.compile("(?i)(?<![0-9])(20\\d\\d)[ _-]?H([12])(?![0-9])"
            + "|(?<![a-z0-9])H([12])[ _-]?(20\\d\\d)(?![0-9])|(?<![a-z])(first|second|1st|2nd) half (?:of )?(20\\d\\d)(?![0-9])");
    /** 2023Jan-Jun, Jan-Jun 2024, January - June 2025, January 1, 2025 – June 30, 2025 (the days are whole months). */
    private static final Pattern MONTHS = Pattern.compile(
            "(?i)(?:(20\\d\\d)[ _-]?)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?" + DAY
                    + "[ _,-]*(?:(20\\d\\d)[ _-]*)?(?:-|–|—|to|through)[ _-]*"
                    + "(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?" + DAY + "(?:[ _,-]*(20\\d\\d))?");
    private static final Pattern SHOWS = Pattern.compile("(?i)(?<![a-z])(shows?|tv|series)(?![a-z])");
    private static final Pattern MOVIES = Pattern.compile("(?i)(?<![a-z])(movies?|films?)(?![a-z])");

    /** What a file's name tells: a half-year (2025H1) or a month range with a year (2023Jan-Jun), shows or movies. */
    static Provenance of(String source, String text) {
        Optional<LocalDate> start = Optional.empty();
        Optional<LocalDate> end = Optional.empty();
        Matcher half = HALF.matcher(text);
        Matcher months = MONTHS.matcher(text);
        if (half.find()) {
            int year = Integer.parseInt(firstOf(half.group(1), half.group(4), half.group(6)));
            String which = firstOf(half.group(2), half.group(3), half.group(5)).toLowerCase(Locale.ROOT);
            boolean first = which.startsWith("1") || which.startsWith("f");
            start = Optional.of(LocalDate.of(year, first ? 1 : 7, 1));
            end = Optional.of(LocalDate.of(year, first ? 6 : 12, first ? 30 : 31));
        } else if (months.find()) {
            String year = firstOf(months.group(1), months.group(3), months.group(5));
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

    /**
     * What a spreadsheet's sheet says about itself: the period from its title block (the rows above its header), else
     * from the sheet's name, else from the file's; shows or movies from the sheet's name ("TV", "Shows", "Film",
     * "Movies"), else from the file's.
     */
    static Provenance ofSheet(String source, String titleBlock, String sheetName, String fileName) {
        Provenance block = of(source, titleBlock);
        Provenance sheet = of(source, sheetName);
        Provenance file = of(source, fileName);
        Provenance period = block.periodStart().isPresent() ? block : sheet.periodStart().isPresent() ? sheet : file;
        return new Provenance(source, period.periodStart(), period.periodEnd(), sheet.type().or(file::type));
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

    private static String firstOf(String... groups) {
        for (String group : groups) {
            if (group != null) {
                return group;
            }
        }
        return null;
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
