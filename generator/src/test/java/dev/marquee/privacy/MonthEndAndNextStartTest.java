package dev.marquee.privacy;

import dev.marquee.Fixtures;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The members of a group at a month's end and at the next month's start, as the sample report (as of 2024-12-31)
 * publishes them: the country trend, the subscribers, the MRR's members, the outlook's actuals and the active members
 * KPI's month before count the end of a month; churn by country, by region and by region per month count the members
 * at the start of a month. Where both are published for the same group (a country, a region, all members), their
 * difference is the members who started on the 1st less those who left on the last day before: it must be 0 or k and
 * more. It was 3 for Brazil (231 at the end of November 2024, 234 at the start of December: 3 started on 1 December)
 * and 6 for North America (the United States' 886 and Canada's 196 against 1088).
 */
class MonthEndAndNextStartTest {

    private static final int K = 10;
    private static final String TOTAL = "all members";

    /** Each group's count at a month's end (its month) and at a month's start, with where a reader finds it. */
    private static final Map<String, List<Count>> ENDS = new TreeMap<>();
    private static final Map<String, List<Count>> STARTS = new TreeMap<>();

    private record Count(String group, LocalDate month, long members, String where) {
    }

    @BeforeAll
    static void readTheSampleReport() throws IOException {
        Path site = Fixtures.sampleSite();
        Map<String, String> regionOf = new HashMap<>();
        for (CSVRecord row : read(Files.newBufferedReader(Fixtures.ROOT.resolve("generator/src/main/resources/model/regions.csv")))) {
            regionOf.put(row.get("country"), row.get("region"));
        }
        Map<String, Set<String>> countriesOf = new HashMap<>();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(Fixtures.ROOT.resolve("data/users.csv.gz")))) {
            for (CSVRecord user : read(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                countriesOf.computeIfAbsent(regionOf.getOrDefault(user.get("country"), "Unknown"), r -> new HashSet<>()).add(user.get("country"));
            }
        }

        // Month ends: each country's trend, and a region's where all its countries are named that month.
        Map<LocalDate, Map<String, Long>> trend = new TreeMap<>();
        for (CSVRecord row : csv(site, "churn-country-trend.csv")) {
            if (!row.get("members").isEmpty() && !row.get("country").equals(Disclosure.OTHER)) {
                LocalDate month = LocalDate.parse(row.get("month"));
                trend.computeIfAbsent(month, m -> new TreeMap<>()).put(row.get("country"), Long.parseLong(row.get("members")));
                add(ENDS, new Count(row.get("country"), month, Long.parseLong(row.get("members")), "churn-country-trend.csv"));
            }
        }
        trend.forEach((month, countries) -> countriesOf.forEach((region, all) -> {
            if (countries.keySet().containsAll(all)) {
                long members = all.stream().mapToLong(countries::get).sum();
                add(ENDS, new Count(region, month, members, "churn-country-trend.csv, the countries of " + region));
            }
        }));
        endsOfAll(site, "signups-subscribers.csv", "subscribers (members)");
        endsOfAll(site, "revenue-mrr.csv", "members");
        endsOfAll(site, "signups-members-forecast.csv", "actual (members)");
        endsOfAll(site, "outlook-active-forecast.csv", "actual (members)");
        // The KPI compares the as-of date with a month and a year earlier: 30 November and 31 December 2023, ends of months.
        Matcher kpi = Pattern.compile("\"id\": \"active_members\"[^}]*\"previous_month\": ([0-9.]+)[^}]*\"year_ago\": ([0-9.]+)")
                .matcher(Files.readString(site.resolve("metrics.json")));
        assertTrue(kpi.find(), "metrics.json gives the active members a month and a year earlier");
        add(ENDS, new Count(TOTAL, LocalDate.parse("2024-11-01"), (long) Double.parseDouble(kpi.group(1)), "metrics.json previous_month"));
        add(ENDS, new Count(TOTAL, LocalDate.parse("2023-12-01"), (long) Double.parseDouble(kpi.group(2)), "metrics.json year_ago"));

        // Month starts: churn in the as-of month by country and by region, and by region per month; all members where every
        // row of the month is shown (the merged row included).
        LocalDate december = LocalDate.parse("2024-12-01");
        startsOf(csv(site, "churn-by-country.csv"), "country", row -> december, "churn-by-country.csv");
        startsOf(csv(site, "churn-by-region.csv"), "region", row -> december, "churn-by-region.csv");
        startsOf(csv(site, "churn-monthly-by-region.csv"), "region", row -> LocalDate.parse(row.get("month")), "churn-monthly-by-region.csv");
    }

    @Test
    void aGroupsMembersAtAMonthsEnd_andAtTheNextMonthsStart_neverDifferByFewerThanK() {
        List<String> small = new ArrayList<>();
        int compared = 0;
        for (Map.Entry<String, List<Count>> ends : ENDS.entrySet()) {
            for (Count end : ends.getValue()) {
                String next = end.group() + " " + end.month().plusMonths(1);
                for (Count start : STARTS.getOrDefault(next, List.of())) {
                    compared++;
                    long difference = Math.abs(start.members() - end.members());
                    if (difference > 0 && difference < K) {
                        small.add(end.group() + ": " + end.members() + " at the end of " + end.month() + " (" + end.where() + "), "
                                + start.members() + " at the start of " + start.month() + " (" + start.where() + ")");
                    }
                }
            }
        }
        assertTrue(compared > 20, "the report publishes both for many groups: " + compared);
        assertEquals(List.of(), small);
    }

    /** Brazil: 234 members active on 1 December 2024, in the churn by country and as November's end on its page. */
    @Test
    void brazilAtTheEndOfNovember_isBrazilAtTheStartOfDecember() {
        assertEquals(List.of(234L), STARTS.get("Brazil 2024-12-01").stream().map(Count::members).toList());
        assertEquals(List.of(234L), ENDS.get("Brazil 2024-11-01").stream().map(Count::members).toList());
    }

    private static void endsOfAll(Path site, String file, String column) throws IOException {
        for (CSVRecord row : csv(site, file)) {
            if (!row.get(column).isEmpty()) {
                add(ENDS, new Count(TOTAL, LocalDate.parse(row.get("month")), Long.parseLong(row.get(column)), file));
            }
        }
    }

    private static void startsOf(List<CSVRecord> rows, String label, java.util.function.Function<CSVRecord, LocalDate> monthOf, String file) {
        Map<LocalDate, Long> all = new TreeMap<>();
        Set<LocalDate> incomplete = new HashSet<>();
        for (CSVRecord row : rows) {
            LocalDate month = monthOf.apply(row);
            if (row.get("active_at_start").isEmpty()) {
                incomplete.add(month);
                continue;
            }
            long members = Long.parseLong(row.get("active_at_start"));
            all.merge(month, members, Long::sum);
            if (!row.get(label).equals(Disclosure.OTHER)) {
                add(STARTS, new Count(row.get(label), month, members, file));
            }
        }
        all.forEach((month, members) -> {
            if (!incomplete.contains(month)) {
                add(STARTS, new Count(TOTAL, month, members, file + ", all rows"));
            }
        });
    }

    private static void add(Map<String, List<Count>> counts, Count count) {
        counts.computeIfAbsent(count.group() + " " + count.month(), x -> new ArrayList<>()).add(count);
    }

    private static List<CSVRecord> csv(Path site, String file) throws IOException {
        return read(Files.newBufferedReader(site.resolve("csv").resolve(file)));
    }

    private static List<CSVRecord> read(Reader reader) throws IOException {
        try (reader) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }
}
