package dev.marquee.slice;

import dev.marquee.Fixtures;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A reader who knows that the subscribers at a month's end are those at the month before's, plus its new signups,
 * less its churners, and who takes it that no one came back: in the whole report and in every slice of the sample,
 * where one figure of a month's equation is not shown, the others must not give it back. The true figures are the
 * same report built with every group shown ({@code --min-group-size 1}); where members did come back, the reader's
 * arithmetic gives a wrong figure, and only those months pass with one figure hidden. Before FlowRows, the Middle
 * East &amp; Africa slice gave its 8 signups of November 2024 (52 and 60 subscribers, 0 churners) and its 8 churners
 * of December (60 and 64 subscribers, 12 signups).
 */
class FlowsBetweenMonthsTest {

    private static final int K = 10;

    @ParameterizedTest
    @ValueSource(strings = {"region", "plan", "country"})
    void noMonthsEquation_givesBackTheOneFigureItHides(String dimension) throws IOException {
        Path site = Fixtures.slicedSample(dimension);
        Path truth = Fixtures.slicedSampleUnprotected(dimension);
        List<String> leaks = new ArrayList<>();
        int equations = 0;
        int oneHidden = 0;
        List<Path> reports = new ArrayList<>(List.of(site));
        try (Stream<Path> slices = Files.list(site.resolve("slices"))) {
            slices.filter(Files::isDirectory).sorted().forEach(reports::add);
        }
        for (Path report : reports) {
            Path trueReport = truth.resolve(site.relativize(report));
            Flows shown = Flows.read(report);
            Flows all = Flows.read(trueReport);
            List<String> months = new ArrayList<>(all.subscribers().keySet());
            for (int m = 1; m < months.size(); m++) {
                String month = months.get(m);
                String before = months.get(m - 1);
                if (!all.signups().containsKey(month) || !all.churners().containsKey(month)) {
                    continue;
                }
                equations++;
                // Each figure as shown (null: hidden), and as it is; the churners by region, one figure each.
                Map<String, Double> figures = new LinkedHashMap<>();
                Map<String, Double> trueFigures = new LinkedHashMap<>();
                figures.put("subscribers " + before, shown.subscribers().get(before));
                trueFigures.put("subscribers " + before, all.subscribers().get(before));
                figures.put("subscribers " + month, shown.subscribers().get(month));
                trueFigures.put("subscribers " + month, all.subscribers().get(month));
                figures.put("signups", shown.signups().get(month));
                trueFigures.put("signups", all.signups().get(month));
                all.churners().get(month).forEach((region, churners) -> {
                    figures.put("churners " + region, shown.churners().getOrDefault(month, Map.of()).get(region));
                    trueFigures.put("churners " + region, churners);
                });
                List<String> hidden = figures.keySet().stream().filter(f -> figures.get(f) == null).toList();
                if (hidden.size() != 1) {
                    continue;
                }
                oneHidden++;
                // end = start + signups - churners, solved for the hidden figure from the others as shown.
                String unknown = hidden.get(0);
                double sign = unknown.startsWith("subscribers " + month) ? 1 : unknown.startsWith("subscribers") || unknown.equals("signups") ? -1 : 1;
                double rest = 0;
                for (Map.Entry<String, Double> figure : figures.entrySet()) {
                    if (figure.getValue() == null) {
                        continue;
                    }
                    String name = figure.getKey();
                    double coefficient = name.equals("subscribers " + month) ? 1 : name.startsWith("subscribers") || name.equals("signups") ? -1 : 1;
                    rest += coefficient * figure.getValue();
                }
                double given = -rest / sign;
                double actual = trueFigures.get(unknown);
                if (Math.abs(given - actual) < 1e-9 && actual >= 1 && actual < K) {
                    leaks.add(site.relativize(report) + " " + month + ": " + unknown + " " + (long) actual + " from " + figures);
                }
            }
        }
        assertTrue(equations > 100, "months compared: " + equations);
        assertEquals(List.of(), leaks, "months with one figure hidden, of " + oneHidden);
    }

    /** A report's subscribers at each month's end, new signups (the event files') and churners by region, by month. */
    private record Flows(Map<String, Double> subscribers, Map<String, Double> signups, Map<String, Map<String, Double>> churners) {

        static Flows read(Path report) throws IOException {
            Map<String, Double> subscribers = new TreeMap<>();
            for (CSVRecord row : rows(report.resolve("csv/signups-subscribers.csv"))) {
                subscribers.put(row.get(0), number(row.get(1)));
            }
            Map<String, Double> signups = new TreeMap<>();
            for (CSVRecord row : rows(report.resolve("csv/signups-monthly.csv"))) {
                if (row.get(0).equals("event files")) {
                    signups.put(row.get(1), number(row.get(2)));
                }
            }
            Map<String, Map<String, Double>> churners = new TreeMap<>();
            for (CSVRecord row : rows(report.resolve("csv/churn-monthly-by-region.csv"))) {
                churners.computeIfAbsent(row.get(0), m -> new TreeMap<>()).put(row.get(1), number(row.get(3)));
            }
            return new Flows(subscribers, signups, churners);
        }

        private static Double number(String text) {
            return text.isEmpty() ? null : Double.valueOf(text);
        }

        private static List<CSVRecord> rows(Path csv) throws IOException {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                    .parse(new StringReader(Files.readString(csv))).getRecords();
        }
    }
}
