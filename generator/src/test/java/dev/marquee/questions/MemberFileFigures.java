package dev.marquee.questions;

import dev.marquee.format.Formats;
import dev.marquee.questions.PublicSite.Published;
import dev.marquee.questions.SmallGroups.Group;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.marquee.questions.RawFile.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every member-level file's figures share: the file's members counted on the cover, and lines of groups. */
abstract class MemberFileFigures<M> {

    /** The report under test: the file alone, or among all six. */
    abstract PublicSite site();

    /** The name of the file, which is also the source every figure of it names. */
    abstract String source();

    /** The file's rows, each a member. */
    abstract List<M> members();

    int k() {
        return site().k();
    }

    List<Published> csv(String chart) {
        return site().csv(chart, source());
    }

    /** The step the site rounds this file's sums of prices to (its metrics.json), zero where it has none. */
    java.math.BigDecimal priceStep() {
        Matcher step = Pattern.compile("\"price_steps\": \\{[^}]*\"" + Pattern.quote(source()) + "\": ([\\d.]+)").matcher(site().page("metrics.json"));
        assertTrue(site().page("metrics.json").contains("\"price_steps\": {"), "metrics.json gives the price steps");
        return step.find() ? new java.math.BigDecimal(step.group(1)) : java.math.BigDecimal.ZERO;
    }

    /**
     * A sum of prices as the report publishes it, worked out here: to the nearest multiple of the step, halves up, and a
     * sum above zero at least one step.
     */
    double published(double sum) {
        java.math.BigDecimal step = priceStep();
        if (step.signum() == 0) {
            return sum;
        }
        java.math.BigDecimal exact = java.math.BigDecimal.valueOf(sum).setScale(2, java.math.RoundingMode.HALF_UP);
        java.math.BigDecimal rounded = exact.divide(step, 0, java.math.RoundingMode.HALF_UP).multiply(step);
        return (sum > 0 && rounded.signum() == 0 ? step : rounded).doubleValue();
    }

    /**
     * Whether the file sells these plans at one price (every member of them with a fee pays the same): a row of them
     * then shows its sums as they are, its members times that price, which a reader works out anyway.
     */
    boolean soldAtOnePrice(Set<String> plans, Function<M, String> plan, Function<M, Double> fee) {
        return members().stream().filter(m -> plans.contains(plan.apply(m))).map(fee).filter(java.util.Objects::nonNull)
                .distinct().count() <= 1;
    }

    /** A sum of prices as published for a row whose plans are sold at one price or not. */
    double published(double sum, boolean onePrice) {
        return onePrice ? sum : published(sum);
    }

    /** A published average of fees, of a row whose plans are sold at one price or not. */
    void assertAverage(double sum, long members, Double published, String what, boolean onePrice) {
        if (onePrice) {
            assertClose(sum / members, published, what);
        } else {
            assertAverage(sum, members, published, what);
        }
    }

    /** An average of a sum of prices as published: the published sum over the members, blank under ten steps. */
    Double publishedAverage(double sum, long members) {
        double shown = published(sum);
        return priceStep().signum() > 0 && Math.abs(shown) < 10 * priceStep().doubleValue() ? null : shown / members;
    }

    /** A published average of fees: as {@link #publishedAverage}, or blank where that is. */
    void assertAverage(double sum, long members, Double published, String what) {
        Double expected = publishedAverage(sum, members);
        if (expected == null) {
            RawFile.assertBlank(published, what);
        } else {
            assertClose(expected, published, what);
        }
    }

    /**
     * The step covers the spread of this file's fees k times over: a sum and its members then leave at least k members
     * who may pay one fee or another. It is the first round amount at or above k times the spread of this file's fees,
     * alone or beside other files (another file's wider spread sets that file's step, not this one's).
     */
    void assertPriceStepCovers(Function<M, Double> fee) {
        java.util.DoubleSummaryStatistics fees = members().stream().map(fee).filter(java.util.Objects::nonNull)
                .mapToDouble(Double::doubleValue).summaryStatistics();
        if (fees.getCount() == 0 || k() < 2) {
            return;
        }
        double spread = fees.getMax() - fees.getMin();
        assertTrue(priceStep().doubleValue() >= k() * spread - 1e-9, "step " + priceStep() + " under " + k() + " × the spread " + spread);
        double floor = Math.pow(10, Math.floor(Math.log10(k() * spread)));
        double expected = java.util.stream.DoubleStream.of(floor, 2 * floor, 5 * floor, 10 * floor)
                .filter(c -> c >= k() * spread - 1e-9).min().orElseThrow();
        assertEquals(expected, priceStep().doubleValue(), 1e-9, "the first of 1, 2, 5 × 10^n at or above " + k() + " × " + spread);
    }

    static Map<String, Group> groups(Map<String, Long> counts) {
        Map<String, Group> groups = new TreeMap<>();
        counts.forEach((name, members) -> groups.put(name, Group.of(members)));
        return groups;
    }

    Map<String, Group> groupsBy(Function<M, String> key) {
        return groups(RawFile.count(members(), key));
    }

    /** The cover's KPI "Members (file)": every member the file lists, with no comparison. */
    void assertMembersKpi() {
        Matcher kpi = Pattern.compile("\"label\": \"Members \\(" + Pattern.quote(source()) + "\\)\", \"unit\": \"members\", \"value\": (\\d+)")
                .matcher(site().page("metrics.json"));
        assertTrue(kpi.find(), "metrics.json has no KPI Members (" + source() + ")");
        assertEquals(members().size(), Long.parseLong(kpi.group(1)));
        assertTrue(site().pageText("index.html").contains("Members (" + source() + ")"), "the cover shows the KPI");
        List<Published> byFile = csv("members-sources");
        assertEquals(1, byFile.size(), byFile.toString());
        assertClose(members().size(), byFile.get(0).number("members"), "members by file");
    }

    /**
     * The cover's KPI "MRR (file)": the monthly fees of the members the file lists and does not mark as having left, with
     * no comparison; a file without fees has none.
     */
    void assertMrrKpi(Function<M, Double> fee, java.util.function.Predicate<M> counted) {
        Matcher kpi = Pattern.compile("\"label\": \"MRR \\(" + Pattern.quote(source()) + "\\)\", \"unit\": \"usd\", \"value\": ([\\d.]+)")
                .matcher(site().page("metrics.json"));
        if (members().stream().allMatch(m -> fee.apply(m) == null)) {
            assertFalse(kpi.find(), "a KPI MRR (" + source() + ") from a file without fees");
            return;
        }
        assertTrue(kpi.find(), "metrics.json has no KPI MRR (" + source() + ")");
        assertClose(published(members().stream().filter(counted).filter(m -> fee.apply(m) != null).mapToDouble(fee::apply).sum()),
                Double.parseDouble(kpi.group(1)), "MRR of " + source());
        assertPriceStepCovers(fee);
        assertTrue(site().pageText("index.html").contains("MRR (" + source() + ")"), "the cover shows the KPI");
    }

    /** A bar chart of members' shares by one attribute (small groups hidden or merged), the share of all the file's members. */
    void assertShares(String chart, String label, Function<M, String> key, boolean merged) {
        Map<String, Group> truth = groupsBy(key);
        List<Published> rows = csv(chart);
        Map<Published, Set<String>> published = merged ? SmallGroups.assertMerged(chart, rows, label, "members", null, truth, k())
                : SmallGroups.assertHidden(chart, rows, label, "members", null, truth, k());
        long all = truth.values().stream().mapToLong(Group::members).sum();
        published.forEach((row, names) -> assertClose((double) total(truth, names) / all, row.number("share"), chart + ", " + row.text(label)));
    }

    /**
     * A country × series cross-tab (plans or main devices within countries), as SECURITY.md asks: countries under k merged
     * into Other first, small series merged within each country, every series' merged cells together none or at least k,
     * and each share that of the country's members.
     */
    Map<String, List<Published>> assertCrossTab(String chart, String series, Function<M, String> country, Function<M, String> seriesOf) {
        List<M> counted = members().stream().filter(m -> country.apply(m) != null && seriesOf.apply(m) != null).toList();
        Map<String, Long> countries = RawFile.count(counted, country);
        List<Published> rows = csv(chart);
        Map<String, List<Published>> byCountry = new LinkedHashMap<>();
        rows.forEach(row -> byCountry.computeIfAbsent(row.text("country"), c -> new ArrayList<>()).add(row));
        Set<String> own = new TreeSet<>(byCountry.keySet());
        own.remove(PublicSite.OTHER);
        Set<String> merged = new TreeSet<>(countries.keySet());
        merged.removeAll(own);
        countries.forEach((name, members) -> assertTrue(members >= k() || merged.contains(name),
                chart + ": " + name + " has " + members + " members, under k, but is published"));
        assertEquals(!merged.isEmpty(), byCountry.containsKey(PublicSite.OTHER), chart + ": countries merged into Other " + merged);
        byCountry.forEach((label, countryRows) -> {
            Set<String> in = label.equals(PublicSite.OTHER) ? merged : Set.of(label);
            assertTrue(countries.keySet().containsAll(in), chart + ": no country " + label + " in the file");
            List<M> inCountry = counted.stream().filter(m -> in.contains(country.apply(m))).toList();
            Map<String, Group> within = groups(RawFile.count(inCountry, seriesOf));
            Map<Published, Set<String>> stands = SmallGroups.assertMerged(chart + ", " + label, countryRows, series, "members", null, within, k());
            stands.forEach((row, names) -> assertClose((double) total(within, names) / inCountry.size(), row.number("share"),
                    chart + ", " + label + ", " + row.text(series) + " share"));
        });
        Map<String, Long> perSeries = RawFile.count(counted, seriesOf);
        perSeries.forEach((name, members) -> {
            double shown = rows.stream().filter(r -> r.text(series).equals(name)).mapToDouble(r -> r.number("members")).sum();
            double hidden = members - shown;
            assertTrue(hidden == 0 || hidden >= k(), chart + ": " + name + " across countries has " + hidden + " members merged away, under k");
        });
        return byCountry;
    }

    /** The country pages: one per published country, each with its facet of the cross-tab. */
    void assertCountryFacets(String facetChart, Map<String, List<Published>> crossTab, String series) {
        crossTab.forEach((country, rows) -> {
            if (country.equals(PublicSite.OTHER)) {
                return;
            }
            String page = "country-" + PublicSite.slug(country) + ".html";
            assertTrue(site().exists(page), "no country page " + page);
            assertTrue(site().pageText(page).contains(country), page);
            List<Published> facet = site().csv(facetChart, source(), country);
            assertEquals(cells(rows, series), cells(facet, series), facetChart + " of " + country);
        });
    }

    private static List<List<Object>> cells(List<Published> rows, String series) {
        return rows.stream().map(r -> List.<Object>of(r.text("country"), r.text(series), r.number("members"), r.number("share"))).toList();
    }

    /** Members by the hours the file gives, in the bands the report publishes them in (small bands hidden). */
    void assertHoursDistribution(Function<M, Double> hours) {
        Function<Double, String> band = hoursBands(members(), hours, m -> null, k());
        Map<String, Group> truth = groupsBy(m -> hours.apply(m) == null ? null : band.apply(hours.apply(m)));
        SmallGroups.assertHidden("watch-time-distribution", csv("watch-time-distribution"), "hours_watched", "members", null, truth, k());
    }

    private static final List<String> HOURS_BANDS = List.of("none", "under 5", "5–10", "10–25", "25–50", "50–100", "100–250", "250–500",
            "500–1,000", "1,000+");
    private static final List<String> OPEN_BANDS = List.of("over 0", "5+", "10+", "25+", "50+", "100+", "250+", "500+");
    private static final int TOP = HOURS_BANDS.size() - 1;

    /** A number of hours' fixed band: 0 none, 1 under 5, 2 5–10, ..., 9 1,000+. */
    static int hoursBucket(double hours) {
        if (hours == 0) {
            return 0;
        }
        double[] below = {5, 10, 25, 50, 100, 250, 500, 1000};
        for (int bucket = 0; bucket < below.length; bucket++) {
            if (hours < below[bucket]) {
                return bucket + 1;
            }
        }
        return TOP;
    }

    /**
     * The band each number of hours is published in: the fixed bands, the top ones merged into one open band ("10+")
     * down to the highest edge at which the members above it, and each band below it, are 0 or at least k (and so are
     * their churners and those who stayed, where {@code churned} says), if such an edge merges anyone.
     */
    static <T> Function<Double, String> hoursBands(List<T> members, Function<T, Double> hours, Function<T, Boolean> churned, int k) {
        long[][] counts = new long[TOP + 1][3];
        for (T member : members) {
            if (hours.apply(member) != null) {
                long[] bucket = counts[hoursBucket(hours.apply(member))];
                bucket[0]++;
                Boolean left = churned.apply(member);
                if (left != null) {
                    bucket[left ? 1 : 2]++;
                }
            }
        }
        int merged = openFrom(counts, 1, k);
        return h -> {
            int bucket = hoursBucket(h);
            return bucket >= merged ? OPEN_BANDS.get(merged - 1) : HOURS_BANDS.get(bucket);
        };
    }

    /**
     * The quarter of members with hours who watched most (the first quarter, rounded up, by hours): how many, the fewest
     * hours among them and their share of all hours, shown only when the quarter and the rest each reach k.
     */
    void assertHeavyWatchers(Function<M, Double> hours) {
        List<Double> watched = members().stream().map(hours).filter(h -> h != null && h > 0).sorted(java.util.Comparator.reverseOrder()).toList();
        int viewers = watched.size();
        int heavy = (viewers + 3) / 4;
        double total = watched.stream().mapToDouble(Double::doubleValue).sum();
        double heavyHours = watched.subList(0, heavy).stream().mapToDouble(Double::doubleValue).sum();
        List<Published> rows = csv("watch-time-heavy-watchers");
        assertEquals(1, rows.size(), rows.toString());
        Published row = rows.get(0);
        assertClose(viewers, row.number("viewers"), "viewers");
        assertClose(total, row.number("total_hours"), "total hours");
        assertClose(total / viewers, row.number("hours_per_viewer"), "hours per viewer");
        assertClose(heavy, row.number("heavy_viewers"), "heavy viewers: the top quarter");
        if (heavy >= k() && viewers - heavy >= k()) {
            assertClose(heavyHours / total, row.number("heavy_share"), "the heavy quarter's share of hours");
            // The page's opening says it of the first two files that give hours: a member-level file has no other
            // words on watch time.
            List<String> files = site().csv("watch-time-heavy-watchers").stream().map(r -> r.text("source")).toList();
            String share = Formats.percent(heavyHours / total);
            String sentence = switch (files.indexOf(source())) {
                case 0 -> "The quarter who watched most account for " + share + " of those hours.";
                case 1 -> "The quarter of them who watched most account for " + share + " of their hours.";
                default -> "";
            };
            String page = site().pageText("watch-time.html");
            // A report of one file names it once, on its Data and About pages, not before each figure.
            String opening = site().files().size() == 1 ? "The " : "In " + source() + ", the ";
            assertTrue(files.indexOf(source()) > 1 || page.contains(opening) && page.contains(sentence),
                    opening + "... " + sentence + " in " + page);
        } else {
            RawFile.assertBlank(row.number("heavy_share"), "a heavy quarter or rest under k");
        }
    }

    /** Hours per member by the favourite genre the file gives (small genres merged). */
    void assertHoursByFavouriteGenre(Function<M, String> genre, Function<M, Double> hours) {
        Function<M, String> key = m -> hours.apply(m) == null ? null : genre.apply(m);
        Map<Published, Set<String>> rows = SmallGroups.assertMerged("watch-time-favourite-genres", csv("watch-time-favourite-genres"),
                "favourite_genre", "members", null, groupsBy(key), k());
        rows.forEach((row, genres) -> {
            List<M> in = members().stream().filter(m -> genres.contains(key.apply(m))).toList();
            double sum = in.stream().mapToDouble(hours::apply).sum();
            assertClose(sum, row.number("watch_hours"), "watch hours of " + genres);
            assertClose(sum / in.size(), row.number("hours_per_member"), "hours per member of " + genres);
        });
    }

    /** Hours per member by age band (small bands hidden). */
    void assertHoursByAgeBand(Function<M, Integer> age, Function<M, Double> hours) {
        Function<M, String> key = m -> hours.apply(m) == null ? null : RawFile.ageBand(age.apply(m));
        Map<Published, Set<String>> rows = SmallGroups.assertHidden("watch-time-by-age", csv("watch-time-by-age"), "age_band", "members",
                null, groupsBy(key), k());
        rows.forEach((row, bands) -> {
            List<M> in = members().stream().filter(m -> bands.contains(key.apply(m))).toList();
            assertClose(in.stream().mapToDouble(hours::apply).sum() / in.size(), row.number("hours_per_member"), "hours per member of " + bands);
        });
    }

    /** Members by days since their last activity, in the recency buckets (small buckets hidden), naming the activity. */
    void assertRecency(Function<M, Long> days, String activity) {
        List<Published> rows = csv("watch-time-recency");
        Function<Long, String> band = recencyBands(members().stream().map(days).filter(java.util.Objects::nonNull).toList(), k());
        SmallGroups.assertHidden("watch-time-recency", rows, "since_last_activity", "members", null,
                groupsBy(m -> days.apply(m) == null ? null : band.apply(days.apply(m))), k());
        rows.forEach(row -> assertEquals(activity, row.text("last_activity"), "the activity the days count from"));
    }

    /**
     * The revenue page's narrative names the plan that brings this file the most MRR, with that MRR: in its first
     * sentence when the file is the first of the report's files, else in a sentence of its own ("In file, it is ...").
     */
    void assertTopPlanNamed(Function<M, String> plan, Function<M, Double> fee, java.util.function.Predicate<M> counted) {
        Map<String, Double> mrr = new TreeMap<>();
        members().stream().filter(counted).filter(m -> plan.apply(m) != null && fee.apply(m) != null)
                .forEach(m -> mrr.merge(plan.apply(m), fee.apply(m), Double::sum));
        Map.Entry<String, Double> top = mrr.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        String amount = Formats.compact(published(top.getValue()), dev.marquee.format.Unit.USD);
        String page = site().pageText("revenue.html").replaceAll("\\s+", " ");
        String first = top.getKey() + " brings the most recurring revenue of any plan, " + amount
                + (site().files().size() == 1 ? "." : " (source: " + source() + ").");
        String other = "In " + source() + ", it is " + top.getKey() + ", with " + amount + ".";
        assertTrue(page.contains(first) || page.contains(other), "'" + first + "' or '" + other + "' in " + page);
    }

    private static final List<String> RECENCY_BANDS = List.of("0–6 days", "7–14 days", "15–30 days", "31–60 days", "61+ days");
    private static final List<String> OPEN_RECENCY_BANDS = List.of("0+ days", "7+ days", "15+ days", "31+ days");
    private static final long[] RECENCY_EDGES = {7, 15, 31, 61};

    /**
     * The band each number of days since the last activity is published in: the fixed bands, the longest merged into one
     * open band ("15+ days") down to the highest edge at which the members at and beyond it are at least k and each band
     * before it 0 or at least k, if such an edge merges anyone.
     */
    static Function<Long, String> recencyBands(List<Long> days, int k) {
        long[][] counts = new long[RECENCY_BANDS.size()][1];
        days.forEach(d -> counts[recencyBucket(d)][0]++);
        int open = openFrom(counts, 0, k);
        return d -> {
            int bucket = recencyBucket(d);
            return bucket >= open ? OPEN_RECENCY_BANDS.get(open) : RECENCY_BANDS.get(bucket);
        };
    }

    /**
     * The band from which ordered bands merge into one open band: the highest edge at which the members at and beyond it
     * ({@code counts[b][0]}) are at least k, each of their parts (the other columns) 0 or at least k, and every band from
     * {@code first} before it 0 or at least k in each column; {@code counts.length} where no edge fits or the one that
     * fits has nobody beyond its band to merge.
     */
    static int openFrom(long[][] counts, int first, int k) {
        java.util.function.LongPredicate ok = n -> n == 0 || n >= k;
        int last = first;
        for (int b = first; b < counts.length; b++) {
            if (counts[b][0] > 0) {
                last = b;
            }
        }
        for (int b = last; b >= 1; b--) {
            long[] beyond = new long[counts[0].length];
            for (int at = b; at < counts.length; at++) {
                for (int i = 0; i < beyond.length; i++) {
                    beyond[i] += counts[at][i];
                }
            }
            boolean before = true;
            for (int under = first; under < b; under++) {
                before &= java.util.Arrays.stream(counts[under]).allMatch(ok::test);
            }
            if (beyond[0] >= k && java.util.Arrays.stream(beyond).allMatch(ok::test) && before) {
                return b == last ? counts.length : b;
            }
        }
        return counts.length;
    }

    private static int recencyBucket(long days) {
        for (int bucket = 0; bucket < RECENCY_EDGES.length; bucket++) {
            if (days < RECENCY_EDGES[bucket]) {
                return bucket;
            }
        }
        return 4;
    }

    static long total(Map<String, Group> truth, Set<String> names) {
        return names.stream().mapToLong(n -> truth.get(n).members()).sum();
    }
}
