package dev.marquee.load;

import dev.marquee.run.Background;
import dev.marquee.Fixtures;
import dev.marquee.engine.DuckDbEngine;
import dev.marquee.model.DataModel;
import dev.marquee.model.Problem;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Netflix's What We Watched report in every shape it was published in, loaded into title_engagement: the 2025 shows
 * and movies lists as CSV, the 2023 report (four columns, hours with thousands separators) as CSV, and the workbooks
 * as Netflix publishes them (title block above the header row, one sheet per part). Given the fixtures of
 * {@code fixtures/engagement/} (written by {@link EngagementWorkbooks}; the expected values below are read off its
 * rows by hand).
 */
class EngagementReportTest {

    private static final Path FIXTURES = EngagementWorkbooks.FOLDER;
    private static final String ROW = "SELECT report, period_start, period_end, type, available_globally, release_date, hours_viewed, views, "
            + "runtime_minutes FROM title_engagement WHERE title = ?";
    private static final String ALL_ROWS = "SELECT title, report, period_start, period_end, type, available_globally, release_date, "
            + "hours_viewed, views, runtime_minutes FROM title_engagement";
    private static final String JAN_JUN_2025 = "What We Watched, Jan–Jun 2025";

    @TempDir
    Path temp;

    /** The files copied alone into a data folder (under the given names) and loaded. */
    private Loaded load(String... fromAndTo) throws IOException {
        Path folder = Files.createTempDirectory(temp, "data-");
        for (int i = 0; i < fromAndTo.length; i += 2) {
            Files.copy(FIXTURES.resolve(fromAndTo[i]), folder.resolve(fromAndTo[i + 1]));
        }
        return loadFolder(folder);
    }

    private Loaded loadFolder(Path folder) throws IOException {
        DuckDbEngine engine = DuckDbEngine.inMemory(temp, "1GB");
        try (Background background = Background.open()) {
            return new Loaded(engine, DataLoader.load(background, folder, DataModel.standard(), engine, Files.createTempDirectory(temp, "scratch-")));
        }
    }

    private record Loaded(DuckDbEngine engine, LoadResult result) implements AutoCloseable {
        List<Object> row(String title) {
            List<List<Object>> rows = engine.query(ROW.replace("?", DataLoader.quote(title))).rows();
            assertEquals(1, rows.size(), title + " once: " + rows);
            return rows.get(0);
        }

        Object scalar(String sql) {
            return engine.scalar(sql);
        }

        List<Problem> fatal() {
            return result.problems().stream().filter(p -> p.severity() == Problem.Severity.FATAL).toList();
        }

        @Override
        public void close() {
            engine.close();
        }
    }

    private static List<Object> row(String report, LocalDate start, LocalDate end, String type, Boolean available, LocalDate released,
                                    double hours, Double views, Long runtime) {
        return Arrays.asList(report, start, end, type, available, released, hours, views, runtime);
    }

    // The 2025 lists as CSV

    @Test
    void moviesCsv_isTypeMovie_forTheHalfYearItsNameSays() throws Exception {
        try (Loaded loaded = load(EngagementWorkbooks.MOVIES_CSV_2025, EngagementWorkbooks.MOVIES_CSV_2025)) {
            assertEquals(List.of(), loaded.fatal());
            assertEquals(10L, loaded.scalar("SELECT count(*) FROM title_engagement"));
            assertEquals(row(JAN_JUN_2025, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 6, 30), "Movie", true, LocalDate.of(2025, 1, 17),
                    120_300_000.0, 57_700_000.0, 125L), loaded.row("Ocean's Promise // 바다의 약속"));
            // A licensed title: no release date, runtime "*" (not given), not available everywhere.
            assertEquals(row(JAN_JUN_2025, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 6, 30), "Movie", false, null,
                    40_100_000.0, 21_300_000.0, null), loaded.row("The Quiet Orchard"));
            assertEquals(563_300_000.0, loaded.scalar("SELECT sum(hours_viewed) FROM title_engagement"), "186.4 + 120.3 + ... + 7.4 million");
        }
    }

    @Test
    void report2023Csv_readsHoursWithThousandsSeparators_andHasNoRuntimeNorViewsNorType() throws Exception {
        try (Loaded loaded = load(EngagementWorkbooks.CSV_2023, EngagementWorkbooks.CSV_2023)) {
            assertEquals(List.of(), loaded.fatal());
            assertEquals(11L, loaded.scalar("SELECT count(*) FROM title_engagement"));
            assertEquals(row("What We Watched, Jan–Jun 2023", LocalDate.of(2023, 1, 1), LocalDate.of(2023, 6, 30), null, true,
                    LocalDate.of(2023, 3, 23), 812_100_000.0, null, null), loaded.row("The Night Agent: Season 1"));
            assertEquals(row("What We Watched, Jan–Jun 2023", LocalDate.of(2023, 1, 1), LocalDate.of(2023, 6, 30), null, false, null,
                    1_200_000.0, null, null), loaded.row("星の図書館 // The Star Library"));
            assertEquals(100_000.0, loaded.row("Quiet Hours").get(6), "\"100,000\"");
            assertEquals(3_818_700_000.0, loaded.scalar("SELECT sum(hours_viewed) FROM title_engagement"), "812.1 + 665.1 + ... + 0.1 million");
            assertEquals(EngagementWorkbooks.CSV_2023 + " (What We Watched report (2023 layout))",
                    loaded.result().table("title_engagement").orElseThrow().file());
        }
    }

    // The workbooks as Netflix publishes them

    @Test
    void workbook2025_readsEachSheetBelowItsTitleBlock_withTheTypeOfItsSheet() throws Exception {
        try (Loaded loaded = load(EngagementWorkbooks.WORKBOOK_2025, EngagementWorkbooks.WORKBOOK_2025)) {
            assertEquals(List.of(), loaded.result().problems());
            assertEquals(List.of(List.of("Movie", 10L, 563_300_000.0), List.of("TV Show", 12L, 3_915_700_000.0)), loaded.engine().query(
                    "SELECT type, count(*), sum(hours_viewed) FROM title_engagement GROUP BY type ORDER BY type").rows());
            LoadedTable table = loaded.result().table("title_engagement").orElseThrow();
            assertEquals(EngagementWorkbooks.WORKBOOK_2025 + ", sheet Shows (What We Watched report) + "
                    + EngagementWorkbooks.WORKBOOK_2025 + ", sheet Movies (What We Watched report)", table.file());
            assertEquals("xlsx", table.format());
            assertEquals(22L, table.rowsRead());
        }
    }

    @Test
    void workbook2025_readsDateCellsSerialNumbersAndTextDates_timeCellsAndTextRuntimes() throws Exception {
        LocalDate start = LocalDate.of(2025, 1, 1);
        LocalDate end = LocalDate.of(2025, 6, 30);
        try (Loaded loaded = load(EngagementWorkbooks.WORKBOOK_2025, EngagementWorkbooks.WORKBOOK_2025)) {
            // A date cell (yyyy-mm-dd) and a runtime as a time cell (h:mm, 0.2986… of a day).
            assertEquals(row(JAN_JUN_2025, start, end, "TV Show", true, LocalDate.of(2024, 12, 26), 840_300_000.0, 117_300_000.0, 430L),
                    loaded.row("Squid Game: Season 2 // 오징어 게임: 시즌 2"));
            // The serial number 45835 without a date format, in the Release Date column; the runtime as text "6:08".
            assertEquals(row(JAN_JUN_2025, start, end, "TV Show", true, LocalDate.of(2025, 6, 27), 438_600_000.0, 71_500_000.0, 368L),
                    loaded.row("Squid Game: Season 3 // 오징어 게임: 시즌 3"));
            // The release date as text.
            assertEquals(LocalDate.of(2025, 2, 20), loaded.row("Zero Day: Limited Series").get(5));
            // A runtime past 24 hours ([h]:mm): 47:35.
            assertEquals(47L * 60 + 35, loaded.row("Until You Burn: Season 1 // Escupiré sobre sus tumbas: Temporada 1").get(8));
            // "No", no release date, runtime "*".
            assertEquals(row(JAN_JUN_2025, start, end, "TV Show", false, null, 67_300_000.0, 16_600_000.0, null),
                    loaded.row("Peppa Pig: Season 1"));
            assertEquals(389L, loaded.row("Alice in Borderland: Season 1 // 今際の国のアリス: シーズン1").get(8), "Japanese titles survive");
            assertEquals(row(JAN_JUN_2025, start, end, "Movie", false, LocalDate.of(2025, 5, 2), 64_800_000.0, 36_000_000.0, 108L),
                    loaded.row("夜明けの約束 // Promise at Dawn"));
        }
    }

    @Test
    void workbook2025MoviesSheet_givesTheRowsOfTheMoviesCsv() throws Exception {
        try (Loaded workbook = load(EngagementWorkbooks.WORKBOOK_2025, EngagementWorkbooks.WORKBOOK_2025);
             Loaded csv = load(EngagementWorkbooks.MOVIES_CSV_2025, EngagementWorkbooks.MOVIES_CSV_2025)) {
            String movies = ALL_ROWS + " WHERE type = 'Movie' ORDER BY title";
            assertEquals(csv.engine().query(movies).rows(), workbook.engine().query(movies).rows());
        }
    }

    @Test
    void workbook2023_oneSheetOfFourColumns_givesTheRowsOfThe2023Csv() throws Exception {
        try (Loaded workbook = load(EngagementWorkbooks.WORKBOOK_2023, EngagementWorkbooks.WORKBOOK_2023);
             Loaded csv = load(EngagementWorkbooks.CSV_2023, EngagementWorkbooks.CSV_2023)) {
            assertEquals(List.of(), workbook.result().problems());
            String all = ALL_ROWS + " ORDER BY title";
            assertEquals(11, workbook.engine().query(all).rows().size());
            assertEquals(csv.engine().query(all).rows(), workbook.engine().query(all).rows());
            assertEquals(EngagementWorkbooks.WORKBOOK_2023 + ", sheet Engagement (What We Watched report (2023 layout))",
                    workbook.result().table("title_engagement").orElseThrow().file());
        }
    }

    @Test
    void sheetSavedFromExcelAsCsv_isReadBelowItsTitleBlock_withThePeriodItSays() throws Exception {
        Path folder = Files.createTempDirectory(temp, "data-");
        // What Excel writes for the Shows sheet of Netflix's workbook: its empty column A, the title block, the header in
        // line 6, the numbers as displayed ("555,100,000").
        Files.writeString(folder.resolve("netflix shows.csv"), ",,,,,,\r\n,What We Watched: A Netflix Engagement Report,,,,,\r\n"
                + ",January - June 2025,,,,,\r\n,,,,,,\r\n,,,,,,\r\n,Title,Available Globally?,Release Date,Hours Viewed,Runtime,Views\r\n"
                + ",Adolescence: Limited Series,Yes,2025-03-13,\"555,100,000\",3:50,\"144,800,000\"\r\n"
                + ",\"Squid Game: Season 2 // 오징어 게임: 시즌 2\",Yes,2024-12-26,\"840,300,000\",7:10,\"117,300,000\"\r\n", StandardCharsets.UTF_8);
        try (Loaded loaded = loadFolder(folder)) {
            assertEquals(List.of(), loaded.result().problems());
            assertEquals(row(JAN_JUN_2025, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 6, 30), "TV Show", true, LocalDate.of(2025, 3, 13),
                    555_100_000.0, 144_800_000.0, 230L), loaded.row("Adolescence: Limited Series"));
            assertEquals(2L, loaded.scalar("SELECT count(*) FROM title_engagement"));
        }
    }

    @Test
    void workbookRenamed_takesItsPeriodFromTheTitleBlock() throws Exception {
        try (Loaded loaded = load(EngagementWorkbooks.WORKBOOK_2025, "netflix-engagement.xlsx",
                EngagementWorkbooks.WORKBOOK_2023, "report.xlsx")) {
            assertEquals(List.of(), loaded.result().problems());
            assertEquals(List.of(List.of("What We Watched, Jan–Jun 2023", LocalDate.of(2023, 1, 1), LocalDate.of(2023, 6, 30), 11L),
                            List.of(JAN_JUN_2025, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 6, 30), 22L)),
                    loaded.engine().query("SELECT report, period_start, period_end, count(*) FROM title_engagement "
                            + "GROUP BY ALL ORDER BY period_start").rows());
        }
    }

    @Test
    void titleBlocksAndSheetNames_sayThePeriodAndTheKindOfTitles() {
        assertEquals(period(2025, 1, 2025, 6), span("What We Watched: A Netflix Engagement Report January - June 2025"));
        assertEquals(period(2023, 1, 2023, 6), span("Engagement Report: 2023 Jan-Jun"));
        assertEquals(period(2025, 1, 2025, 6), span("Reporting period: January 1, 2025 – June 30, 2025"));
        assertEquals(period(2024, 7, 2024, 12), span("Jul-Dec 2024"));
        assertEquals(period(2023, 7, 2023, 12), span("What We Watched the Second Half of 2023"));
        assertEquals(period(2024, 1, 2024, 6), span("H1 2024"));
        assertEquals(Optional.empty(), Provenance.of("x", "What We Watched: A Netflix Engagement Report").periodStart());
        assertEquals(Optional.of("TV Show"), Provenance.ofSheet("x", "", "TV", "report_2024Jan-Jun.xlsx").type());
        assertEquals(Optional.of("Movie"), Provenance.ofSheet("x", "", "Film", "report_2024Jan-Jun.xlsx").type());
        assertEquals(Optional.of("Movie"), Provenance.ofSheet("x", "", "Movies", "shows.xlsx").type(), "the sheet's name first");
        assertEquals(Optional.empty(), Provenance.ofSheet("x", "Films and series", "Engagement", "report.xlsx").type(),
                "never from the title block, which may name both");
        Provenance sheetNamed = Provenance.ofSheet("x", "", "TV (Jan-Jun 2024)", "report.xlsx");
        assertEquals(List.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 6, 30), "TV Show"),
                List.of(sheetNamed.periodStart().orElseThrow(), sheetNamed.periodEnd().orElseThrow(), sheetNamed.type().orElseThrow()),
                "without a period in the title block, the sheet's name may give it");
    }

    private static Optional<List<LocalDate>> period(int fromYear, int fromMonth, int toYear, int toMonth) {
        return Optional.of(List.of(LocalDate.of(fromYear, fromMonth, 1), java.time.YearMonth.of(toYear, toMonth).atEndOfMonth()));
    }

    private static Optional<List<LocalDate>> span(String titleBlock) {
        Provenance provenance = Provenance.ofSheet("x", titleBlock, "Sheet1", "report.xlsx");
        return provenance.periodStart().map(start -> List.of(start, provenance.periodEnd().orElseThrow()));
    }

    /**
     * A workbook as other tools write it, by hand here: no styles part (so no number formats), inline strings, formulas
     * with their computed values, error cells, a number in exponent form.
     */
    @Test
    void workbookOfAnotherWriter_readsFormulaValuesAsValues_andErrorsAsBlanks() throws Exception {
        Path folder = Files.createTempDirectory(temp, "data-");
        String sheet = "<row r=\"1\">" + inline("A1", "Jul-Dec 2024") + "</row>"
                + "<row r=\"3\">" + inline("A3", "Title") + inline("B3", "Available Globally?") + inline("C3", "Release Date")
                + inline("D3", "Hours Viewed") + inline("E3", "Runtime") + inline("F3", "Views") + "</row>"
                + "<row r=\"4\">" + inline("A4", "Formula Show") + inline("B4", "Yes") + "<c r=\"C4\"><v>45658</v></c>"
                + "<c r=\"D4\"><f>100000*2</f><v>200000</v></c>" + inline("E4", "1:00")
                + "<c r=\"F4\" t=\"e\"><f>D4/0</f><v>#DIV/0!</v></c></row>"
                + "<row r=\"5\">" + inline("A5", "Error Show") + inline("B5", "No")
                + "<c r=\"C5\" t=\"str\"><f>TEXT(45691,\"yyyy-mm-dd\")</f><v>2025-02-03</v></c>"
                + "<c r=\"D5\"><v>1.5E7</v></c><c r=\"E5\"><v>4.1666666666666664E-2</v></c><c r=\"F5\" t=\"e\"><v>#N/A</v></c></row>";
        handWritten(folder.resolve("other-tool.xlsx"), "TV", sheet);
        try (Loaded loaded = loadFolder(folder)) {
            assertEquals(List.of(), loaded.result().problems());
            LocalDate start = LocalDate.of(2024, 7, 1);
            LocalDate end = LocalDate.of(2024, 12, 31);
            assertEquals(row("What We Watched, Jul–Dec 2024", start, end, "TV Show", true, LocalDate.of(2025, 1, 1), 200_000.0, null, 60L),
                    loaded.row("Formula Show"));
            assertEquals(row("What We Watched, Jul–Dec 2024", start, end, "TV Show", false, LocalDate.of(2025, 2, 3), 15_000_000.0, null, 60L),
                    loaded.row("Error Show"));
        }
    }

    private static String inline(String ref, String text) {
        return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
    }

    /** The smallest package Excel opens: content types, the workbook and its one sheet, and their relationships. */
    private static void handWritten(Path file, String sheetName, String rows) throws IOException {
        String main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        String relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        String packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            part(zip, "[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                    + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                    + "</Types>");
            part(zip, "_rels/.rels", "<Relationships xmlns=\"" + packageRelationships + "\"><Relationship Id=\"rId1\" Type=\""
                    + relationships + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            part(zip, "xl/workbook.xml", "<workbook xmlns=\"" + main + "\" xmlns:r=\"" + relationships + "\"><sheets><sheet name=\""
                    + sheetName + "\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            part(zip, "xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"" + packageRelationships + "\"><Relationship Id=\"rId1\" Type=\""
                    + relationships + "/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
            part(zip, "xl/worksheets/sheet1.xml", "<worksheet xmlns=\"" + main + "\"><sheetData>" + rows + "</sheetData></worksheet>");
        }
    }

    private static void part(ZipOutputStream zip, String name, String xml) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" + xml).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void numberFormats_tellDatesTimesAndNumbersApart() {
        assertEquals(XlsxFile.Kind.DATE, XlsxFile.kind("yyyy-mm-dd", 165));
        assertEquals(XlsxFile.Kind.DATE, XlsxFile.kind("[$-409]mmmm d, yyyy", 166));
        assertEquals(XlsxFile.Kind.DATE, XlsxFile.kind(null, 31), "a built-in East Asian date format");
        assertEquals(XlsxFile.Kind.DATE_TIME, XlsxFile.kind("m/d/yy h:mm", 22));
        assertEquals(XlsxFile.Kind.TIME, XlsxFile.kind("[h]:mm", 168));
        assertEquals(XlsxFile.Kind.TIME, XlsxFile.kind("h:mm", 20));
        assertEquals(XlsxFile.Kind.NUMBER, XlsxFile.kind("#,##0", 3));
        assertEquals(XlsxFile.Kind.NUMBER, XlsxFile.kind("General", 0));
        assertEquals(XlsxFile.Kind.NUMBER, XlsxFile.kind("[Red]#,##0;(#,##0)", 170));
        assertEquals(XlsxFile.Kind.NUMBER, XlsxFile.kind("0\" days\"", 171), "quoted text is not a format letter");
        assertEquals(XlsxFile.Kind.NUMBER, XlsxFile.kind("_(* #,##0_);_(* (#,##0);_(* \"-\"_);_(@_)", 41));
    }

    // What is not read

    @Test
    void sheetOfNoKnownShape_isANoteWithItsNameAndColumnCount_notItsContent() throws Exception {
        Path folder = Files.createTempDirectory(temp, "data-");
        EngagementWorkbooks.workbook(folder.resolve("report.xlsx"),
                new EngagementWorkbooks.Sheet("Shows", List.of("January - June 2025"), EngagementWorkbooks.HEADER,
                        EngagementWorkbooks.SHOWS_2025.subList(0, 2)),
                new EngagementWorkbooks.Sheet("Notes", List.of("Contact: jane.doe@example.com"), List.of("Region", "Secret token"), List.of()),
                new EngagementWorkbooks.Sheet("Empty", List.of(), List.of(), List.of()));
        try (Loaded loaded = loadFolder(folder)) {
            assertEquals(2L, loaded.scalar("SELECT count(*) FROM title_engagement"), "the Shows sheet is read");
            List<Problem> notes = loaded.result().problems();
            assertEquals(List.of("report.xlsx, sheet Notes", "report.xlsx, sheet Empty"), notes.stream().map(Problem::file).toList());
            assertTrue(notes.stream().allMatch(p -> p.rule().equals("unknown-file") && p.severity() == Problem.Severity.NOTE), notes.toString());
            assertTrue(notes.get(0).message().startsWith("was not loaded: no row among its first 30 is the header of a known public "
                    + "file (its widest row has 2 columns); give it the header of one of [Netflix catalogue"), notes.get(0).message());
            assertEquals("was not loaded: it is empty", notes.get(1).message());
            assertFalse(notes.toString().contains("jane.doe") || notes.toString().contains("Secret"), notes.toString());
        }
    }

    @Test
    void truncatedWorkbook_isFatal_namingTheFile() throws Exception {
        Path folder = Files.createTempDirectory(temp, "data-");
        byte[] whole = Files.readAllBytes(FIXTURES.resolve(EngagementWorkbooks.WORKBOOK_2025));
        Files.write(folder.resolve("cut.xlsx"), Arrays.copyOf(whole, whole.length / 2));
        try (Loaded loaded = loadFolder(folder)) {
            assertEquals(List.of("cut.xlsx: is not an Excel workbook: an .xlsx file is a zip archive, and this one is not (it may be "
                    + "damaged or cut short); open it in Excel and save it again as .xlsx, or save its sheets as CSV [unreadable-file]"),
                    loaded.fatal().stream().map(Problem::toString).toList());
        }
    }

    @Test
    void oldExcelWorkbookNamedXlsx_isFatal_sayingToSaveItAsXlsx() throws Exception {
        Path folder = Files.createTempDirectory(temp, "data-");
        byte[] ole2 = Arrays.copyOf(new byte[]{(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0, (byte) 0xa1, (byte) 0xb1, 0x1a, (byte) 0xe1}, 512);
        Files.write(folder.resolve("report.xlsx"), ole2);
        Files.write(folder.resolve("older.xls"), ole2);
        try (Loaded loaded = loadFolder(folder)) {
            assertEquals(List.of("report.xlsx: is an Excel 97-2003 workbook (.xls) under an .xlsx name: open it in Excel and save it as "
                    + "Excel Workbook (.xlsx), or save its sheets as CSV [unreadable-file]"), loaded.fatal().stream().map(Problem::toString).toList());
            assertEquals(List.of("older.xls: was not loaded: it is an Excel 97-2003 workbook (.xls), which Marquee does not read; save it "
                            + "as Excel Workbook (.xlsx) or as CSV [unknown-file]"),
                    loaded.result().problems().stream().filter(p -> p.severity() == Problem.Severity.NOTE).map(Problem::toString).toList());
        }
    }

    @Test
    void zipThatIsNoWorkbook_isFatal() throws Exception {
        Path folder = Files.createTempDirectory(temp, "data-");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(folder.resolve("photos.xlsx")))) {
            zip.putNextEntry(new ZipEntry("holiday.txt"));
            zip.write("not a workbook".getBytes(StandardCharsets.UTF_8));
        }
        try (Loaded loaded = loadFolder(folder)) {
            assertEquals(List.of("photos.xlsx: could not be read as an Excel workbook: a part of it is missing or damaged; open it in "
                    + "Excel and save it again as .xlsx, or save its sheets as CSV [unreadable-file]"),
                    loaded.fatal().stream().map(Problem::toString).toList());
        }
    }

    @Test
    void workbookUnpackingToMoreThanTheLimit_isRefusedBeforeItsXmlIsRead() throws Exception {
        Path bomb = temp.resolve("bomb.xlsx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bomb))) {
            zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
            zip.write(new byte[3 << 20]);
        }
        assertTrue(Files.size(bomb) < 20_000, "3 MiB of zeros pack small");
        assertEquals(Optional.of("unpacks to more than 1 MiB, more than Marquee reads from a workbook (Netflix's report unpacks to a "
                + "few): save its sheets as CSV"), XlsxFile.checkPackage(bomb, 1L << 20));
        assertEquals(Optional.empty(), XlsxFile.checkPackage(FIXTURES.resolve(EngagementWorkbooks.WORKBOOK_2025), 1L << 20));
    }

    @Test
    void workbookLinkedFromOutsideTheFolder_isListedAndNeverOpened() throws Exception {
        Path outside = Files.createTempDirectory(temp, "outside-");
        Files.copy(FIXTURES.resolve(EngagementWorkbooks.WORKBOOK_2025), outside.resolve("real.xlsx"));
        Path folder = Files.createTempDirectory(temp, "data-");
        Files.createSymbolicLink(folder.resolve("report.xlsx"), outside.resolve("real.xlsx"));
        try (Loaded loaded = loadFolder(folder)) {
            assertEquals(List.of("report.xlsx: was not loaded: it is a link to a file outside the data folder, which Marquee does not "
                    + "open [unknown-file]"), loaded.result().problems().stream().map(Problem::toString).toList());
            assertEquals(0L, loaded.scalar("SELECT count(*) FROM title_engagement"));
        }
    }

    @Test
    void excelLockFile_isANote_notAFatalProblem() throws Exception {
        Path folder = Files.createTempDirectory(temp, "data-");
        Files.copy(FIXTURES.resolve(EngagementWorkbooks.WORKBOOK_2023), folder.resolve("report.xlsx"));
        Files.write(folder.resolve("~$report.xlsx"), new byte[165]);
        try (Loaded loaded = loadFolder(folder)) {
            assertEquals(List.of("~$report.xlsx: was not loaded: it is the lock file Excel keeps beside a workbook while it is open "
                    + "[unknown-file]"), loaded.result().problems().stream().map(Problem::toString).toList());
            assertEquals(11L, loaded.scalar("SELECT count(*) FROM title_engagement"));
        }
    }

    // Whole builds

    @Test
    void corruptWorkbook_failsTheBuildWithExitCode2_namingTheFile() throws Exception {
        Path data = Files.createDirectories(temp.resolve("broken-data"));
        Files.writeString(data.resolve("What_We_Watched_2025Jan-Jun.xlsx"), "Title,Hours Viewed\nSomething,1\n");
        Path site = temp.resolve("site");

        Fixtures.Run run = Fixtures.marquee("build", "--data", data.toString(), "--out", site.toString());

        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().lines().anyMatch(l -> l.equals("  1. What_We_Watched_2025Jan-Jun.xlsx: is not an Excel workbook: an .xlsx "
                + "file is a zip archive, and this one is not (it may be damaged or cut short); open it in Excel and save it again as "
                + ".xlsx, or save its sheets as CSV [unreadable-file]")), run.err());
        assertFalse(Files.exists(site), "nothing was written");
    }

    @Test
    void workbookAlone_buildsAReport_whoseDataPageNamesEachSheet() throws Exception {
        Path data = Files.createDirectories(temp.resolve("xlsx-data"));
        Files.copy(FIXTURES.resolve(EngagementWorkbooks.WORKBOOK_2025), data.resolve(EngagementWorkbooks.WORKBOOK_2025));
        Path site = temp.resolve("site");

        Fixtures.Run run = Fixtures.marquee("build", "--data", data.toString(), "--out", site.toString());

        assertEquals(0, run.exitCode(), run.err());
        String page = Files.readString(site.resolve("data.html"));
        assertTrue(page.contains("<td data-label=\"Table\">title_engagement</td><td data-label=\"File\">" + EngagementWorkbooks.WORKBOOK_2025
                + ", sheet Shows (What We Watched report) + " + EngagementWorkbooks.WORKBOOK_2025 + ", sheet Movies (What We Watched report)</td>"
                + "<td data-label=\"Format\">xlsx</td><td class=\"num\" data-label=\"Rows read\">22</td>"), page);
    }

    // The real file

    @Test
    void real2025ShowsCsv_loadsEveryRow_withTheHoursCommonsCsvAddsUp() throws Exception {
        Path real = Fixtures.SHARED_DATA.resolve("what_we_watched_2025H1_shows.csv");
        Assumptions.assumeTrue(Files.isRegularFile(real), "../shared/data/what_we_watched_2025H1_shows.csv is absent: skipped");
        BigDecimal hours = BigDecimal.ZERO;
        long rows = 0;
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().get().parse(Files.newBufferedReader(real, StandardCharsets.UTF_8))) {
            for (CSVRecord record : parser) {
                hours = hours.add(new BigDecimal(record.get("hours_viewed")));
                rows++;
            }
        }
        Path folder = Files.createTempDirectory(temp, "data-");
        Files.copy(real, folder.resolve(real.getFileName()));
        try (Loaded loaded = loadFolder(folder)) {
            assertEquals(List.of(), loaded.fatal());
            assertEquals(7_508L, rows);
            assertEquals(List.of(rows, hours.doubleValue(), 1L, JAN_JUN_2025, "TV Show"), loaded.engine().query(
                    "SELECT count(*), sum(hours_viewed), count(DISTINCT report), any_value(report), any_value(type) FROM title_engagement").rows().get(0));
            assertEquals(0L, loaded.scalar("SELECT count(*) FROM title_engagement WHERE hours_viewed IS NULL OR views IS NULL"));
        }
    }
}
