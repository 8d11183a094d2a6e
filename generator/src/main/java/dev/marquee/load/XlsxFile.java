package dev.marquee.load;

import dev.marquee.model.Problem;
import dev.marquee.model.Problem.Severity;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * An Excel workbook ({@code .xlsx}) of the data folder, as Netflix publishes its engagement report: a title block of a
 * few rows above the header row, one sheet per part of the report ("TV" and "Film", or "Shows" and "Movies"; one
 * sheet in 2023), numbers as numeric cells, dates as serial numbers or as text. Each sheet whose header row (the
 * first of its first {@value #HEADER_ROWS} rows that is the header of a public shape) is found is written as a CSV
 * into the run's scratch folder, to be loaded through that shape like any CSV file, with the source
 * {@code file.xlsx, sheet TV} and the period its title block gives. A sheet of no known shape is a note; a file that
 * is no workbook is fatal.
 *
 * <p>Cells are written as their values, not as Excel displays them: numbers exactly as stored, a date-formatted
 * number (or any number in a column named like a date) as an ISO date, a time-formatted one (or a fraction of a day
 * in a runtime column) as H:MM. fastexcel-reader streams the sheets (StAX, DTDs and external entities off); the
 * unpacked size is measured first, so a zip bomb is refused before any part of it is parsed.
 */
final class XlsxFile {

    /** The header row is looked for among the first rows of a sheet only; Netflix's is the sixth. */
    static final int HEADER_ROWS = 30;
    /** Netflix's report unpacks to a few megabytes; a workbook that unpacks to more is refused unread. */
    static final long MAX_UNPACKED_BYTES = 512L << 20;
    /** A title block is a few lines; what is above a header row is read for its period up to this length only. */
    private static final int TITLE_BLOCK_LENGTH = 1000;
    /** Excel allows 31 characters in a sheet's name; a longer one is cut in messages. */
    private static final int SHEET_NAME_LENGTH = 31;
    private static final byte[] ZIP = {0x50, 0x4b, 0x03, 0x04};
    private static final byte[] OLE2 = {(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0, (byte) 0xa1, (byte) 0xb1, 0x1a, (byte) 0xe1};
    private static final Pattern ERROR_VALUE = Pattern.compile(
            "#(NULL!|DIV/0!|VALUE!|REF!|NAME\\?|NUM!|N/A|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    /** A sheet of a recognised shape, written out as CSV: the file to load, its header and its provenance. */
    record Sheet(Path csv, Shape shape, List<String> header, Provenance provenance) {
    }

    /** What a number format shows. */
    enum Kind { NUMBER, DATE, TIME, DATE_TIME }

    /** How a column's numbers read when their format says nothing: a date column's as dates, a runtime's fractions as times. */
    enum Column {
        DATE, RUNTIME, OTHER;

        private static final Pattern DATE_NAME = Pattern.compile("(.*_)?date(_.*)?");
        private static final Pattern RUNTIME_NAME = Pattern.compile("(.*_)?(runtime|duration)(_.*)?");

        static Column of(String normalizedHeader) {
            return DATE_NAME.matcher(normalizedHeader).matches() ? DATE
                    : RUNTIME_NAME.matcher(normalizedHeader).matches() ? RUNTIME : OTHER;
        }
    }

    /** Number formats as read, by their code: a sheet has a handful, used by every row. */
    private static final Map<String, Kind> KINDS = new ConcurrentHashMap<>();
    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"");
    private static final Pattern ESCAPED = Pattern.compile("[\\\\_*].");
    private static final Pattern BRACKETED = Pattern.compile("\\[(?![hms]+\\])[^\\]]*\\]");

    private XlsxFile() {
    }

    static boolean isWorkbook(String fileName) {
        return fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx");
    }

    /** Excel's lock file ({@code ~$report.xlsx}) beside a workbook that is open: a few bytes, no workbook. */
    static boolean isLockFile(String fileName) {
        return fileName.startsWith("~$");
    }

    /**
     * The sheets of the workbook that are of a known shape, each written as CSV into {@code scratchDir}; a sheet of no
     * known shape is a note, and a file that cannot be read as a workbook a fatal problem.
     */
    static List<Sheet> read(Path file, String shown, List<Shape> shapes, Path scratchDir, List<Problem> problems) {
        Optional<String> refused = checkPackage(file, MAX_UNPACKED_BYTES);
        if (refused.isPresent()) {
            problems.add(Problem.fatal(shown, 0, "", "unreadable-file", refused.get()));
            return List.of();
        }
        List<Sheet> sheets = new ArrayList<>();
        try (ReadableWorkbook workbook = open(file)) {
            List<org.dhatim.fastexcel.reader.Sheet> all = workbook.getSheets().toList();
            for (org.dhatim.fastexcel.reader.Sheet sheet : all) {
                String name = sheet.getName() == null || sheet.getName().isBlank() ? "sheet " + (sheet.getIndex() + 1)
                        : sheet.getName().length() > SHEET_NAME_LENGTH ? sheet.getName().substring(0, SHEET_NAME_LENGTH) + "…" : sheet.getName();
                readSheet(sheet, shown, name, shapes, scratchDir, problems).ifPresent(sheets::add);
            }
        } catch (IOException | ExcelReaderException | IllegalStateException | IllegalArgumentException | IndexOutOfBoundsException e) {
            // The library's ways of saying that a part of the package is missing or malformed; never its text, which
            // may quote the file's content.
            problems.add(Problem.fatal(shown, 0, "", "unreadable-file", "could not be read as an Excel workbook: " + damage(e)
                    + "; open it in Excel and save it again as .xlsx, or save its sheets as CSV"));
            return List.of();
        }
        return sheets;
    }

    /** The workbook with its number formats; one without a styles part (some writers leave it out) without them. */
    private static ReadableWorkbook open(Path file) throws IOException {
        try {
            return new ReadableWorkbook(file.toFile(), new ReadingOptions(true, true));
        } catch (ExcelReaderException e) {
            return new ReadableWorkbook(file.toFile(), new ReadingOptions(false, true));
        }
    }

    /**
     * Why the file is not read, if it is no zip archive or unpacks to more than {@code maxUnpacked} bytes: its every
     * part is inflated once and counted, since the sizes a zip declares may lie.
     */
    static Optional<String> checkPackage(Path file, long maxUnpacked) {
        byte[] start;
        try (InputStream in = Files.newInputStream(file)) {
            start = in.readNBytes(OLE2.length);
        } catch (IOException e) {
            return Optional.of("cannot be read: " + CsvFile.reason(e));
        }
        if (startsWith(start, OLE2)) {
            return Optional.of("is an Excel 97-2003 workbook (.xls) under an .xlsx name: open it in Excel and save it as "
                    + "Excel Workbook (.xlsx), or save its sheets as CSV");
        }
        String notZip = "is not an Excel workbook: an .xlsx file is a zip archive, and this one is not (it may be damaged or "
                + "cut short); open it in Excel and save it again as .xlsx, or save its sheets as CSV";
        if (!startsWith(start, ZIP)) {
            return Optional.of(notZip);
        }
        long unpacked = 0;
        byte[] buffer = new byte[1 << 16];
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                try (InputStream in = zip.getInputStream(entries.nextElement())) {
                    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                        unpacked += n;
                        if (unpacked > maxUnpacked) {
                            return Optional.of(String.format(Locale.ROOT, "unpacks to more than %,d MiB, more than Marquee "
                                    + "reads from a workbook (Netflix's report unpacks to a few): save its sheets as CSV",
                                    maxUnpacked >> 20));
                        }
                    }
                }
            }
        } catch (ZipException e) {
            return Optional.of(notZip);
        } catch (IOException e) {
            return Optional.of("cannot be read: " + CsvFile.reason(e));
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(Arrays.copyOf(bytes, prefix.length), prefix);
    }

    private static String damage(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ZipException) {
                return "it is not a complete zip archive";
            }
            if (cause instanceof javax.xml.stream.XMLStreamException) {
                return "a part of it is not well-formed XML";
            }
        }
        return "a part of it is missing or damaged";
    }

    private static Optional<Sheet> readSheet(org.dhatim.fastexcel.reader.Sheet sheet, String shown, String name, List<Shape> shapes,
                                             Path scratchDir, List<Problem> problems) throws IOException {
        String source = shown + ", sheet " + name;
        StringBuilder titleBlock = new StringBuilder();
        int widest = 0;
        boolean more = false;
        try (Stream<Row> stream = sheet.openStream()) {
            Iterator<Row> rows = stream.iterator();
            while (rows.hasNext()) {
                Row row = rows.next();
                if (row.getRowNum() > HEADER_ROWS) {
                    more = true;
                    break;
                }
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < row.getCellCount(); i++) {
                    cells.add(text(row.getOptionalCell(i).orElse(null), Column.OTHER));
                }
                List<String> normalized = cells.stream().map(CsvFile::normalize).toList();
                Optional<Shape> shape = shapes.stream().filter(s -> s.matches(normalized)).findFirst();
                if (shape.isPresent()) {
                    Provenance provenance = Provenance.ofSheet(source,
                            titleBlock.substring(0, Math.min(titleBlock.length(), TITLE_BLOCK_LENGTH)), name, shown);
                    return Optional.of(new Sheet(write(cells, normalized, rows, scratchDir), shape.get(),
                            cells.stream().filter(c -> !c.isBlank()).map(String::trim).toList(), provenance));
                }
                List<String> filled = cells.stream().filter(c -> !c.isBlank()).map(String::trim).toList();
                widest = Math.max(widest, filled.size());
                for (String cell : filled) {
                    if (titleBlock.length() < TITLE_BLOCK_LENGTH) {
                        titleBlock.append(cell).append(' ');
                    }
                }
            }
        }
        // Like a CSV file of no known shape: named with its column count, never with its content.
        problems.add(new Problem(source, 0, "", "", "unknown-file", widest == 0
                ? "was not loaded: " + (more ? "its first " + HEADER_ROWS + " rows are empty" : "it is empty")
                : "was not loaded: no row among its first " + HEADER_ROWS + " is the header of a known public file (its widest row has "
                        + widest + (widest == 1 ? " column" : " columns") + "); give it the header of one of "
                        + shapes.stream().map(Shape::name).toList(), Severity.NOTE));
        return Optional.empty();
    }

    /** The rows below the header, in the header's named columns, as a CSV file of the scratch folder. */
    private static Path write(List<String> header, List<String> normalized, Iterator<Row> rows, Path scratchDir) {
        List<Integer> columns = new ArrayList<>();
        List<Column> roles = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            if (!header.get(i).isBlank()) {
                columns.add(i);
                roles.add(Column.of(normalized.get(i)));
            }
        }
        Path csv;
        try {
            csv = Files.createTempFile(scratchDir, "sheet-", ".csv");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the scratch folder " + scratchDir, e);
        }
        // A failure to write the scratch copy is not the workbook's fault: it is thrown unchecked, past read's catch.
        try (CSVPrinter out = new CSVPrinter(Files.newBufferedWriter(csv, StandardCharsets.UTF_8), CSVFormat.DEFAULT)) {
            out.printRecord(columns.stream().map(i -> header.get(i).trim()));
            List<String> values = new ArrayList<>(columns.size());
            while (rows.hasNext()) {
                Row row = rows.next();
                values.clear();
                boolean blank = true;
                for (int c = 0; c < columns.size(); c++) {
                    String value = text(row.getOptionalCell(columns.get(c)).orElse(null), roles.get(c));
                    blank &= value.isBlank();
                    values.add(value);
                }
                if (!blank) {
                    out.printRecord(values);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the scratch folder " + scratchDir, e);
        }
        return csv;
    }

    /** A cell's value as text: numbers exactly, dates as YYYY-MM-DD, times as H:MM, errors as blank. */
    static String text(Cell cell, Column column) {
        if (cell == null) {
            return "";
        }
        return switch (cell.getType()) {
            case STRING -> cell.getText();
            case BOOLEAN -> Boolean.TRUE.equals(cell.getValue()) ? "TRUE" : "FALSE";
            case NUMBER -> number(cell, column);
            // A formula's last computed value; an error it computed (#N/A) comes as its text, and is blank like an error cell.
            case FORMULA -> cell.getValue() instanceof BigDecimal ? number(cell, column)
                    : ERROR_VALUE.matcher(cell.getText()).matches() ? "" : cell.getText();
            case ERROR, EMPTY -> "";
        };
    }

    private static String number(Cell cell, Column column) {
        BigDecimal value = (BigDecimal) cell.getValue();
        Kind kind = kind(cell.getDataFormatString(), cell.getDataFormatId());
        if (kind == Kind.NUMBER && column == Column.DATE) {
            kind = Kind.DATE;
        } else if (kind == Kind.NUMBER && column == Column.RUNTIME && value.signum() > 0 && value.compareTo(BigDecimal.ONE) < 0) {
            kind = Kind.TIME;
        }
        boolean serialDate = value.signum() >= 0 && value.compareTo(BigDecimal.valueOf(2_958_466)) < 0; // up to 9999-12-31
        return switch (kind) {
            case DATE -> serialDate ? cell.asDate().toLocalDate().toString() : plain(value);
            case DATE_TIME -> serialDate ? cell.asDate().format(DATE_TIME) : plain(value);
            case TIME -> value.signum() >= 0 && value.compareTo(BigDecimal.valueOf(100_000)) < 0 ? hoursMinutes(value) : plain(value);
            case NUMBER -> plain(value);
        };
    }

    /** A number as stored, without exponent or trailing zeros (812100000, not 8.121E+8). */
    private static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return Math.abs(stripped.scale()) > 30 ? stripped.toString() : stripped.toPlainString();
    }

    /** A duration in days (Excel's time) as hours and minutes, the hours past 24 when longer: 0.5 → 12:00, 1.25 → 30:00. */
    private static String hoursMinutes(BigDecimal days) {
        long minutes = days.multiply(BigDecimal.valueOf(24 * 60)).setScale(0, RoundingMode.HALF_UP).longValueExact();
        return String.format(Locale.ROOT, "%d:%02d", minutes / 60, minutes % 60);
    }

    /**
     * What a number format shows: a date, a time of day or duration, both, or a plain number. Built-in formats come by
     * id (27–36 and 50–58 are the East Asian date formats, which a workbook does not spell out); others by their code,
     * read without quoted text, escaped characters, colours and locales.
     */
    static Kind kind(String format, Integer id) {
        if (id != null && (id >= 27 && id <= 36 || id >= 50 && id <= 58)) {
            return Kind.DATE;
        }
        if (format == null) {
            return Kind.NUMBER;
        }
        Kind known = KINDS.get(format);
        if (known != null) {
            return known;
        }
        Kind kind = kindOfCode(format);
        if (KINDS.size() < 1000) {
            KINDS.put(format, kind);
        }
        return kind;
    }

    private static Kind kindOfCode(String format) {
        String literalsOut = ESCAPED.matcher(QUOTED.matcher(format).replaceAll("")).replaceAll("");
        String code = BRACKETED.matcher(literalsOut.split(";", -1)[0]).replaceAll("").toLowerCase(Locale.ROOT);
        if (code.equals("general")) {
            return Kind.NUMBER;
        }
        boolean date = code.contains("y") || code.contains("d");
        boolean time = code.contains("h") || code.contains("s");
        return date && time ? Kind.DATE_TIME : date ? Kind.DATE : time ? Kind.TIME : Kind.NUMBER;
    }
}
