package dev.marquee.privacy;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

import dev.marquee.Fixtures;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Everything a report publishes, searched for a group of fewer than k members: shown as it is, or worked out by
 * subtracting published parts from a published total. The data is the sample generator's at a small size (many
 * countries, plans, devices and months under 10 members) with small groups planted in it (fixtures/privacy/README.md).
 * Member counts are checked against counts made here from the raw files, not by the report's SQL.
 */
class PublishedFiguresPrivacyTest {

    private static final int K = 10;
    private static final Path PLANTED = Fixtures.FIXTURES.resolve("privacy");
    /** Result columns that count members: every published value is 0 or at least k. */
    private static final Pattern MEMBER_COUNT = Pattern.compile(
            "members|active_at_start|churners|at_risk|active_members|viewers|signups|subscribers|retained_(?!share).*|raters|payers"
                    + "|members_with_.*|shared_viewers|observed_churners|test_members|test_churners|churned");

    private static Path site;
    private static Map<String, List<CSVRecord>> csv;
    private static String everything;
    private static Truth truth;

    @BeforeAll
    static void buildTheReport() throws Exception {
        Path work = Fixtures.scratch("marquee-privacy-");
        Path data = work.resolve("data");
        assertEquals(0, Fixtures.marquee("sample-data", "--out", data.toString(), "--seed", "11", "--sessions", "10000").exitCode());
        for (String table : List.of("users", "subscriptions", "viewing_sessions")) {
            appendRows(data.resolve(table + ".csv.gz"), PLANTED.resolve(table + ".csv"));
        }
        site = work.resolve("site");
        Fixtures.Run run = Fixtures.marquee("build", "--data", data.toString(), "--out", site.toString(),
                "--as-of", "2024-12-31", "--min-group-size", Integer.toString(K));
        assertEquals(0, run.exitCode(), run.err());
        csv = new TreeMap<>();
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, byte[]> file : Fixtures.tree(site).entrySet()) {
            if (file.getKey().endsWith(".pdf")) {
                text.append(pdfText(file.getValue()));
                continue;
            }
            String content = new String(file.getValue(), StandardCharsets.UTF_8);
            text.append(content).append('\n');
            if (file.getKey().endsWith(".csv")) {
                csv.put(file.getKey().substring("csv/".length()), CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                        .get().parse(new StringReader(content)).getRecords());
            }
        }
        everything = text.toString();
        truth = Truth.of(data);
    }

    @Test
    void everyPublishedCountOfMembers_isZeroOrAtLeastK() {
        List<String> small = new ArrayList<>();
        for (Map.Entry<String, List<CSVRecord>> file : csv.entrySet()) {
            for (CSVRecord row : file.getValue()) {
                for (Map.Entry<String, String> cell : row.toMap().entrySet()) {
                    String column = cell.getKey().replaceAll(" \\(.*\\)$", "");
                    if (MEMBER_COUNT.matcher(column).matches() && !cell.getValue().isEmpty()) {
                        double value = Double.parseDouble(cell.getValue());
                        if (value > 0 && value < K) {
                            small.add(file.getKey() + " line " + row.getRecordNumber() + " " + column + " = " + cell.getValue());
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), small);
        assertTrue(csv.size() > 40, "the report published its tables: " + csv.keySet());
    }

    @Test
    void kpisCountingMembers_areZeroOrAtLeastK() throws IOException {
        String json = Files.readString(site.resolve("metrics.json"));
        Matcher kpi = Pattern.compile("\"unit\": \"members\", \"value\": ([0-9.]+|null), \"previous_month\": ([0-9.]+|null), "
                + "\"year_ago\": ([0-9.]+|null)").matcher(json);
        int found = 0;
        while (kpi.find()) {
            found++;
            for (int g = 1; g <= 3; g++) {
                if (!kpi.group(g).equals("null")) {
                    double value = Double.parseDouble(kpi.group(g));
                    assertFalse(value > 0 && value < K, "a KPI counts " + value + " members: " + kpi.group());
                }
            }
        }
        assertEquals(2, found, "active members and new signups");
    }

    @Test
    void aCountryOfThreeMembers_andADeviceOfTwo_areNamedNowhere() {
        assertFalse(everything.contains("Iceland"), "Iceland (3 members) is named in an output");
        assertFalse(everything.contains("VR headset"), "the VR headset (2 viewers) is named in an output");
    }

    /**
     * Each country's members and MRR as the raw files give them, the MRR rounded to the step, or not shown where the sums
     * that round alike leave fewer than k of its members free to pay its lowest or its highest price (worked out here
     * from the prices its members' plans are sold at: a country of 17 members on plans at 8.99 to 24.99 can bring
     * 152.83 to 424.83, and the 200 around a rounded figure must share at least 10 × 16.00 of that). Countries whose
     * MRR is hidden are listed after the others.
     */
    @Test
    void publishedCountriesMembersAndMrr_areRight_andTheirRemainderIsNoSmallGroup() {
        List<CSVRecord> countries = csv.get("revenue-by-country.csv");
        long publishedMembers = 0;
        double publishedMrr = 0;
        double trueMrrShown = 0;
        int hidden = 0;
        for (CSVRecord row : countries) {
            long members = Long.parseLong(row.get("members"));
            String country = row.get("country");
            publishedMembers += members;
            if (country.equals(Disclosure.OTHER)) {
                continue;
            }
            assertEquals(truth.activeByCountry().get(country), members, country + " members");
            double exact = truth.mrrByCountry().get(country);
            double shown = rounded(exact);
            BigDecimal[] range = truth.priceRangeByCountry().get(country);
            double spread = range[1].subtract(range[0]).doubleValue();
            double step = step().doubleValue();
            double span = Math.min(shown + step / 2, members * range[1].doubleValue())
                    - Math.max(shown == step ? 0 : shown - step / 2, members * range[0].doubleValue());
            if (span < K * spread) {
                assertEquals("", row.get("mrr (USD)"), country + ": its rounded MRR would leave " + span + " of the " + K * spread + " needed");
                hidden++;
            } else {
                assertEquals(0, hidden, country + " is shown after a country whose MRR is hidden");
                assertEquals(shown, Double.parseDouble(row.get("mrr (USD)")), 0.005, country + " MRR");
                publishedMrr += shown;
                trueMrrShown += exact;
            }
        }
        assertTrue(hidden > 0, "the small countries' MRR, too close to what their members could bring at most or least");
        // Countries and the merged row add up to every active member: nothing is left over to be worked out.
        assertEquals(truth.activeByCountry().values().stream().mapToLong(Long::longValue).sum(), publishedMembers);
        // Each row's MRR is rounded on its own, so they add up to their exact sum within half a step each.
        assertEquals(trueMrrShown, publishedMrr, countries.size() * step().doubleValue() / 2);
    }

    /**
     * The step of the published sums of prices is at least k times the spread of the data's prices (8.99 to 24.99 here,
     * so 160, and the first round amount at or above it is 200), and for every plan of two prices the MRR published
     * beside its members fits k splits of them between the two prices or more: it does not tell how many pay the old
     * price (to the cent, Basic's 8.99 and 9.99 gave it exactly).
     */
    @Test
    void aSumOfPricesBesideItsMembers_doesNotTellHowManyPayEachPrice() {
        assertTrue(step().compareTo(truth.highestPrice().subtract(truth.lowestPrice()).multiply(BigDecimal.valueOf(K))) >= 0,
                "step " + step() + " for prices " + truth.lowestPrice() + " to " + truth.highestPrice());
        assertEquals(new BigDecimal("200"), step());
        int checked = 0;
        for (CSVRecord row : csv.get("revenue-by-plan.csv")) {
            Map<BigDecimal, Long> prices = truth.activeByPlanAndPrice().get(row.get("plan"));
            if (prices == null || prices.size() != 2 || row.get("mrr (USD)").isEmpty()) {
                continue;
            }
            long members = Long.parseLong(row.get("members"));
            BigDecimal low = prices.keySet().stream().min(BigDecimal::compareTo).orElseThrow();
            BigDecimal high = prices.keySet().stream().max(BigDecimal::compareTo).orElseThrow();
            double published = Double.parseDouble(row.get("mrr (USD)"));
            List<Long> splits = new ArrayList<>();
            for (long atLow = 0; atLow <= members; atLow++) {
                BigDecimal sum = low.multiply(BigDecimal.valueOf(atLow)).add(high.multiply(BigDecimal.valueOf(members - atLow)));
                if (rounded(sum.doubleValue()) == published) {
                    splits.add(atLow);
                }
            }
            assertTrue(splits.contains(prices.get(low)), row.get("plan") + ": the true split is among them");
            assertTrue(splits.size() >= Math.min(members + 1, K), row.get("plan") + " at " + low + " and " + high + ": " + splits);
            checked++;
        }
        assertEquals(3, checked, "Basic, Standard and Premium each have an old and a new price");
    }

    /** The step the report rounds sums of prices to (its metrics.json). */
    private static BigDecimal step() {
        Matcher step = Pattern.compile("\"price_steps\": \\{[^}]*\"event files\": ([0-9.]+)").matcher(Fixtures.read(site.resolve("metrics.json")));
        assertTrue(step.find(), "metrics.json gives the price step");
        return new BigDecimal(step.group(1));
    }

    /** A sum of prices as published, worked out here: the nearest multiple of the step (halves up), above zero at least one. */
    private static double rounded(double sum) {
        BigDecimal exact = BigDecimal.valueOf(sum).setScale(2, RoundingMode.HALF_UP);
        BigDecimal rounded = exact.divide(step(), 0, RoundingMode.HALF_UP).multiply(step());
        return (sum > 0 && rounded.signum() == 0 ? step() : rounded).doubleValue();
    }

    @Test
    void planMixCells_leaveNoSmallGroupInAnyCountryOrPlanTotal() {
        Map<String, Long> byCountry = new LinkedHashMap<>();
        Map<String, Long> byPlan = new LinkedHashMap<>();
        for (CSVRecord row : csv.get("plans-devices-plan-by-country.csv")) {
            long members = Long.parseLong(row.get("members"));
            byCountry.merge(row.get("country"), members, Long::sum);
            if (!row.get("plan").equals(Disclosure.OTHER)) {
                byPlan.merge(row.get("plan"), members, Long::sum);
            }
        }
        // Each published country's cells add up to its members (its hidden plans are shown together as Other).
        for (CSVRecord row : csv.get("revenue-by-country.csv")) {
            if (byCountry.containsKey(row.get("country"))) {
                assertEquals(Long.parseLong(row.get("members")), byCountry.get(row.get("country")), row.get("country"));
            }
        }
        // A plan's members in all countries minus its published cells is what its hidden cells hold: 0 or k and more.
        for (CSVRecord row : csv.get("revenue-by-plan.csv")) {
            long hidden = Long.parseLong(row.get("members")) - byPlan.getOrDefault(row.get("plan"), 0L);
            assertFalse(hidden > 0 && hidden < K, row.get("plan") + ": " + hidden + " members hidden in one place or another");
        }
    }

    @Test
    void churnByRegionAndByCountry_describeTheSameMembers_andShowChurnersOnlyWhenAllTogetherAreKOrMore() {
        long[] regions = sums(csv.get("churn-by-region.csv"), "active_at_start", "churners");
        long[] countries = sums(csv.get("churn-by-country.csv"), "active_at_start", "churners");
        assertEquals(regions[0], countries[0]);
        // December's churners are fewer than k in all (the planted one among them): no table shows any.
        assertTrue(truth.churnersInAsOfMonth() > 0 && truth.churnersInAsOfMonth() < K, "churners: " + truth.churnersInAsOfMonth());
        assertEquals(0, regions[1]);
        assertEquals(0, countries[1]);
    }

    @Test
    void signupsPerMonth_andTheirRunningTotal_revealNoSmallMonth() {
        List<CSVRecord> months = csv.get("signups-monthly.csv");
        long previousTotal = 0;
        long shownSince = 0;
        for (CSVRecord row : months) {
            String signups = row.get("signups (members)");
            String total = row.get("cumulative_signups");
            if (!signups.isEmpty() && !total.isEmpty()) {
                long hidden = Long.parseLong(total) - previousTotal - shownSince - Long.parseLong(signups);
                assertFalse(hidden > 0 && hidden < K, "running totals reveal " + hidden + " signups before " + row.get("month"));
                previousTotal = Long.parseLong(total);
                shownSince = 0;
            } else if (!signups.isEmpty()) {
                shownSince += Long.parseLong(signups);
            }
        }
        // The last running total is the population's total, unless a month before it is hidden for another figure's
        // sake (the flows between months): then from that month on none is shown.
        String last = months.get(months.size() - 1).get("cumulative_signups");
        if (!last.isEmpty()) {
            assertEquals(truth.signups(), Long.parseLong(last));
        }
    }

    private static long[] sums(List<CSVRecord> rows, String... columns) {
        long[] sums = new long[columns.length];
        for (CSVRecord row : rows) {
            for (int c = 0; c < columns.length; c++) {
                sums[c] += row.get(columns[c]).isEmpty() ? 0 : Long.parseLong(row.get(columns[c]));
            }
        }
        return sums;
    }

    /** The figures counted here from the raw files, for the as-of date 2024-12-31. */
    private record Truth(Map<String, Long> activeByCountry, Map<String, Double> mrrByCountry, long churnersInAsOfMonth,
                         long signups, Map<String, Map<BigDecimal, Long>> activeByPlanAndPrice, BigDecimal lowestPrice,
                         BigDecimal highestPrice, Map<String, BigDecimal[]> priceRangeByCountry) {

        static Truth of(Path data) throws IOException {
            Map<String, String> countryOf = new LinkedHashMap<>();
            long signups = 0;
            for (CSVRecord user : read(data.resolve("users.csv.gz"))) {
                countryOf.put(user.get("user_id"), user.get("country"));
                signups += user.get("signup_date").compareTo("2024-12-31") <= 0 ? 1 : 0;
            }
            Map<String, Long> active = new TreeMap<>();
            Map<String, Double> mrr = new TreeMap<>();
            Map<String, List<String[]>> periods = new LinkedHashMap<>();
            Map<String, Map<BigDecimal, Long>> byPlanAndPrice = new TreeMap<>();
            Map<String, java.util.Set<String>> plansByCountry = new TreeMap<>();
            Map<String, BigDecimal[]> rangeByPlan = new TreeMap<>();
            BigDecimal lowest = null;
            BigDecimal highest = null;
            for (CSVRecord payment : read(data.resolve("payments.csv.gz"))) {
                BigDecimal amount = new BigDecimal(payment.get("amount"));
                lowest = lowest == null || amount.compareTo(lowest) < 0 ? amount : lowest;
                highest = highest == null || amount.compareTo(highest) > 0 ? amount : highest;
            }
            for (CSVRecord s : read(data.resolve("subscriptions.csv.gz"))) {
                BigDecimal price = new BigDecimal(s.get("monthly_price"));
                // The prices a plan is sold at: every subscription's, whoever holds it.
                rangeByPlan.merge(s.get("plan"), new BigDecimal[] {price, price}, (a, b) -> new BigDecimal[] {a[0].min(b[0]), a[1].max(b[1])});
                lowest = lowest == null || price.compareTo(lowest) < 0 ? price : lowest;
                highest = highest == null || price.compareTo(highest) > 0 ? price : highest;
                periods.computeIfAbsent(s.get("user_id"), x -> new ArrayList<>()).add(new String[] {s.get("started_on"), s.get("ended_on")});
                if (s.get("started_on").compareTo("2024-12-31") <= 0 && (s.get("ended_on").isEmpty() || s.get("ended_on").compareTo("2024-12-31") >= 0)) {
                    String country = countryOf.get(s.get("user_id"));
                    active.merge(country, 1L, Long::sum);
                    mrr.merge(country, Double.parseDouble(s.get("monthly_price")), Double::sum);
                    byPlanAndPrice.computeIfAbsent(s.get("plan"), x -> new TreeMap<>()).merge(price, 1L, Long::sum);
                    plansByCountry.computeIfAbsent(country, x -> new java.util.TreeSet<>()).add(s.get("plan"));
                }
            }
            // A churner of December 2024: active on 1 December, a subscription ending in December, none active the day after.
            long churners = 0;
            for (List<String[]> member : periods.values()) {
                boolean activeOnFirst = member.stream().anyMatch(p -> p[0].compareTo("2024-12-01") <= 0
                        && (p[1].isEmpty() || p[1].compareTo("2024-12-01") >= 0));
                boolean endsInDecember = member.stream().anyMatch(p -> p[0].compareTo("2024-12-01") <= 0 && !p[1].isEmpty()
                        && p[1].compareTo("2024-12-01") >= 0 && p[1].compareTo("2024-12-31") <= 0
                        && member.stream().noneMatch(n -> n != p && n[0].compareTo(dayAfter(p[1])) <= 0
                        && (n[1].isEmpty() || n[1].compareTo(p[1]) > 0)));
                churners += activeOnFirst && endsInDecember ? 1 : 0;
            }
            // A country's prices: the lowest and the highest its members' plans are sold at.
            Map<String, BigDecimal[]> rangeByCountry = new TreeMap<>();
            plansByCountry.forEach((country, plans) -> rangeByCountry.put(country, new BigDecimal[] {
                    plans.stream().map(p -> rangeByPlan.get(p)[0]).min(BigDecimal::compareTo).orElseThrow(),
                    plans.stream().map(p -> rangeByPlan.get(p)[1]).max(BigDecimal::compareTo).orElseThrow()}));
            return new Truth(active, mrr, churners, signups, byPlanAndPrice, lowest, highest, rangeByCountry);
        }

        private static String dayAfter(String day) {
            return java.time.LocalDate.parse(day).plusDays(1).toString();
        }
    }

    private static List<CSVRecord> read(Path gz) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new java.io.InputStreamReader(in, StandardCharsets.UTF_8)).getRecords();
        }
    }

    /** Appends the planted rows (their header line skipped) to a gzipped table file. */
    private static void appendRows(Path gz, Path planted) throws IOException {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            in.transferTo(content);
        }
        List<String> lines = Files.readAllLines(planted, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            content.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            content.writeTo(out);
        }
    }

    private static String pdfText(byte[] pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        try {
            StringBuilder text = new StringBuilder();
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
            return text.toString();
        } finally {
            reader.close();
        }
    }
}
