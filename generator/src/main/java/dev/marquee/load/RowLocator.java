package dev.marquee.load;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;

/**
 * Turns a loaded row (its 0-based position among the rows the parser accepted, DuckDB's {@code rowid}) back into
 * the line of the file it came from, so a rule broken after loading is reported at its line.
 * The file is read again only when asked, and only as far as the last row asked for.
 */
public final class RowLocator {

    private final String table;
    private final Path file;
    private final boolean csv;
    /** 0-based indexes of the data records the parser set aside, sorted. */
    private final long[] rejectedRecords;

    RowLocator(String table, Path file, boolean csv, long[] rejectedRecords) {
        this.table = table;
        this.file = file;
        this.csv = csv;
        this.rejectedRecords = rejectedRecords.clone();
        Arrays.sort(this.rejectedRecords);
    }

    public String table() {
        return table;
    }

    /** True when positions are file lines; false for Parquet, where they are 1-based row numbers. */
    public boolean isLineBased() {
        return csv;
    }

    /** Line (CSV) or row number (Parquet) of each accepted row asked for. */
    public Map<Long, Long> lines(Collection<Long> rowIds) {
        Map<Long, Long> lines = new TreeMap<>();
        if (!csv) {
            rowIds.forEach(id -> lines.put(id, id + 1));
            return lines;
        }
        return scan(new TreeSet<>(rowIds), true);
    }

    /** Physical start line of each data record (0-based, rejected ones included) asked for. */
    Map<Long, Long> physicalLines(Collection<Long> recordIndexes) {
        return scan(new TreeSet<>(recordIndexes), false);
    }

    private Map<Long, Long> scan(TreeSet<Long> wanted, boolean acceptedOnly) {
        Map<Long, Long> lines = new TreeMap<>();
        if (wanted.isEmpty()) {
            return lines;
        }
        try (InputStream raw = open(file);
             CSVParser parser = CSVFormat.DEFAULT.builder().get().parse(
                     new BufferedReader(new InputStreamReader(raw, StandardCharsets.UTF_8)))) {
            Iterator<CSVRecord> records = parser.iterator();
            long startLine = 1;
            if (records.hasNext()) {
                records.next();
                startLine = parser.getCurrentLineNumber() + 1;
            }
            long record = 0;
            long accepted = 0;
            int rejectedIndex = 0;
            while (records.hasNext() && !wanted.isEmpty()) {
                records.next();
                long line = startLine;
                startLine = parser.getCurrentLineNumber() + 1;
                long index = record++;
                if (!acceptedOnly) {
                    if (wanted.remove(index)) {
                        lines.put(index, line);
                    }
                    continue;
                }
                while (rejectedIndex < rejectedRecords.length && rejectedRecords[rejectedIndex] < index) {
                    rejectedIndex++;
                }
                if (rejectedIndex < rejectedRecords.length && rejectedRecords[rejectedIndex] == index) {
                    continue;
                }
                if (wanted.remove(accepted)) {
                    lines.put(accepted, line);
                }
                accepted++;
            }
        } catch (IOException | UncheckedIOException e) {
            // The file parsed in DuckDB but not here: positions stay unknown rather than wrong.
            return lines;
        }
        return lines;
    }

    static InputStream open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        return file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
    }
}
