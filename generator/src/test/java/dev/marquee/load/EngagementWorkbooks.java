package dev.marquee.load;

import dev.marquee.Fixtures;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Writes the engagement-report fixtures of {@code fixtures/engagement/} (see its README): two workbooks in the layout
 * Netflix publishes (title block above the header row, which is the sixth, in columns B on; one sheet per part of the
 * report) and the same rows as CSV files. Test code only: the product reads workbooks, it never writes one. Run it
 * with {@code -Dmarquee.write-fixtures=true} (see the README); the tests read the checked-in files.
 *
 * <p>A release date is written as a date-formatted serial number ({@link LocalDate}), a serial number without a format
 * ({@link Serial}), or text (a String); a runtime as text ("1:45", "*") or as a time-formatted number ({@link Duration}).
 */
class EngagementWorkbooks {

    static final Path FOLDER = Fixtures.FIXTURES.resolve("engagement");
    static final String WORKBOOK_2025 = "What_We_Watched_A_Netflix_Engagement_Report_2025Jan-Jun.xlsx";
    static final String WORKBOOK_2023 = "What_We_Watched_A_Netflix_Engagement_Report_2023Jan-Jun.xlsx";
    static final String MOVIES_CSV_2025 = "what_we_watched_2025H1_movies.csv";
    static final String CSV_2023 = "What_We_Watched_A_Netflix_Engagement_Report_2023Jan-Jun.csv";

    /** A date written as Excel stores it, without a date format: the days since 1899-12-30. */
    record Serial(LocalDate date) {
        long days() {
            return ChronoUnit.DAYS.between(LocalDate.of(1899, 12, 30), date);
        }
    }

    /** One row of a report: the 2023 layout has no runtime and no views (both null). */
    record Title(String title, String available, Object releaseDate, long hours, Object runtime, Long views) {
    }

    /** The first rows of Netflix's Jan–Jun 2025 shows list, as the real CSV of ../shared/data has them. */
    static final List<Title> SHOWS_2025 = List.of(
            new Title("Adolescence: Limited Series", "Yes", LocalDate.of(2025, 3, 13), 555_100_000L, "3:50", 144_800_000L),
            new Title("Squid Game: Season 2 // 오징어 게임: 시즌 2", "Yes", LocalDate.of(2024, 12, 26), 840_300_000L, Duration.ofMinutes(430), 117_300_000L),
            new Title("Squid Game: Season 3 // 오징어 게임: 시즌 3", "Yes", new Serial(LocalDate.of(2025, 6, 27)), 438_600_000L, "6:08", 71_500_000L),
            new Title("Zero Day: Limited Series", "Yes", "2025-02-20", 315_800_000L, "5:09", 61_300_000L),
            new Title("Ms. Rachel: Season 1", "Yes", null, 162_100_000L, "3:02", 53_400_000L),
            new Title("The Night Agent: Season 2", "Yes", LocalDate.of(2025, 1, 23), 457_800_000L, "8:36", 53_200_000L),
            new Title("Ginny & Georgia: Season 3", "Yes", LocalDate.of(2025, 6, 5), 508_200_000L, "10:34", 48_100_000L),
            new Title("Peppa Pig: Season 1", "No", null, 67_300_000L, "*", 16_600_000L),
            new Title("Alice in Borderland: Season 1 // 今際の国のアリス: シーズン1", "Yes", LocalDate.of(2020, 12, 10), 68_600_000L, "6:29", 10_600_000L),
            new Title("Until You Burn: Season 1 // Escupiré sobre sus tumbas: Temporada 1", "Yes", LocalDate.of(2025, 2, 19), 383_400_000L,
                    Duration.ofMinutes(47 * 60 + 35), 8_100_000L),
            new Title("The Apothecary Diaries: Season 1 // 薬屋のひとりごと: シーズン1", "No", null, 71_500_000L, "9:09", 7_800_000L),
            new Title("Peppa Pig: Season 6", "No", null, 47_000_000L, "2:02", 23_100_000L));

    /** Movies of the same half-year: invented titles and figures, in Netflix's layout (the real list is not at hand). */
    static final List<Title> MOVIES_2025 = List.of(
            new Title("The Long Way Home", "Yes", LocalDate.of(2025, 3, 7), 186_400_000L, "1:52", 99_900_000L),
            new Title("Ocean's Promise // 바다의 약속", "Yes", "2025-01-17", 120_300_000L, Duration.ofMinutes(125), 57_700_000L),
            new Title("夜明けの約束 // Promise at Dawn", "No", new Serial(LocalDate.of(2025, 5, 2)), 64_800_000L, "1:48", 36_000_000L),
            new Title("Paper Lanterns", "Yes", LocalDate.of(2024, 12, 20), 58_200_000L, "1:37", 36_000_000L),
            new Title("The Quiet Orchard", "No", null, 40_100_000L, "*", 21_300_000L),
            new Title("Midnight Relay", "No", null, 33_500_000L, "1:41", 19_900_000L),
            new Title("A Winter in Lisbon", "Yes", LocalDate.of(2025, 2, 14), 30_200_000L, "1:30", 20_100_000L),
            new Title("Little Giants of the Sea", "No", null, 12_600_000L, "1:03", 12_000_000L),
            new Title("Dust and Thunder", "Yes", LocalDate.of(2025, 6, 27), 9_800_000L, "2:20", 4_200_000L),
            new Title("The Cartographer", "Yes", "2025-04-11", 7_400_000L, "1:59", 3_700_000L));

    /**
     * The 2023 report (one list, no runtime, no views): its first rows as the press quoted them when it came out, then
     * invented ones for what the top of the list lacks (a licensed title without a release date, a Japanese title).
     */
    static final List<Title> REPORT_2023 = List.of(
            new Title("The Night Agent: Season 1", "Yes", LocalDate.of(2023, 3, 23), 812_100_000L, null, null),
            new Title("Ginny & Georgia: Season 2", "Yes", LocalDate.of(2023, 1, 5), 665_100_000L, null, null),
            new Title("The Glory: Season 1 // 더 글로리: 시즌 1", "Yes", LocalDate.of(2022, 12, 30), 622_800_000L, null, null),
            new Title("Wednesday: Season 1", "Yes", new Serial(LocalDate.of(2022, 11, 23)), 507_700_000L, null, null),
            new Title("Queen Charlotte: A Bridgerton Story", "Yes", "2023-05-04", 503_000_000L, null, null),
            new Title("The Mother", "Yes", LocalDate.of(2023, 5, 12), 249_900_000L, null, null),
            new Title("Luther: The Fallen Sun", "Yes", LocalDate.of(2023, 3, 10), 209_700_000L, null, null),
            new Title("Extraction 2", "Yes", LocalDate.of(2023, 6, 16), 201_800_000L, null, null),
            new Title("Harbour Lights: Season 1", "No", null, 45_300_000L, null, null),
            new Title("星の図書館 // The Star Library", "No", null, 1_200_000L, null, null),
            new Title("Quiet Hours", "Yes", LocalDate.of(2021, 8, 6), 100_000L, null, null));

    static final List<String> HEADER = List.of("Title", "Available Globally?", "Release Date", "Hours Viewed", "Runtime", "Views");
    static final List<String> HEADER_2023 = HEADER.subList(0, 4);

    /** A sheet as Netflix lays it out: the title block in B2 and B3, the header in row 6 from column B, the rows below. */
    record Sheet(String name, List<String> titleBlock, List<String> header, List<Title> rows) {
    }

    @Test
    @EnabledIfSystemProperty(named = "marquee.write-fixtures", matches = "true")
    void writeTheFixtures() throws IOException {
        Files.createDirectories(FOLDER);
        List<String> block2025 = List.of("What We Watched: A Netflix Engagement Report", "January - June 2025");
        workbook(FOLDER.resolve(WORKBOOK_2025), new Sheet("Shows", block2025, HEADER, SHOWS_2025),
                new Sheet("Movies", block2025, HEADER, MOVIES_2025));
        workbook(FOLDER.resolve(WORKBOOK_2023), new Sheet("Engagement",
                List.of("What We Watched: A Netflix Engagement Report", "Engagement Report: 2023 Jan-Jun"), HEADER_2023, REPORT_2023));
        moviesCsv(FOLDER.resolve(MOVIES_CSV_2025));
        csv2023(FOLDER.resolve(CSV_2023));
    }

    static void workbook(Path file, Sheet... sheets) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook workbook = new Workbook(out, "Marquee test fixtures", "1.0");
            for (Sheet sheet : sheets) {
                Worksheet ws = workbook.newWorksheet(sheet.name());
                for (int i = 0; i < sheet.titleBlock().size(); i++) {
                    ws.value(1 + i, 1, sheet.titleBlock().get(i));
                }
                for (int c = 0; c < sheet.header().size(); c++) {
                    ws.value(5, 1 + c, sheet.header().get(c));
                }
                int r = 6;
                for (Title row : sheet.rows()) {
                    ws.value(r, 1, row.title());
                    ws.value(r, 2, row.available());
                    cell(ws, r, 3, row.releaseDate());
                    cell(ws, r, 4, row.hours());
                    if (sheet.header().size() > 4) {
                        cell(ws, r, 5, row.runtime());
                        cell(ws, r, 6, row.views());
                    }
                    r++;
                }
            }
            workbook.finish();
        }
    }

    private static void cell(Worksheet ws, int r, int c, Object value) {
        if (value instanceof String text) {
            ws.value(r, c, text);
        } else if (value instanceof LocalDate date) {
            ws.value(r, c, date);
            ws.style(r, c).format("yyyy-mm-dd").set();
        } else if (value instanceof Serial serial) {
            ws.value(r, c, serial.days());
        } else if (value instanceof Duration duration) {
            ws.value(r, c, duration.toMinutes() / 1440.0);
            ws.style(r, c).format(duration.toHours() >= 24 ? "[h]:mm" : "h:mm").set();
        } else if (value instanceof Long number) {
            ws.value(r, c, number);
            ws.style(r, c).format("#,##0").set();
        } else if (value != null) {
            throw new IllegalArgumentException("no cell for " + value);
        }
    }

    /** The movies in the columns of the real shows CSV (its converter added month, year, season_number, show_name). */
    private static void moviesCsv(Path file) throws IOException {
        try (CSVPrinter out = new CSVPrinter(Files.newBufferedWriter(file, StandardCharsets.UTF_8),
                CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            out.printRecord("title", "available_globally?", "release_date", "hours_viewed", "runtime", "views", "month", "year",
                    "season_number", "show_name");
            for (Title movie : MOVIES_2025) {
                LocalDate released = date(movie.releaseDate());
                out.printRecord(movie.title(), movie.available(), released == null ? "" : released, movie.hours(), runtime(movie.runtime()),
                        movie.views(), released == null ? "" : released.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH),
                        released == null ? "" : released.getYear() + ".0", "", movie.title());
            }
        }
    }

    /** The 2023 report as Excel saves its sheet as CSV from the header row on: hours with thousands separators. */
    private static void csv2023(Path file) throws IOException {
        try (CSVPrinter out = new CSVPrinter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), CSVFormat.DEFAULT)) {
            out.printRecord(HEADER_2023);
            for (Title row : REPORT_2023) {
                LocalDate released = date(row.releaseDate());
                out.printRecord(new ArrayList<>(Arrays.asList(row.title(), row.available(), released == null ? "" : released.toString(),
                        String.format(Locale.US, "%,d", row.hours()))));
            }
        }
    }

    private static LocalDate date(Object value) {
        return value == null ? null : value instanceof LocalDate date ? date : value instanceof Serial serial ? serial.date()
                : LocalDate.parse((String) value);
    }

    private static String runtime(Object value) {
        return value instanceof Duration d ? String.format(Locale.ROOT, "%d:%02d", d.toHours(), d.toMinutesPart()) : (String) value;
    }
}
