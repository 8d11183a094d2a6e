package dev.marquee.questions;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A public file as it is, read with commons-csv (a byte-order mark, CRLF and quoted line breaks as any CSV reader takes
 * them), and the small computations the tests make from it, independently of the report's SQL.
 */
final class RawFile {

    private RawFile() {
    }

    static List<CSVRecord> records(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text)).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A cell, stripped; null when blank. */
    static String cell(CSVRecord row, String column) {
        String value = row.get(column);
        return value == null || value.isBlank() ? null : value.strip();
    }

    static Integer integer(CSVRecord row, String column) {
        String value = cell(row, column);
        return value == null ? null : Integer.valueOf(value);
    }

    static Double decimal(CSVRecord row, String column) {
        String value = cell(row, column);
        return value == null ? null : Double.valueOf(value.replace(",", ""));
    }

    /** How many rows fall in each group (rows whose key is null are left out). */
    static <T> Map<String, Long> count(List<T> rows, Function<T, String> key) {
        return rows.stream().filter(r -> key.apply(r) != null).collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
    }

    /** The sum of a figure over each group's rows. */
    static <T> Map<String, Double> sum(List<T> rows, Function<T, String> key, Function<T, Double> value) {
        return rows.stream().filter(r -> key.apply(r) != null && value.apply(r) != null)
                .collect(Collectors.groupingBy(key, TreeMap::new, Collectors.summingDouble(value::apply)));
    }

    /** The member's age band, as the report's metric defines it. */
    static String ageBand(Integer age) {
        if (age == null) {
            return "unknown";
        }
        if (age < 18) {
            return "<18";
        }
        if (age < 25) {
            return "18–24";
        }
        if (age < 35) {
            return "25–34";
        }
        if (age < 45) {
            return "35–44";
        }
        if (age < 55) {
            return "45–54";
        }
        return age < 65 ? "55–64" : "65+";
    }

    /** Days since the last activity, in the recency chart's buckets. */
    static String recencyBucket(long days) {
        if (days < 7) {
            return "0–6 days";
        }
        if (days < 15) {
            return "7–14 days";
        }
        if (days < 31) {
            return "15–30 days";
        }
        return days < 61 ? "31–60 days" : "61+ days";
    }

    /** Wilson's 95% score interval for k of n. */
    static double[] wilson(long k, long n) {
        double z = 1.96;
        double p = (double) k / n;
        double centre = p + z * z / (2 * n);
        double spread = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n));
        double scale = 1 + z * z / n;
        return new double[] {(centre - spread) / scale, (centre + spread) / scale};
    }

    /** Equal to twelve significant digits, the precision of the published CSV. */
    static void assertClose(double expected, Double published, String what) {
        assertNotNull(published, what + ": not published (expected " + expected + ")");
        double tolerance = 1e-9 * Math.max(1, Math.abs(expected));
        assertTrue(Math.abs(expected - published) <= tolerance, what + ": expected " + expected + " but the report published " + published);
    }

    static void assertBlank(Double published, String what) {
        assertTrue(Objects.isNull(published), what + ": expected not shown, but the report published " + published);
    }
}
