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
 * One population counted in two results, one of them a part of the other's: the difference is a group. A red-team
 * review read four kinds from the sample's reports, each checked here in the whole report and every slice by region,
 * plan and country: the viewers less the members by hours watched shown (those with none left out) gave the Middle
 * East &amp; Africa slice's 7 members with 100 hours or more; the same with the days since the last viewing its 7
 * of 15 to 30 days; a country's members less its members by main device its members who never watched (the
 * Netherlands' 2); the members by region less the expected churners' members the 1 European whose subscription ended
 * on the as-of date.
 */
class NestedTotalsTest {

    private static final int K = 10;

    @ParameterizedTest
    @ValueSource(strings = {"region", "plan", "country"})
    void theViewers_lessTheBandsShown_giveNoGroupUnderK(String dimension) throws IOException {
        List<String> found = new ArrayList<>();
        int compared = 0;
        for (Path report : PublishedReports.of(Fixtures.slicedSample(dimension))) {
            double viewers = Double.parseDouble(PublishedReports.rows(report.resolve("csv/watch-time-summary.csv")).get(0).get("viewers"));
            for (String[] bands : new String[][]{{"watch-time-distribution.csv", "none"}, {"watch-time-recency.csv", "never watched"}}) {
                double shown = 0;
                boolean anyHidden = false;
                for (CSVRecord row : PublishedReports.rows(report.resolve("csv/" + bands[0]))) {
                    if (row.get(0).equals("event files") && !row.get(1).equals(bands[1])) {
                        anyHidden |= row.get(2).isEmpty();
                        shown += row.get(2).isEmpty() ? 0 : Double.parseDouble(row.get(2));
                    }
                }
                compared++;
                if (anyHidden) {
                    small(viewers - shown, report + " " + bands[0] + ": viewers less the bands shown", found);
                }
            }
        }
        assertTrue(compared >= 8, "reports compared: " + compared);
        assertEquals(List.of(), found);
    }

    @ParameterizedTest
    @ValueSource(strings = {"region", "plan", "country"})
    void aCountrysMembers_lessItsMembersByMainDevice_giveNoGroupUnderK(String dimension) throws IOException {
        List<String> found = new ArrayList<>();
        int compared = 0;
        for (Path report : PublishedReports.of(Fixtures.slicedSample(dimension))) {
            Path devices = report.resolve("csv/plans-devices-main-device-by-country.csv");
            if (!Files.exists(devices) || !Files.exists(report.resolve("csv/members-countries.csv"))) {
                continue;
            }
            Map<String, Double> byDevice = new TreeMap<>();
            for (CSVRecord row : PublishedReports.rows(devices)) {
                if (row.get(0).equals("event files") && !row.get(3).isEmpty()) {
                    byDevice.merge(row.get(1), Double.valueOf(row.get(3)), Double::sum);
                }
            }
            for (CSVRecord row : PublishedReports.rows(report.resolve("csv/members-countries.csv"))) {
                if (row.get(0).equals("event files") && !row.get(2).isEmpty() && byDevice.containsKey(row.get(1))) {
                    compared++;
                    small(Double.parseDouble(row.get(2)) - byDevice.get(row.get(1)), report + " " + row.get(1)
                            + ": members less members by main device", found);
                }
            }
        }
        assertTrue(compared > 10, "countries compared: " + compared);
        assertEquals(List.of(), found);
    }

    @ParameterizedTest
    @ValueSource(strings = {"region", "plan", "country"})
    void aRegionsMembers_andItsExpectedChurnersMembers_areTheSame(String dimension) throws IOException {
        List<String> found = new ArrayList<>();
        int compared = 0;
        for (Path report : PublishedReports.of(Fixtures.slicedSample(dimension))) {
            Path expected = report.resolve("csv/churn-expected-churners.csv");
            if (!Files.exists(expected) || !Files.exists(report.resolve("csv/members-regions.csv"))) {
                continue;
            }
            Map<String, Double> members = new TreeMap<>();
            for (CSVRecord row : PublishedReports.rows(report.resolve("csv/members-regions.csv"))) {
                if (row.get(0).equals("event files") && !row.get(2).isEmpty()) {
                    members.put(row.get(1), Double.valueOf(row.get(2)));
                }
            }
            for (CSVRecord row : PublishedReports.rows(expected)) {
                if (members.containsKey(row.get("region")) && !row.get("members").isEmpty()) {
                    compared++;
                    small(members.get(row.get("region")) - Double.parseDouble(row.get("members")), report + " " + row.get("region")
                            + ": members less the expected churners' members", found);
                }
            }
        }
        assertTrue(compared >= 5, "regions compared: " + compared);
        assertEquals(List.of(), found);
    }

    private static void small(double group, String where, List<String> found) {
        if (Math.abs(group) >= 1 && Math.abs(group) < K) {
            found.add(where + " = " + (long) group);
        }
    }
}
