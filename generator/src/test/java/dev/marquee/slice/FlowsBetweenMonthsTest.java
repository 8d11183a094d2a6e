package dev.marquee.slice;

import dev.marquee.Fixtures;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
        List<Path> reports = PublishedReports.of(site);
        for (Path report : reports) {
            Flows shown = readerHas(site, truth, report);
            Flows all = Flows.read(truth.resolve(site.relativize(report)));
            List<String> months = new ArrayList<>(all.subscribers().keySet());
            for (int m = 1; m < months.size(); m++) {
                String month = months.get(m);
                if (!all.signups().containsKey(month) || !all.churners().containsKey(month)) {
                    continue;
                }
                // A month's start is the subscribers at the month before's end, or the members the churn counts at its
                // start; its end, the subscribers at its end, or the members at the next month's start.
                for (boolean fromChurn : new boolean[]{false, true}) {
                    for (boolean toChurn : new boolean[]{false, true}) {
                        String next = m + 1 < months.size() ? months.get(m + 1) : null;
                        if (toChurn && (next == null || !all.atStart().containsKey(next))) {
                            continue;
                        }
                        equations++;
                        // Each figure with its sign in end - start - signups + churners = 0, as shown (null: hidden) and as it is.
                        Map<String, Double> figures = new LinkedHashMap<>();
                        Map<String, Double> trueFigures = new LinkedHashMap<>();
                        Map<String, Double> signs = new LinkedHashMap<>();
                        if (toChurn) {
                            all.atStart().get(next).forEach((region, members) -> {
                                figures.put("start of " + next + " " + region, shown.atStart().getOrDefault(next, Map.of()).get(region));
                                trueFigures.put("start of " + next + " " + region, members);
                                signs.put("start of " + next + " " + region, 1.0);
                            });
                        } else {
                            figures.put("subscribers " + month, shown.subscribers().get(month));
                            trueFigures.put("subscribers " + month, all.subscribers().get(month));
                            signs.put("subscribers " + month, 1.0);
                        }
                        figures.put("signups", shown.signups().get(month));
                        trueFigures.put("signups", all.signups().get(month));
                        signs.put("signups", -1.0);
                        for (String region : all.churners().get(month).keySet()) {
                            Double left = shown.churners().getOrDefault(month, Map.of()).get(region);
                            if (fromChurn) {
                                // One figure: the row's members at the start less its churners.
                                Double start = shown.atStart().getOrDefault(month, Map.of()).get(region);
                                figures.put("stayed " + region, start == null || left == null ? null : start - left);
                                trueFigures.put("stayed " + region, all.atStart().get(month).get(region) - all.churners().get(month).get(region));
                                signs.put("stayed " + region, -1.0);
                            } else {
                                figures.put("churners " + region, left);
                                trueFigures.put("churners " + region, all.churners().get(month).get(region));
                                signs.put("churners " + region, 1.0);
                            }
                        }
                        if (!fromChurn) {
                            String before = months.get(m - 1);
                            figures.put("subscribers " + before, shown.subscribers().get(before));
                            trueFigures.put("subscribers " + before, all.subscribers().get(before));
                            signs.put("subscribers " + before, -1.0);
                        }
                        List<String> hidden = figures.keySet().stream().filter(f -> figures.get(f) == null).toList();
                        // One figure hidden, or several of one sign, whose sum is then a group too (the churners of the
                        // month's hidden regions): the others give it.
                        if (hidden.isEmpty() || hidden.stream().map(signs::get).distinct().count() != 1) {
                            continue;
                        }
                        oneHidden++;
                        double rest = figures.entrySet().stream().filter(f -> f.getValue() != null)
                                .mapToDouble(f -> signs.get(f.getKey()) * f.getValue()).sum();
                        double given = -rest / signs.get(hidden.get(0));
                        double actual = hidden.stream().mapToDouble(trueFigures::get).sum();
                        if (Math.abs(given - actual) < 1e-9 && actual >= 1 && actual < K) {
                            leaks.add(site.relativize(report) + " " + month + ": " + hidden + " " + (long) actual + " from " + figures);
                        }
                    }
                }
            }
        }
        assertTrue(equations > 100, "months compared: " + equations);
        assertEquals(List.of(), leaks, "months with one figure hidden, or several of one sign, of " + oneHidden);
    }

    @ParameterizedTest
    @ValueSource(strings = {"region", "plan", "country"})
    void noGrowthRate_standsBesideAHiddenMonthBefore(String dimension) throws IOException {
        // Growth and a month's subscribers give the month before's: the Middle East & Africa slice hid its subscribers of
        // October 2022 and showed November's 11 with a growth of 0%.
        Path site = Fixtures.slicedSample(dimension);
        List<Path> reports = PublishedReports.of(site);
        List<String> found = new ArrayList<>();
        int rates = 0;
        for (Path report : reports) {
            List<CSVRecord> rows = PublishedReports.rows(report.resolve("csv/signups-subscribers.csv"));
            for (int r = 1; r < rows.size(); r++) {
                if (!rows.get(r).get(2).isEmpty()) {
                    rates++;
                    if (rows.get(r - 1).get(1).isEmpty()) {
                        found.add(site.relativize(report) + " " + rows.get(r).get(0));
                    }
                }
            }
        }
        assertTrue(rates > 0);
        assertEquals(List.of(), found);
    }

    @ParameterizedTest
    @ValueSource(strings = {"region", "plan", "country"})
    void mrrsMembers_andTheSubscribers_showTheSameMonths(String dimension) throws IOException {
        // Both are the members active on a month's last day: the whole report hid its subscribers of January to March
        // 2022 against the flows, and MRR's members (80, 132, 178) still gave them.
        Path site = Fixtures.slicedSample(dimension);
        List<Path> reports = PublishedReports.of(site);
        List<String> found = new ArrayList<>();
        for (Path report : reports) {
            Map<String, Double> subscribers = Flows.read(report).subscribers();
            for (CSVRecord row : PublishedReports.rows(report.resolve("csv/revenue-mrr.csv"))) {
                if (subscribers.containsKey(row.get(0)) && row.get(2).isEmpty() != (subscribers.get(row.get(0)) == null)) {
                    found.add(site.relativize(report) + " " + row.get(0));
                }
            }
        }
        assertEquals(List.of(), found);
    }

    @ParameterizedTest
    @ValueSource(strings = {"region", "plan", "country"})
    void theRetentionCurvesMembers_giveBackNoHiddenMonthOfSignups(String dimension) throws IOException {
        // The members who reached n months after signup are the signups up to the as-of month less n: two of them less
        // the signups shown between are the months hidden between. Before RunningTotalRows, the Middle East & Africa
        // slice's curve (111, 91, 88, 82...) gave back 18 of its hidden months.
        Path site = Fixtures.slicedSample(dimension);
        Path truth = Fixtures.slicedSampleUnprotected(dimension);
        List<Path> reports = PublishedReports.of(site);
        List<String> leaks = new ArrayList<>();
        int pairs = 0;
        for (Path report : reports) {
            Map<String, Double> shownSignups = Flows.read(report).signups();
            Map<String, Double> trueSignups = Flows.read(truth.resolve(site.relativize(report))).signups();
            List<String> months = new ArrayList<>(trueSignups.keySet());
            Map<Integer, Double> curve = new TreeMap<>();
            for (CSVRecord row : PublishedReports.rows(report.resolve("csv/churn-retention.csv"))) {
                if (!row.get(1).isEmpty()) {
                    curve.put(Integer.valueOf(row.get(0)), Double.valueOf(row.get(1)));
                }
            }
            List<Integer> ages = new ArrayList<>(curve.keySet());
            for (int i = 0; i < ages.size(); i++) {
                for (int j = i + 1; j < ages.size(); j++) {
                    pairs++;
                    // The months from the as-of month less the older age (excluded) to less the younger (included).
                    List<String> between = months.subList(Math.max(0, months.size() - ages.get(j)), Math.max(0, months.size() - ages.get(i)));
                    List<String> hidden = between.stream().filter(m -> shownSignups.get(m) == null).toList();
                    if (hidden.size() != 1) {
                        continue;
                    }
                    double given = curve.get(ages.get(i)) - curve.get(ages.get(j))
                            - between.stream().filter(m -> shownSignups.get(m) != null).mapToDouble(shownSignups::get).sum();
                    double actual = trueSignups.get(hidden.get(0));
                    if (Math.abs(given - actual) < 1e-9 && actual >= 1 && actual < K) {
                        leaks.add(site.relativize(report) + " " + hidden.get(0) + ": " + (long) actual + " signups, from the curve at "
                                + ages.get(i) + " and " + ages.get(j) + " months");
                    }
                }
            }
        }
        assertTrue(pairs > 0, "no curve shown anywhere");
        assertEquals(List.of(), leaks);
    }

    @ParameterizedTest
    @ValueSource(strings = {"region", "plan", "country"})
    void noGroupsStart_leaversAndEnd_giveFewerThanKWhoJoined(String dimension) throws IOException {
        // Those at a month's end less those at its start plus those who left are those who joined, published by region
        // and country nowhere: the whole report's churn by region gave Middle East & Africa's 2 joiners of June 2023
        // (17 at its start, 0 churners, and July's start), and its churn by country with the current members South
        // Korea's 8 of the as-of month (76 at its start, 0 churners, 84 members).
        Path site = Fixtures.slicedSample(dimension);
        List<String> found = new ArrayList<>();
        int compared = 0;
        for (Path report : PublishedReports.of(site)) {
            Map<String, Map<String, Double>> atStart = Flows.read(report).atStart();
            Map<String, Map<String, Double>> churners = Flows.read(report).churners();
            List<String> months = new ArrayList<>(atStart.keySet());
            for (int m = 0; m + 1 < months.size(); m++) {
                for (String region : atStart.get(months.get(m)).keySet()) {
                    Double start = atStart.get(months.get(m)).get(region);
                    Double left = churners.get(months.get(m)).get(region);
                    Double end = atStart.get(months.get(m + 1)).get(region);
                    compared += joined(start, left, end, site.relativize(report) + " " + months.get(m) + " " + region, found);
                }
            }
            for (String[] files : new String[][]{{"churn-by-region.csv", "members-regions.csv"}, {"churn-by-country.csv", "members-countries.csv"}}) {
                // A slice of one region or plan leaves out the charts of one row.
                if (!Files.exists(report.resolve("csv/" + files[0])) || !Files.exists(report.resolve("csv/" + files[1]))) {
                    continue;
                }
                Map<String, Double> current = new TreeMap<>();
                for (CSVRecord row : PublishedReports.rows(report.resolve("csv/" + files[1]))) {
                    if (row.get(0).equals("event files") && !row.get(2).isEmpty()) {
                        current.put(row.get(1), Double.valueOf(row.get(2)));
                    }
                }
                for (CSVRecord row : PublishedReports.rows(report.resolve("csv/" + files[0]))) {
                    if (!row.get(0).equals("Other (small groups)") && !row.get(1).isEmpty() && !row.get(2).isEmpty()) {
                        compared += joined(Double.valueOf(row.get(1)), Double.valueOf(row.get(2)), current.get(row.get(0)),
                                site.relativize(report) + " as-of month " + row.get(0), found);
                    }
                }
            }
        }
        assertTrue(compared > 50, "groups compared: " + compared);
        assertEquals(List.of(), found);
    }

    @ParameterizedTest
    @ValueSource(strings = {"region", "plan", "country"})
    void noBacktestError_isPublishedForASeriesWithAHiddenMonth(String dimension) throws IOException {
        // The seasonal naive's MAPE is |a(t) - a(t - 12)| / a(t) over the backtest's months, actuals only: with one month
        // hidden it has one unknown. A red-team review solved the German, French, Indian, Mexican, South Korean and
        // Spanish slices' hidden subscribers of November 2024 from it (Germany's 176, and from them 2 members who came
        // back), and the whole report's MASE gave the sum of its three hidden months.
        Map<String, String> forecasts = Map.of("Active subscribers", "outlook-active-forecast.csv", "New signups",
                "outlook-signups-forecast.csv", "Monthly recurring revenue", "outlook-mrr-forecast.csv", "Watch hours",
                "outlook-hours-forecast.csv");
        Path site = Fixtures.slicedSample(dimension);
        List<String> found = new ArrayList<>();
        int withHiddenMonths = 0;
        int scored = 0;
        for (Path report : PublishedReports.of(site)) {
            if (!Files.exists(report.resolve("csv/outlook-forecast-accuracy.csv"))) {
                continue;
            }
            for (CSVRecord row : PublishedReports.rows(report.resolve("csv/outlook-forecast-accuracy.csv"))) {
                Path forecast = report.resolve("csv/" + forecasts.get(row.get("series")));
                // A month of the actuals with nothing shown: hidden (the months ahead have a forecast).
                boolean hidden = Files.exists(forecast) && PublishedReports.rows(forecast).stream()
                        .anyMatch(month -> java.util.stream.IntStream.range(1, month.size()).allMatch(c -> month.get(c).isEmpty()));
                boolean errors = !row.get("mape").isEmpty() || !row.get("baseline_mape").isEmpty()
                        || !row.get("mase").isEmpty() || !row.get("baseline_mase").isEmpty();
                withHiddenMonths += hidden ? 1 : 0;
                scored += errors ? 1 : 0;
                if (hidden && errors) {
                    found.add(site.relativize(report) + " " + row.get("series"));
                }
            }
        }
        assertTrue(withHiddenMonths > 0 && scored > 0, withHiddenMonths + " series with hidden months, " + scored + " scored");
        assertEquals(List.of(), found);
    }

    /** Counts one group's month (1) where its three figures are shown, and notes it where they give 1 to k - 1 joiners. */
    private static int joined(Double start, Double left, Double end, String where, List<String> found) {
        if (start == null || left == null || end == null) {
            return 0;
        }
        double joined = end - start + left;
        if (joined >= 1 && joined < K) {
            found.add(where + ": " + (long) joined + " joined (" + start + " at the start, " + left + " left, " + end + " at the end)");
        }
        return 1;
    }

    /**
     * What a reader has of a report's figures: its own, and where it hides a row of the churn by region that the whole
     * report shows for the same members (a region's slice: the whole's row of its region, the same figures), that row.
     */
    private static Flows readerHas(Path site, Path truth, Path report) throws IOException {
        Flows own = Flows.read(report);
        if (report.equals(site)) {
            return own;
        }
        Flows whole = Flows.read(site);
        Flows trueOwn = Flows.read(truth.resolve(site.relativize(report)));
        Flows trueWhole = Flows.read(truth);
        Map<String, Map<String, Double>> churners = new TreeMap<>();
        Map<String, Map<String, Double>> atStart = new TreeMap<>();
        trueOwn.churners().forEach((month, regions) -> regions.keySet().forEach(region -> {
            Double left = own.churners().getOrDefault(month, Map.of()).get(region);
            Double start = own.atStart().getOrDefault(month, Map.of()).get(region);
            boolean same = java.util.Objects.equals(trueWhole.churners().getOrDefault(month, Map.of()).get(region), regions.get(region))
                    && java.util.Objects.equals(trueWhole.atStart().getOrDefault(month, Map.of()).get(region), trueOwn.atStart().get(month).get(region));
            if (left == null && same) {
                left = whole.churners().getOrDefault(month, Map.of()).get(region);
                start = whole.atStart().getOrDefault(month, Map.of()).get(region);
            }
            churners.computeIfAbsent(month, x -> new TreeMap<>()).put(region, left);
            atStart.computeIfAbsent(month, x -> new TreeMap<>()).put(region, start);
        }));
        // A country's slice: its subscribers at a month's end are the whole report's members of that country at that
        // month's end (its country trend, the last 12 months), where the two count the same members.
        Map<String, Double> subscribers = new TreeMap<>(own.subscribers());
        Map<String, Map<String, Double>> trend = countryTrend(site);
        Map<String, Map<String, Double>> trueTrend = countryTrend(truth);
        String slug = report.getFileName().toString();
        trend.forEach((country, months) -> {
            if (country.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").equals(slug)) {
                months.forEach((month, members) -> {
                    if (members != null && subscribers.get(month) == null
                            && java.util.Objects.equals(trueOwn.subscribers().get(month), trueTrend.get(country).get(month))) {
                        subscribers.put(month, members);
                    }
                });
            }
        });
        return new Flows(subscribers, own.signups(), churners, atStart);
    }

    /** The whole report's members of each country at each month's end (null: hidden), by country and month. */
    private static Map<String, Map<String, Double>> countryTrend(Path site) throws IOException {
        Map<String, Map<String, Double>> trend = new TreeMap<>();
        for (CSVRecord row : PublishedReports.rows(site.resolve("csv/churn-country-trend.csv"))) {
            trend.computeIfAbsent(row.get(1), c -> new TreeMap<>()).put(row.get(0), row.get(2).isEmpty() ? null : Double.valueOf(row.get(2)));
        }
        return trend;
    }

    /** A report's subscribers at each month's end, new signups (the event files') and churners by region, by month. */
    private record Flows(Map<String, Double> subscribers, Map<String, Double> signups, Map<String, Map<String, Double>> churners,
                         Map<String, Map<String, Double>> atStart) {

        static Flows read(Path report) throws IOException {
            Map<String, Double> subscribers = new TreeMap<>();
            for (CSVRecord row : PublishedReports.rows(report.resolve("csv/signups-subscribers.csv"))) {
                subscribers.put(row.get(0), number(row.get(1)));
            }
            Map<String, Double> signups = new TreeMap<>();
            for (CSVRecord row : PublishedReports.rows(report.resolve("csv/signups-monthly.csv"))) {
                if (row.get(0).equals("event files")) {
                    signups.put(row.get(1), number(row.get(2)));
                }
            }
            Map<String, Map<String, Double>> churners = new TreeMap<>();
            Map<String, Map<String, Double>> atStart = new TreeMap<>();
            for (CSVRecord row : PublishedReports.rows(report.resolve("csv/churn-monthly-by-region.csv"))) {
                churners.computeIfAbsent(row.get(0), m -> new TreeMap<>()).put(row.get(1), number(row.get(3)));
                atStart.computeIfAbsent(row.get(0), m -> new TreeMap<>()).put(row.get(1), number(row.get(2)));
            }
            return new Flows(subscribers, signups, churners, atStart);
        }

        private static Double number(String text) {
            return text.isEmpty() ? null : Double.valueOf(text);
        }
    }
}
