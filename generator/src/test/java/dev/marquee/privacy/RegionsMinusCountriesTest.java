package dev.marquee.privacy;

import dev.marquee.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample report publishes figures by region and by country: a region's figure minus its countries' published ones
 * is the countries merged away. Searched in the published CSVs, that is never a group under k: 0, or k or more.
 */
class RegionsMinusCountriesTest {

    private static final int K = 10;
    private static Path csv;
    private static final Map<String, String> REGION_OF = new HashMap<>();

    @BeforeAll
    static void read() throws IOException {
        csv = Fixtures.sampleSite().resolve("csv");
        for (List<String> row : rows(Fixtures.ROOT.resolve("generator/src/main/resources/model/regions.csv"))) {
            REGION_OF.put(row.get(0), row.get(1));
        }
    }

    @Test
    void members_byRegion_minusTheirCountries_andMinusTheirCountriesPlans() {
        Map<String, Double> regions = sums("members-regions.csv", "region", "members");
        check("members by country", regions, byRegion("members-countries.csv", "members"));
        check("plan mix by country", regions, byRegion("plans-devices-plan-by-country.csv", "members"));
    }

    @Test
    void churn_byRegion_minusTheirCountries_members_churners_andTheRest() {
        Map<String, Double> active = sums("churn-by-region.csv", "region", "active_at_start");
        Map<String, Double> churners = sums("churn-by-region.csv", "region", "churners");
        Map<String, Double> countriesActive = byRegion("churn-by-country.csv", "active_at_start");
        Map<String, Double> countriesChurners = byRegion("churn-by-country.csv", "churners");
        check("active at the month's start", active, countriesActive);
        check("churners", churners, countriesChurners);
        Map<String, Double> rest = new HashMap<>();
        active.forEach((region, members) -> rest.put(region, members - churners.getOrDefault(region, 0.0)));
        Map<String, Double> countriesRest = new HashMap<>();
        countriesActive.forEach((region, members) -> countriesRest.put(region, members - countriesChurners.getOrDefault(region, 0.0)));
        check("members who stayed", rest, countriesRest);
    }

    private static void check(String what, Map<String, Double> regions, Map<String, Double> countries) {
        assertTrue(regions.size() >= 3, what + ": the regions published " + regions);
        regions.forEach((region, total) -> {
            if (region.equals(Disclosure.OTHER)) {
                return;
            }
            double rest = total - countries.getOrDefault(region, 0.0);
            assertTrue(Math.abs(rest) < 1e-9 || rest >= K, what + ": " + region + " minus its published countries leaves "
                    + rest + ", a group under " + K);
        });
    }

    /** A column's values per region, over the rows of a by-country CSV whose country is published (not Other). */
    private static Map<String, Double> byRegion(String file, String column) {
        Map<String, Double> sums = new HashMap<>();
        List<List<String>> rows = rows(csv.resolve(file));
        int country = rows.get(0).indexOf("country");
        int value = rows.get(0).indexOf(column);
        assertTrue(country >= 0 && value >= 0, file + ": " + rows.get(0));
        for (List<String> row : rows.subList(1, rows.size())) {
            if (!row.get(country).equals(Disclosure.OTHER) && !row.get(value).isEmpty()) {
                sums.merge(REGION_OF.getOrDefault(row.get(country), "Unknown"), Double.parseDouble(row.get(value)), Double::sum);
            }
        }
        return sums;
    }

    private static Map<String, Double> sums(String file, String key, String column) {
        Map<String, Double> sums = new HashMap<>();
        List<List<String>> rows = rows(csv.resolve(file));
        int k = rows.get(0).indexOf(key);
        int value = rows.get(0).indexOf(column);
        assertTrue(k >= 0 && value >= 0, file + ": " + rows.get(0));
        for (List<String> row : rows.subList(1, rows.size())) {
            if (!row.get(value).isEmpty()) {
                sums.merge(row.get(k), Double.parseDouble(row.get(value)), Double::sum);
            }
        }
        return sums;
    }

    /** A small CSV of our own (no quoted commas in these files' cells). */
    private static List<List<String>> rows(Path file) {
        List<List<String>> rows = new ArrayList<>();
        for (String line : Fixtures.read(file).lines().toList()) {
            rows.add(List.of(line.split(",", -1)));
        }
        return rows;
    }
}
