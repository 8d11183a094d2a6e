package dev.marquee.questions;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

import dev.marquee.Fixtures;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A report built by the command line, as a user would, from a data folder of public files, and what it published read
 * back as a reader would: the CSV downloads with commons-csv, the pages as text, the PDF as the text of its pages.
 *
 * @param files the public files in the data folder, by file name, where the test reads them raw
 * @param k     the --min-group-size the report was built with
 * @param real  whether the files are the real ones of ../shared/data (else the checked-in excerpts)
 */
record PublicSite(Map<String, Path> files, Path site, int k, boolean real, Fixtures.Run run) {

    static final String OTHER = "Other (small groups)";

    /** Copies the files into a data folder of their own under work and builds the report into work/site. */
    static PublicSite build(Path work, int k, boolean real, List<Path> sources) {
        try {
            Path data = Files.createDirectories(work.resolve("data"));
            Map<String, Path> files = new LinkedHashMap<>();
            for (Path source : sources) {
                Path copy = data.resolve(source.getFileName().toString());
                Files.copy(source, copy);
                files.put(copy.getFileName().toString(), copy);
            }
            Path site = work.resolve("site");
            Fixtures.Run run = Fixtures.marquee("build", "--data", data.toString(), "--out", site.toString(),
                    "--min-group-size", Integer.toString(k));
            return new PublicSite(files, site, k, real, run);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path file(String name) {
        Path file = files.get(name);
        assertTrue(file != null, name + " is not in this data folder: " + files.keySet());
        return file;
    }

    /**
     * The rows one chart published for one source file: {@code <question>-<chart>-<source slug>.csv} when several files
     * answer the chart, else {@code <question>-<chart>.csv} restricted to the source's rows. A facet (a country) comes
     * after the source slug.
     */
    List<Published> csv(String chart, String source, String facet) {
        String suffix = facet == null ? "" : "-" + slug(facet);
        Path split = site.resolve("csv/" + chart + "-" + slug(source) + suffix + ".csv");
        Path whole = site.resolve("csv/" + chart + suffix + ".csv");
        Path file = Files.exists(split) ? split : whole;
        assertTrue(Files.exists(file), "no CSV for " + chart + suffix + " of " + source + " (looked for " + split.getFileName()
                + " and " + whole.getFileName() + ")");
        return read(file).stream().filter(row -> !row.has("source") || row.text("source").equals(source)).toList();
    }

    List<Published> csv(String chart, String source) {
        return csv(chart, source, null);
    }

    /** A chart's rows whatever their source (charts without a source column: the catalogue, the churn model). */
    List<Published> csv(String chart) {
        Path file = site.resolve("csv/" + chart + ".csv");
        assertTrue(Files.exists(file), "no CSV " + file.getFileName());
        return read(file);
    }

    /** Every published CSV, by file name. */
    Map<String, List<Published>> everyCsv() {
        Map<String, List<Published>> all = new TreeMap<>();
        try (var files = Files.list(site.resolve("csv"))) {
            files.filter(f -> f.toString().endsWith(".csv")).forEach(f -> all.put(f.getFileName().toString(), read(f)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }

    /** A key figure's value as metrics.json gives it; empty when the report has no such key figure. */
    java.util.Optional<Double> kpi(String id) {
        Matcher value = Pattern.compile("\\{\"id\": \"" + Pattern.quote(id) + "\"[^}]*?\"value\": ([-0-9.eE]+)").matcher(page("metrics.json"));
        return value.find() ? java.util.Optional.of(Double.valueOf(value.group(1))) : java.util.Optional.empty();
    }

    /** The report's as-of date, as metrics.json gives it. */
    LocalDate asOf() {
        Matcher asOf = Pattern.compile("\"as_of\": \"(\\d{4}-\\d{2}-\\d{2})\"").matcher(page("metrics.json"));
        assertTrue(asOf.find(), "metrics.json has no as_of date");
        return LocalDate.parse(asOf.group(1));
    }

    boolean exists(String page) {
        return Files.exists(site.resolve(page));
    }

    String page(String name) {
        return Fixtures.read(site.resolve(name));
    }

    /** A page as a reader sees it: no markup, entities decoded, white space collapsed. */
    String pageText(String name) {
        String html = page(name).replaceAll("(?s)<script.*?</script>", " ").replaceAll("(?s)<style.*?</style>", " ")
                .replaceAll("(?s)<svg.*?</svg>", " ").replaceAll("<[^>]+>", " ");
        html = html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&#x27;", "'")
                .replace("&amp;", "&");
        return html.replaceAll("\\s+", " ").replace(" :", ":").strip();
    }

    byte[] bytes(String name) {
        try {
            return Files.readAllBytes(site.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The PDF's text, page after page, white space collapsed. */
    String pdfText() {
        return pdfText(bytes("report.pdf")).replaceAll("\\s+", " ");
    }

    /** The text of every published file (the PDF's as the text of its pages), white space removed, by file name. */
    Map<String, String> everyTextSqueezed() {
        Map<String, String> texts = new TreeMap<>();
        Fixtures.tree(site).forEach((name, bytes) -> texts.put(name,
                (name.endsWith(".pdf") ? pdfText(bytes) : new String(bytes, StandardCharsets.UTF_8)).replaceAll("\\s+", "")));
        return texts;
    }

    static String slug(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    private static List<Published> read(Path file) {
        try {
            List<Published> rows = new ArrayList<>();
            for (CSVRecord record : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(Files.readString(file, StandardCharsets.UTF_8)))) {
                Map<String, String> cells = new LinkedHashMap<>();
                // A header names the unit after the column: "share (ratio)", "mrr (USD)"; none where it repeats the name ("members").
                record.toMap().forEach((header, value) -> cells.put(header.replaceAll(" \\(.*\\)$", ""), value));
                rows.add(new Published(file.getFileName().toString(), cells));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String pdfText(byte[] pdf) {
        try (PdfReader reader = new PdfReader(pdf)) {
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
            return text.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One published CSV row, by column name without its unit. A blank cell is a figure not shown. */
    record Published(String file, Map<String, String> cells) {

        boolean has(String column) {
            return cells.containsKey(column);
        }

        String text(String column) {
            assertTrue(cells.containsKey(column), file + " has no column " + column + ": " + cells.keySet());
            return cells.get(column);
        }

        boolean blank(String column) {
            return text(column).isBlank();
        }

        /** The number in a cell, or null when it is blank (hidden). */
        Double number(String column) {
            String text = text(column);
            return text.isBlank() ? null : Double.valueOf(text);
        }

        @Override
        public String toString() {
            return file + " " + cells;
        }
    }
}
