package dev.marquee.slice;

import dev.marquee.Fixtures;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A pair's lift is its shared members times the members in all over the product of each side's members: with the
 * figures published beside it, it gives each side's members, and so the two-by-two table of the pair (both, one side
 * only, the other only, neither). A red-team review read groups of 1 to 9 out of 607 co-viewing rows and 193 genre
 * pairs of the sample's slices (the Asia-Pacific slice's pair Ava and Deadcon, 19 shared of Deadcon's 20 viewers: 1
 * watched Deadcon alone). Every cell a reader can work out this way is none or at least k, in the whole report and in
 * every slice by region, plan and country.
 */
class PairComplementsTest {

    private static final int K = 10;

    @ParameterizedTest
    @ValueSource(strings = {"region", "plan", "country"})
    void coViewingPairs_giveNoGroupUnderKOfThoseWhoWatchedOneTitleOrNeither(String dimension) throws IOException {
        Path site = Fixtures.slicedSample(dimension);
        List<String> found = new ArrayList<>();
        int pairs = 0;
        for (Path report : PublishedReports.of(site)) {
            Path pairsFile = report.resolve("csv/outlook-co-viewing.csv");
            if (!Files.exists(pairsFile) || !Files.exists(report.resolve("csv/top-titles-by-hours.csv"))) {
                continue;
            }
            double total = Double.parseDouble(PublishedReports.rows(report.resolve("csv/watch-time-summary.csv")).get(0).get("viewers"));
            Map<String, Double> viewers = new TreeMap<>();
            for (CSVRecord title : PublishedReports.rows(report.resolve("csv/top-titles-by-hours.csv"))) {
                viewers.put(title.get("title"), Double.valueOf(title.get("viewers")));
            }
            for (CSVRecord pair : PublishedReports.rows(pairsFile)) {
                Double watched = viewers.get(pair.get("watched"));
                if (watched == null) {
                    continue;
                }
                pairs++;
                double shared = Double.parseDouble(pair.get("shared_viewers"));
                double also = Math.round(shared * total / (Double.parseDouble(pair.get("lift")) * watched));
                cells(shared, watched, also, total, site.relativize(report) + " " + pair.get("watched") + " / " + pair.get("also_watched"), found);
            }
        }
        assertTrue(pairs > 50, "pairs whose first title's viewers are published: " + pairs);
        assertEquals(List.of(), found);
    }

    @ParameterizedTest
    @ValueSource(strings = {"region", "plan", "country"})
    void genrePairs_giveNoGroupUnderKOfThoseWhoWatchedOneGenreOrNeither(String dimension) throws IOException {
        Path site = Fixtures.slicedSample(dimension);
        List<String> found = new ArrayList<>();
        int pairs = 0;
        for (Path report : PublishedReports.of(site)) {
            Path pairsFile = report.resolve("csv/outlook-genre-affinity.csv");
            if (!Files.exists(pairsFile)) {
                continue;
            }
            double total = Double.parseDouble(PublishedReports.rows(report.resolve("csv/watch-time-summary.csv")).get(0).get("viewers"));
            // Each pair's shared members and lift, both ways round.
            Map<String, Map<String, double[]>> pairOf = new TreeMap<>();
            // A pair not shown is a row without figures (it keeps its genres on the heatmap's axes).
            List<CSVRecord> shown = PublishedReports.rows(pairsFile).stream().filter(pair -> !pair.get("members").isEmpty()).toList();
            for (CSVRecord pair : shown) {
                double[] figures = {Double.parseDouble(pair.get("members")), Double.parseDouble(pair.get("lift"))};
                pairOf.computeIfAbsent(pair.get("genre_a"), g -> new TreeMap<>()).put(pair.get("genre_b"), figures);
                pairOf.computeIfAbsent(pair.get("genre_b"), g -> new TreeMap<>()).put(pair.get("genre_a"), figures);
            }
            // A genre's members from any two of its pairs whose genres pair up too: a^2 = N s_ab s_ac L_bc / (s_bc L_ab L_ac).
            Map<String, Double> members = new TreeMap<>();
            pairOf.forEach((a, partners) -> {
                for (String b : partners.keySet()) {
                    for (String c : partners.keySet()) {
                        double[] bc = pairOf.getOrDefault(b, Map.of()).get(c);
                        if (!b.equals(c) && bc != null) {
                            double[] ab = partners.get(b);
                            double[] ac = partners.get(c);
                            members.put(a, (double) Math.round(Math.sqrt(total * ab[0] * ac[0] * bc[1] / (bc[0] * ab[1] * ac[1]))));
                        }
                    }
                }
            });
            for (CSVRecord pair : shown) {
                Double a = members.get(pair.get("genre_a"));
                Double b = members.get(pair.get("genre_b"));
                if (a != null && b != null) {
                    pairs++;
                    cells(Double.parseDouble(pair.get("members")), a, b, total,
                            site.relativize(report) + " " + pair.get("genre_a") + " / " + pair.get("genre_b"), found);
                }
            }
        }
        assertTrue(pairs > 50, "pairs whose genres' members follow: " + pairs);
        assertEquals(List.of(), found);
    }

    /** Notes the cells of a pair's two-by-two table that hold 1 to k - 1 members. */
    private static void cells(double both, double a, double b, double total, String where, List<String> found) {
        Map<String, Double> cells = Map.of("the first only", a - both, "the second only", b - both, "neither", total - a - b + both);
        cells.forEach((cell, members) -> {
            if (members >= 1 && members < K) {
                found.add(where + ": " + members.longValue() + " watched " + cell);
            }
        });
    }
}
