package dev.marquee.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** The ~400 real titles in sample/catalogue.csv (a subset of a public Netflix catalogue; see the README there). */
final class Catalogue {

    static final String RESOURCE = "/sample/catalogue.csv";

    private Catalogue() {
    }

    static List<Title> load() {
        try (InputStream in = Catalogue.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static List<Title> read(Reader reader) throws IOException {
        List<Title> titles = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        for (CSVRecord row : format.parse(reader)) {
            titles.add(new Title(row.get("title_id"), row.get("title"), row.get("type"), genres(row.get("genres")),
                    integer(row.get("release_year")), blankToNull(row.get("maturity_rating")),
                    integer(row.get("runtime_minutes")), integer(row.get("seasons")), date(row.get("date_added"))));
        }
        return titles;
    }

    private static List<String> genres(String cell) {
        return cell.isEmpty() ? List.of() : Arrays.asList(cell.split("\\|"));
    }

    private static Integer integer(String cell) {
        return cell.isEmpty() ? null : Integer.valueOf(cell);
    }

    private static LocalDate date(String cell) {
        return cell.isEmpty() ? null : LocalDate.parse(cell);
    }

    private static String blankToNull(String cell) {
        return cell.isEmpty() ? null : cell;
    }
}
