package dev.marquee.slice;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** What a reader of a sliced build has: the whole report and each published slice's, and their CSV files' rows. */
final class PublishedReports {

    private PublishedReports() {
    }

    /** The whole report and each published slice's, in order. */
    static List<Path> of(Path site) throws IOException {
        List<Path> reports = new ArrayList<>(List.of(site));
        try (Stream<Path> slices = Files.list(site.resolve("slices"))) {
            slices.filter(Files::isDirectory).sorted().forEach(reports::add);
        }
        return reports;
    }

    /** A published CSV file's rows, by its header. */
    static List<CSVRecord> rows(Path csv) throws IOException {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new StringReader(Files.readString(csv))).getRecords();
    }
}
