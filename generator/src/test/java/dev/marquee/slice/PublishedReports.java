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

    /** A published CSV's rows by column name, each header's unit ("mrr (USD)") taken off. */
    static List<CSVRecord> rows(Path csv) throws IOException {
        String text = Files.readString(csv);
        String[] header = CSVFormat.DEFAULT.parse(new StringReader(text)).iterator().next().stream()
                .map(name -> name.replaceAll(" \\(.*\\)$", "")).toArray(String[]::new);
        return CSVFormat.DEFAULT.builder().setHeader(header).setSkipHeaderRecord(true).get()
                .parse(new StringReader(text)).getRecords();
    }
}
