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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A reader who works out hidden figures by any sum and difference of published ones, over the families of figures
 * the whole report and every slice of the sample publish:
 * <ul>
 *   <li>the current members by region, by country, by plan, plans within countries, the revenue's members by country
 *       and by plan, the members at risk by region and the expected churners by region; a region's countries no table names;</li>
 *   <li>the members by main device within countries;</li>
 *   <li>the members at each month's end by country (the country trend; the subscribers, MRR's members and the
 *       forecasts' actuals in all; the active members KPI, a month and a year before; the current members are the
 *       as-of month's);</li>
 *   <li>the churn (members at a month's start and churners) by region each month, by region and by country in the
 *       as-of month, with each rate times its members;</li>
 *   <li>the current members by age band, and by gender; the members by hours watched, by last watched, by age band
 *       (with their hours) and by favourite genre;</li>
 *   <li>the signups per month, with their running totals, their seasonality (each month of the year over the years),
 *       the forecast's actuals and the new signups KPI, a month and a year before;</li>
 *   <li>the viewers of each device (within countries and in all), of each month, of each type and each top title;
 *       the viewers in all, beside their favourite genres; the raters of each genre and of each score; the payers of
 *       each month;</li>
 *   <li>the retention curve (the members who reached each month after signup, and those of them still subscribed) and
 *       the cohorts (members and retained, each signup month and months after), with those who left.</li>
 * </ul>
 * Each family is a set of linear equations over the smallest groups its figures are made of (one slice's members of
 * one country on one plan, device or month), solved together (a family by month, a month at a time: no figure adds
 * two months up). A group that a combination of published figures gives exactly, and that holds between 1 and k-1
 * members, is a leak, reported with the figures that give it.
 *
 * <p>This reader knows what any reader of the site knows: the regions table (a region's row is its countries' rows added
 * up, and an "Other (small groups)" row is the values its table, or its line, does not name), which values of the
 * dimension have members (a country's slice holds members of its country only), a share beside a figure (the figure
 * over its share is its table's total, or its country's in a cross-tab). {@link DifferencingTest} subtracts row by
 * row; this solves every equation at once. It found, before the rules that now prevent them (docs/SECURITY.md): in the
 * whole report alone, Poland's 5 Premium members (its Basic ones, hidden alone among the Basic members of every
 * country, were the plan's total minus the rest) and Kenya's 2 (Nigeria and South Africa, 31 members each, were each
 * merged by one table and named by another); sliced by region, Middle East &amp; Africa's 8 churners twice (the whole's
 * "Other (small groups)" region row minus the Asia-Pacific slice's row, and then minus the same figures in that slice's
 * monthly churn's December); sliced by plan, the Premium members of four countries (each country's total minus its
 * Basic and Standard slices' rows, shown in plans within countries); sliced by country, Kenya's 2 and Portugal's 1
 * again (withheld countries, the only ones of their region), and Poland's 5 Premium members through the Netherlands
 * slice's plans, which the whole report merged, and again through its expected churners by region and plan. Sliced by
 * plan, a plan's members in Europe's countries that no table names (the plan's slice's members by region less the
 * whole report's plans within countries), and, once those countries were merged, Colombia's and Poland's 5 Premium
 * members (the whole report's members at the as-of month's end by country, which still named them, less the Basic and
 * Standard slices' members by country). In the signups, months hidden in one slice to protect another's were given back by that slice's running totals (Middle
 * East &amp; Africa's 1, 1, 3 and 5 signups in four months), its seasonality (Premium's 9 in June 2022) and the
 * outlook's new signups, which hid its own months only (Canada's 4 and 5, France's 7, Germany's 7, Mexico's 9 and 7).
 */
class SubtractionAuditTest {

    private static final int K = 10;
    private static final String OTHER = "Other (small groups)";

    /**
     * A family of results counting the same members (each file's column of them), by region and country on one axis
     * (unless {@code byCountry} is false: its figures are the slices' alone) and by {@code second} (plan, main device,
     * month, age band, gender) on the other. A file without the second axis counts every value of it, or with
     * {@code latestWithout}, the latest month only (the current members are the last month's). A {@code separable}
     * family is solved a month at a time: none of its figures adds two months up. {@code kpi} names the overview's
     * figure of the same members (by month: on the as-of date, a month and a year before; else on the as-of date, all
     * of them); {@code running}, a column that is the running total of the measure over the months.
     */
    private record Family(String name, List<String> files, List<String> measures, String second, boolean latestWithout,
                          String kpi, boolean separable, boolean byCountry, String running) {
        boolean byMonth() {
            return second.equals("month");
        }
    }

    private static final String ALL_COUNTRIES = "(every country)";

    /**
     * Rows keyed by two columns, read as one column of both values (see {@link #parse}): a cohort's cell (signup month
     * × months after), a pair of titles watched by the same members, a pair of genres.
     */
    private static final List<List<String>> PAIRS = List.of(List.of("cohort", "after"), List.of("watched", "also_watched"),
            List.of("genre_a", "genre_b"));

    private static final List<Family> FAMILIES = List.of(
            new Family("current members", List.of("members-regions.csv", "members-countries.csv", "members-plans.csv",
                    "plans-devices-country-plans.csv", "revenue-by-country.csv", "revenue-by-plan.csv", "churn-at-risk.csv",
                    "churn-expected-churners.csv", "outlook-expected-churners.csv", "members-sources.csv"), List.of("members"), "plan",
                    false, "active_members", false, true, null),
            new Family("members by main device", List.of("plans-devices-main-device-by-country.csv",
                    "plans-devices-country-main-devices.csv"), List.of("members"), "device", false, null, false, true, null),
            new Family("members by month", List.of("churn-country-trend.csv", "members-regions.csv", "members-countries.csv",
                    "members-plans.csv", "revenue-mrr.csv", "revenue-arpu.csv", "signups-subscribers.csv", "signups-growth.csv",
                    "outlook-active-forecast.csv", "signups-members-forecast.csv", "churn-at-risk.csv"),
                    List.of("members"), "month", true, "active_members", true, true, null),
            new Family("churn", List.of("churn-by-region.csv", "churn-by-country.csv", "churn-monthly-by-region.csv"),
                    List.of("active_at_start", "churners"), "month", true, null, true, true, null),
            new Family("members by age band", List.of("members-age-bands.csv"), List.of("members"), "age_band", false,
                    "active_members", false, false, null),
            // Members whose gender is not given are in no row: the gender's total is not the active members.
            new Family("members by gender", List.of("members-gender.csv"), List.of("members"), "gender", false,
                    null, false, false, null),
            new Family("members by hours watched", List.of("watch-time-distribution.csv"), List.of("members"), "hours_watched",
                    false, null, false, false, null),
            new Family("members by last watched", List.of("watch-time-recency.csv"), List.of("members"), "since_last_activity",
                    false, null, false, false, null),
            // Every viewer has one favourite genre: the genres add up to the viewers.
            new Family("viewers by favourite genre", List.of("watch-time-favourite-genres.csv", "watch-time-summary.csv",
                    "watch-time-heavy-watchers.csv"), List.of("viewers"),
                    "favourite_genre", false, null, false, false, null),
            new Family("members by age band, with their hours", List.of("watch-time-by-age.csv"), List.of("members"), "age_band",
                    false, null, false, false, null),
            // The new signups KPI counts the month to the as-of day: with the sample's as-of date, a month's end, whole months.
            new Family("signups", List.of("signups-monthly.csv", "signups-cumulative.csv", "signups-seasonality.csv",
                    "signups-signups-forecast.csv"), List.of("signups"), "month", false, "new_signups", false, false,
                    "cumulative_signups"),
            // A member who watched on two devices is a viewer of each: no figure adds devices up, each is its own system.
            new Family("viewers of each device", List.of("plans-devices-device-by-country.csv", "plans-devices-country-devices.csv",
                    "watch-time-by-device.csv"), List.of("viewers"), "device", false, null, true, true, null),
            new Family("viewers of each month", List.of("watch-time-monthly-hours.csv"), List.of("viewers"), "month", false,
                    null, true, false, null),
            new Family("viewers of each type", List.of("watch-time-completion.csv", "top-titles-by-type.csv"), List.of("viewers"),
                    "type", false, null, true, false, null),
            new Family("viewers of each title", List.of("top-titles-by-hours.csv", "top-titles-by-completion.csv"),
                    List.of("viewers"), "title", false, null, true, false, null),
            new Family("raters of each genre", List.of("genre-ratings-by-genre.csv", "genre-ratings-lowest.csv"),
                    List.of("raters"), "genre", false, null, true, false, null),
            new Family("raters of each score", List.of("genre-ratings-distribution.csv"), List.of("raters"), "score", false,
                    null, true, false, null),
            // A month after signup counts the members who have reached it: no figure adds two such months up.
            new Family("retention", List.of("churn-retention.csv"), List.of("members", "retained_members"), "months_after_signup",
                    false, null, true, false, null),
            new Family("cohorts", List.of("churn-cohorts.csv"), List.of("members", "retained"), "cohort, after", false, null, true,
                    false, null),
            new Family("viewers of each pair of titles", List.of("outlook-co-viewing.csv"), List.of("shared_viewers"),
                    "watched, also_watched", false, null, true, false, null),
            new Family("viewers of each pair of genres", List.of("outlook-genre-affinity.csv"), List.of("members"),
                    "genre_a, genre_b", false, null, true, false, null),
            new Family("payers of each month", List.of("revenue-collected.csv"), List.of("payers"), "month", false, null,
                    true, false, null));

    /** The names a measure's column has in the files, with or without its unit, the first found counts; else its own. */
    private static final Map<String, List<String>> COLUMNS = Map.of(
            "members", List.of("members", "active_members", "subscribers", "actual"),
            "signups", List.of("signups", "actual"),
            "viewers", List.of("viewers", "members"));

    /** Measures whose rows' share is of something else: a device's share is of the hours watched, a score's of the ratings. */
    private static final Set<String> SHARE_OF_ANOTHER = Set.of("viewers", "raters");

    @ParameterizedTest
    @ValueSource(strings = {"none", "region", "plan", "country"})
    void noGroupUnderK_isGivenByAnySumOrDifferenceOfPublishedFigures(String dimension) throws IOException {
        // "none": the report without slices, whose results protect one another only (a slice's run hides more).
        Path site = dimension.equals("none") ? Fixtures.sampleSite() : Fixtures.slicedSample(dimension);
        Map<String, String> regionOf = regions();
        List<String> everyCountry = new ArrayList<>(new TreeSet<>(regionOf.keySet()));
        List<String> slices = sliceValues(site, dimension, regionOf);
        Set<String> regionNames = new TreeSet<>(regionOf.values());
        List<String> found = new ArrayList<>();
        Map<String, Integer> determined = new TreeMap<>();
        for (Family family : FAMILIES) {
            List<String> countries = family.byCountry() ? everyCountry : List.of(ALL_COUNTRIES);
            List<String> values = secondValues(family, site, slices);
            String latest = values.get(values.size() - 1);
            // A family by month: a system of its own for each month; else one system for all the values.
            for (List<String> solvedTogether : family.separable() ? values.stream().map(List::of).toList() : List.of(values)) {
                // One unknown per measure, slice, country and value of the second axis that slice can have members of.
                Map<List<String>, Integer> unknowns = new LinkedHashMap<>();
                for (String measure : family.measures()) {
                    for (String slice : slices) {
                        for (String country : countries) {
                            for (String value : solvedTogether) {
                                if (possible(dimension, family.second(), slice, country, value, regionOf)) {
                                    unknowns.put(List.of(measure, slice, country, value), unknowns.size());
                                }
                            }
                        }
                    }
                }
                Axes axes = new Axes(countries, family.second(), values, family.latestWithout() ? List.of(latest) : values);
                Equations equations = new Equations(unknowns.size());
                for (String who : withWhole(slices, site)) {
                    Path folder = who.isEmpty() ? site : site.resolve("slices").resolve(who);
                    List<String> scope = who.isEmpty() ? slices : List.of(who);
                    for (String file : family.files()) {
                        List<CSVRecord> rows = read(folder.resolve("csv").resolve(file));
                        for (CSVRecord row : rows) {
                            Cells cells = cells(row, rows, axes, regionOf);
                            String named = (who.isEmpty() ? "" : who + " ") + file + " " + row.toMap().values();
                            for (String measure : family.measures()) {
                                Optional<String> column = column(row, measure);
                                if (column.isEmpty()) {
                                    continue;
                                }
                                String figure = row.get(column.get());
                                String where = named + " " + measure;
                                equations.add(vector(unknowns, measure, scope, cells, solvedTogether), figure, where);
                                String share = SHARE_OF_ANOTHER.contains(measure) ? "" : row.isMapped("share") ? row.get("share") : row.isMapped("share (ratio)") ? row.get("share (ratio)") : "";
                                if (!share.isEmpty() && !figure.isEmpty() && Double.parseDouble(share) > 0) {
                                    // The share's total: the table's (its month's), or in a cross-tab, the country's.
                                    Cells base = row.isMapped("country") && row.isMapped(family.second())
                                            ? cells.withAll(values) : cells.withCountries(countries);
                                    equations.add(vector(unknowns, measure, scope, base, solvedTogether),
                                            String.valueOf(Math.round(Double.parseDouble(figure) / Double.parseDouble(share))), where + " over its share");
                                }
                            }
                            runningTotal(row, family, values).ifPresent(total -> equations.add(vector(unknowns, family.measures().get(0),
                                    scope, total.getKey(), solvedTogether), total.getValue(), named + " running total"));
                            rateTimesBase(row, family).ifPresent(churners ->
                                    equations.add(vector(unknowns, family.measures().get(1), scope, cells, solvedTogether), churners,
                                            named + " rate × members"));
                        }
                    }
                    if (family.kpi() != null) {
                        Map<String, String> active = kpi(folder.resolve("metrics.json"), family.kpi());
                        if (!family.byMonth()) {
                            equations.add(vector(unknowns, family.measures().get(0), scope, new Cells(countries, values), solvedTogether),
                                    active.getOrDefault("value", ""), who + " " + family.kpi() + " KPI");
                        } else {
                            // On the as-of date (a month's end), and the same day a month and a year earlier.
                            LocalDate last = LocalDate.parse(latest);
                            for (var kpi : Map.of("value", last, "previous_month", last.minusMonths(1), "year_ago", last.minusYears(1)).entrySet()) {
                                equations.add(vector(unknowns, family.measures().get(0), scope, new Cells(countries, List.of(kpi.getValue().toString())),
                                        solvedTogether), active.getOrDefault(kpi.getKey(), ""), who + " " + family.kpi() + " KPI " + kpi.getKey());
                            }
                        }
                    }
                }
                Map<String, double[]> groups = groups(family, slices, countries, solvedTogether, regionOf, regionNames, unknowns);
                unnamedInRegions(family, site, slices, countries, solvedTogether, regionOf, regionNames, unknowns, groups);
                for (Map.Entry<String, double[]> group : groups.entrySet()) {
                    if (java.util.Arrays.stream(group.getValue()).allMatch(v -> v == 0)) {
                        continue;
                    }
                    var value = equations.solve(group.getValue());
                    if (value.isPresent()) {
                        determined.merge(family.name(), 1, Integer::sum);
                        if (value.get().value() > 0.5 && value.get().value() < K - 0.5) {
                            found.add(group.getKey() + " = " + Math.round(value.get().value()) + ", by" + value.get().how());
                        }
                    }
                }
            }
        }
        // Without slices there are fewer groups to look for (no slice's own): fewer are given exactly.
        int least = dimension.equals("none") ? 5 : 20;
        for (Family family : FAMILIES) {
            assertTrue(determined.getOrDefault(family.name(), 0) > least, "groups of " + family.name() + " the published figures give "
                    + "exactly: " + determined);
        }
        assertEquals(List.of(), found, "groups under " + K + " that published figures give, sliced by " + dimension);
    }

    /**
     * A region's countries that none of the family's tables name (those in its "Other (small groups)" rows), per value
     * of the second axis and in all: a region's total less its named countries gives them together.
     */
    private static void unnamedInRegions(Family family, Path site, List<String> slices, List<String> countries, List<String> values,
                                         Map<String, String> regionOf, Set<String> regionNames,
                                         Map<List<String>, Integer> unknowns, Map<String, double[]> groups) throws IOException {
        if (!family.byCountry()) {
            return;
        }
        Set<String> named = new TreeSet<>();
        for (String file : family.files()) {
            for (CSVRecord row : read(site.resolve("csv").resolve(file))) {
                if (row.isMapped("country")) {
                    named.add(row.get("country"));
                }
            }
        }
        String in = values.size() == 1 ? " (" + values.get(0) + ")" : "";
        for (String measure : family.measures()) {
            for (String region : regionNames) {
                List<String> unnamed = inRegion(countries, regionOf, region).stream().filter(c -> !named.contains(c)).toList();
                if (unnamed.isEmpty() || unnamed.size() == inRegion(countries, regionOf, region).size()) {
                    continue;
                }
                String name = family.name() + in + " " + measure + ": " + region + "'s countries not named";
                groups.put(name, vector(unknowns, measure, slices, new Cells(unnamed, values), values));
                for (String value : values) {
                    groups.put(name + ", " + value, vector(unknowns, measure, slices, new Cells(unnamed, List.of(value)), values));
                }
            }
        }
    }

    /**
     * The groups a reader would look for: each slice's members of a country, of a region, of a value of the second
     * axis and of a country's or region's value; each country's across slices; and (for churn) those who stayed beside
     * the churners.
     */
    private static Map<String, double[]> groups(Family family, List<String> slices, List<String> countries, List<String> values,
                                                Map<String, String> regionOf, Set<String> regionNames,
                                                Map<List<String>, Integer> unknowns) {
        Map<String, double[]> groups = new TreeMap<>();
        String in = values.size() == 1 ? " (" + values.get(0) + ")" : "";
        for (String measure : family.measures()) {
            String name = family.name() + in + " " + measure + ": ";
            for (String slice : slices) {
                List<String> one = List.of(slice);
                for (String country : countries) {
                    groups.put(name + "slice " + slice + ", " + country, vector(unknowns, measure, one, new Cells(List.of(country), values), values));
                    for (String value : values) {
                        groups.put(name + "slice " + slice + ", " + country + " " + value,
                                vector(unknowns, measure, one, new Cells(List.of(country), List.of(value)), values));
                    }
                }
                for (String region : family.byCountry() ? regionNames : Set.<String>of()) {
                    Cells all = new Cells(inRegion(countries, regionOf, region), values);
                    groups.put(name + "slice " + slice + ", " + region, vector(unknowns, measure, one, all, values));
                    for (String value : values) {
                        groups.put(name + "slice " + slice + ", " + region + " " + value,
                                vector(unknowns, measure, one, new Cells(all.countries(), List.of(value)), values));
                    }
                }
                for (String value : values) {
                    groups.put(name + "slice " + slice + ", " + value, vector(unknowns, measure, one, new Cells(countries, List.of(value)), values));
                }
            }
            for (String country : countries) {
                groups.put(name + country, vector(unknowns, measure, slices, new Cells(List.of(country), values), values));
                for (String value : values) {
                    groups.put(name + country + " " + value, vector(unknowns, measure, slices, new Cells(List.of(country), List.of(value)), values));
                }
            }
        }
        if (family.measures().size() == 2) {
            // Those counted by the first measure and not the second: who stayed beside the churners, who left a cohort.
            String first = family.measures().get(0);
            String second = family.measures().get(1);
            Map<String, Cells> where = new LinkedHashMap<>();
            where.put("", new Cells(countries, values));
            for (String value : values.size() > 1 ? values : List.<String>of()) {
                where.put(" " + value, new Cells(countries, List.of(value)));
            }
            for (String region : family.byCountry() ? regionNames : Set.<String>of()) {
                where.put(" " + region, new Cells(inRegion(countries, regionOf, region), values));
            }
            String name = family.name() + in + " " + first + " but not " + second + ":";
            for (Map.Entry<String, Cells> cells : where.entrySet()) {
                groups.put(name + " every slice" + cells.getKey(), difference(vector(unknowns, first, slices, cells.getValue(), values),
                        vector(unknowns, second, slices, cells.getValue(), values)));
                for (String slice : slices) {
                    groups.put(name + " slice " + slice + "," + cells.getKey(), difference(
                            vector(unknowns, first, List.of(slice), cells.getValue(), values),
                            vector(unknowns, second, List.of(slice), cells.getValue(), values)));
                }
            }
        }
        return groups;
    }

    private static double[] difference(double[] minuend, double[] subtrahend) {
        double[] difference = minuend.clone();
        for (int i = 0; i < difference.length; i++) {
            difference[i] -= subtrahend[i];
        }
        return difference;
    }

    /** The countries and values of the second axis a figure adds up. */
    private record Cells(List<String> countries, List<String> values) {
        Cells withAll(List<String> all) {
            return new Cells(countries, all);
        }

        Cells withCountries(List<String> all) {
            return new Cells(all, values);
        }
    }

    /**
     * The family's axes: every country; the second axis's column, its values, and what a row without that column
     * counts.
     */
    private record Axes(List<String> countries, String second, List<String> values, List<String> without) {
    }

    /**
     * What a row adds up: its region's countries, its country, its value of the second axis; "Other (small groups)" the
     * values its table does not name, in its line: a cross-tab's line is its country (or region), a month's its month.
     */
    private static Cells cells(CSVRecord row, List<CSVRecord> rows, Axes axes, Map<String, String> regionOf) {
        boolean byMonth = axes.second().equals("month") && row.isMapped("month");
        java.util.function.Predicate<CSVRecord> sameMonth = r -> !byMonth || r.get("month").equals(row.get("month"));
        List<String> in = axes.countries();
        for (String column : List.of("region", "country")) {
            if (row.isMapped(column)) {
                Set<String> named = named(rows, column, sameMonth);
                String value = row.get(column);
                java.util.function.Function<String, String> of = column.equals("region") ? regionOf::get : c -> c;
                in = axes.countries().stream().filter(c -> value.equals(OTHER) ? !named.contains(of.apply(c)) : of.apply(c).equals(value)).toList();
            }
        }
        List<String> of = axes.without();
        if (axes.second().equals("month") && !row.isMapped("month") && row.isMapped("month_number")) {
            // A month of the year: every year's.
            int number = Integer.parseInt(row.get("month_number"));
            of = axes.values().stream().filter(m -> LocalDate.parse(m).getMonthValue() == number).toList();
        } else if (row.isMapped(axes.second())) {
            String line = row.isMapped("country") ? "country" : row.isMapped("region") ? "region" : null;
            Set<String> named = named(rows, axes.second(), r -> byMonth || line == null || r.get(line).equals(row.get(line)));
            String value = row.get(axes.second());
            java.util.function.Predicate<String> holds = value.equals(OTHER) ? p -> !named.contains(p)
                    : openBand(value).orElse(p -> p.equals(value));
            of = axes.values().stream().filter(holds).toList();
        }
        return new Cells(in, of);
    }

    private static Set<String> named(List<CSVRecord> rows, String column, java.util.function.Predicate<CSVRecord> line) {
        Set<String> named = new TreeSet<>();
        rows.stream().filter(line).forEach(r -> named.add(r.get(column)));
        named.remove(OTHER);
        return named;
    }

    /** A measure's column in a row: one of its names, with or without its unit ("mrr (USD)"). */
    private static Optional<String> column(CSVRecord row, String measure) {
        for (String name : COLUMNS.getOrDefault(measure, List.of(measure))) {
            for (String column : row.getParser().getHeaderNames()) {
                if (column.equals(name) || column.startsWith(name + " (")) {
                    return Optional.of(column);
                }
            }
        }
        return Optional.empty();
    }

    /** A running total's row: the months up to its own, and the total. */
    private static Optional<Map.Entry<Cells, String>> runningTotal(CSVRecord row, Family family, List<String> months) {
        if (family.running() == null || !row.isMapped("month")) {
            return Optional.empty();
        }
        Optional<String> column = row.getParser().getHeaderNames().stream()
                .filter(c -> c.equals(family.running()) || c.startsWith(family.running() + " (")).findFirst();
        if (column.isEmpty() || row.get(column.get()).isEmpty()) {
            return Optional.empty();
        }
        List<String> upTo = months.stream().filter(m -> m.compareTo(row.get("month")) <= 0).toList();
        return Optional.of(Map.entry(new Cells(List.of(ALL_COUNTRIES), upTo), row.get(column.get())));
    }

    /** A churn rate beside the members active at the start is the churners over them: the churners, rounded. */
    private static Optional<String> rateTimesBase(CSVRecord row, Family family) {
        if (family.measures().size() != 2 || !row.isMapped("churn_rate (ratio)")) {
            return Optional.empty();
        }
        String rate = row.get("churn_rate (ratio)");
        String base = row.get("active_at_start");
        return rate.isEmpty() || base.isEmpty() ? Optional.empty()
                : Optional.of(String.valueOf(Math.round(Double.parseDouble(rate) * Double.parseDouble(base))));
    }

    /**
     * The second axis's values: the plans or devices the raw files have, or the months the family's files name in the
     * whole report and its slices, oldest first.
     */
    private static List<String> secondValues(Family family, Path site, List<String> slices) throws IOException {
        return switch (family.second()) {
            case "plan" -> plans();
            case "device" -> {
                Set<String> devices = new TreeSet<>();
                gzipped("viewing_sessions.csv.gz").forEach(v -> devices.add(v.get("device")));
                yield new ArrayList<>(devices);
            }
            case "month" -> {
                Set<String> months = new TreeSet<>();
                for (String who : withWhole(slices, site)) {
                    Path folder = who.isEmpty() ? site : site.resolve("slices").resolve(who);
                    for (String file : family.files()) {
                        // A forecast's months to come count nobody yet.
                        read(folder.resolve("csv").resolve(file)).stream().filter(r -> r.isMapped("month") && family.measures().stream()
                                .anyMatch(m -> column(r, m).map(c -> !r.get(c).isEmpty()).orElse(false)))
                                .forEach(r -> months.add(r.get("month")));
                    }
                }
                yield new ArrayList<>(months);
            }
            default -> {
                Set<String> named = new TreeSet<>();
                for (String who : withWhole(slices, site)) {
                    Path folder = who.isEmpty() ? site : site.resolve("slices").resolve(who);
                    for (String file : family.files()) {
                        read(folder.resolve("csv").resolve(file)).stream().filter(r -> r.isMapped(family.second()))
                                .forEach(r -> named.add(r.get(family.second())));
                    }
                }
                named.remove(OTHER);
                named.removeIf(value -> openBand(value).isPresent());
                yield new ArrayList<>(named);
            }
        };
    }

    private static final Pattern OPEN_BAND = Pattern.compile("(\\d+)\\+|over (0)");
    private static final Pattern FIXED_BAND = Pattern.compile("([\\d,]+)(–[\\d,]+|\\+)");

    /**
     * A band of watch hours that merges the top ones ("25+", "over 0"): which of the fixed bands ("25–50", "1,000+") it
     * holds. Empty for a fixed band.
     */
    private static Optional<java.util.function.Predicate<String>> openBand(String label) {
        Matcher open = OPEN_BAND.matcher(label);
        if (!open.matches()) {
            return Optional.empty();
        }
        int from = Integer.parseInt(open.group(1) != null ? open.group(1) : open.group(2));
        return Optional.of(band -> {
            Matcher edge = FIXED_BAND.matcher(band);
            return edge.matches() ? Integer.parseInt(edge.group(1).replace(",", "")) >= from : band.equals("under 5") && from == 0;
        });
    }

    /** The plans the members have, in the raw files. */
    private static List<String> plans() throws IOException {
        Set<String> plans = new TreeSet<>();
        gzipped("users.csv.gz").forEach(u -> plans.add(u.get("plan")));
        gzipped("subscriptions.csv.gz").forEach(s -> plans.add(s.get("plan")));
        return new ArrayList<>(plans);
    }

    /** The whole report (""), then each published slice's folder. */
    private static List<String> withWhole(List<String> slices, Path site) {
        List<String> all = new ArrayList<>(List.of(""));
        slices.stream().filter(s -> Files.isDirectory(site.resolve("slices").resolve(s))).forEach(all::add);
        return all;
    }

    private static List<String> inRegion(List<String> countries, Map<String, String> regionOf, String region) {
        return countries.stream().filter(c -> regionOf.get(c).equals(region)).toList();
    }

    /** The unknowns {@code cells} adds up, over {@code slices}: an empty vector when it counts a value not in this system. */
    private static double[] vector(Map<List<String>, Integer> unknowns, String measure, List<String> slices, Cells cells,
                                   List<String> solvedTogether) {
        double[] vector = new double[unknowns.size()];
        if (!solvedTogether.containsAll(cells.values())) {
            return vector;
        }
        for (String slice : slices) {
            for (String country : cells.countries()) {
                for (String value : cells.values()) {
                    Integer at = unknowns.get(List.of(measure, slice, country, value));
                    if (at != null) {
                        vector[at] = 1;
                    }
                }
            }
        }
        return vector;
    }

    /**
     * The slices' folders: those published and those withheld, every value of the dimension that has members in the
     * raw files (a reader knows which countries and regions the service has members in). Sliced by plan, the published
     * ones: the reader is taken to know there are no others.
     */
    private static List<String> sliceValues(Path site, String dimension, Map<String, String> regionOf) throws IOException {
        Set<String> values = new TreeSet<>();
        if (dimension.equals("none")) {
            return List.of("all");
        }
        if (dimension.equals("plan")) {
            try (Stream<Path> folders = Files.list(site.resolve("slices"))) {
                folders.filter(Files::isDirectory).forEach(f -> values.add(f.getFileName().toString()));
            }
            return new ArrayList<>(values);
        }
        for (CSVRecord user : gzipped("users.csv.gz")) {
            String country = regionOf.containsKey(user.get("country")) ? user.get("country") : "Unknown";
            values.add(slug(dimension.equals("region") ? regionOf.get(country) : country));
        }
        return new ArrayList<>(values);
    }

    /** Whether a slice can have members of a country and a value of the second axis: a plan's slice, of its plan only. */
    private static boolean possible(String dimension, String second, String slice, String country, String value, Map<String, String> regionOf) {
        if (country.equals(ALL_COUNTRIES)) {
            return !dimension.equals("plan") || !second.equals("plan") || slug(value).equals(slice);
        }
        return switch (dimension) {
            case "region" -> slug(regionOf.get(country)).equals(slice);
            case "country" -> slug(country).equals(slice);
            case "none" -> true;
            default -> !second.equals("plan") || slug(value).equals(slice);
        };
    }

    private static String slug(String value) {
        return value.toLowerCase(Locale.ROOT).replace(" & ", "-").replace(' ', '-');
    }

    /** Each country of the regions table the generator ships, with its region; countries it lacks are "Unknown". */
    private static Map<String, String> regions() throws IOException {
        Map<String, String> regionOf = new HashMap<>();
        for (CSVRecord record : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(Fixtures.read(Fixtures.ROOT.resolve("generator/src/main/resources/model/regions.csv"))))) {
            regionOf.put(record.get("country"), record.get("region"));
        }
        regionOf.put("Unknown", "Unknown");
        return regionOf;
    }

    /** Each file read once: a family by month reads the same files for every month's system. */
    private static final Map<Path, List<CSVRecord>> READ = new java.util.concurrent.ConcurrentHashMap<>();

    private static List<CSVRecord> read(Path csv) throws IOException {
        List<CSVRecord> rows = READ.get(csv);
        if (rows == null) {
            rows = parse(csv);
            READ.put(csv, rows);
        }
        return rows;
    }

    private static List<CSVRecord> parse(Path csv) throws IOException {
        if (!Files.exists(csv)) {
            return List.of();
        }
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(Files.readString(csv))).getRecords().stream()
                .filter(r -> !r.isMapped("source") || r.get("source").equals("event files")).toList();
        Optional<List<String>> pair = PAIRS.stream().filter(p -> !rows.isEmpty() && p.stream().allMatch(rows.get(0)::isMapped)).findFirst();
        if (pair.isEmpty()) {
            return rows;
        }
        StringBuilder joined = new StringBuilder();
        try (var printer = new org.apache.commons.csv.CSVPrinter(joined, CSVFormat.DEFAULT)) {
            List<String> header = new ArrayList<>(List.of(String.join(", ", pair.get())));
            header.addAll(rows.get(0).getParser().getHeaderNames().stream().filter(h -> !pair.get().contains(h)).toList());
            printer.printRecord(header);
            for (CSVRecord row : rows) {
                List<String> values = new ArrayList<>(List.of(row.get(pair.get().get(0)) + " | " + row.get(pair.get().get(1))));
                header.subList(1, header.size()).forEach(h -> values.add(row.get(h)));
                printer.printRecord(values);
            }
        }
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(joined.toString())).getRecords();
    }

    /** An overview's KPI: on the as-of date, and a month and a year earlier. */
    private static Map<String, String> kpi(Path metrics, String id) throws IOException {
        Matcher kpi = Pattern.compile("\\{\"id\": \"" + id + "\"[^}]*}").matcher(Files.readString(metrics));
        Map<String, String> figures = new HashMap<>();
        if (kpi.find()) {
            Matcher figure = Pattern.compile("\"(value|previous_month|year_ago)\": ([^,}]+)").matcher(kpi.group());
            while (figure.find()) {
                if (!figure.group(2).equals("null")) {
                    figures.put(figure.group(1), figure.group(2));
                }
            }
        }
        return figures;
    }

    private static List<CSVRecord> gzipped(String file) throws IOException {
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(Fixtures.ROOT.resolve("data").resolve(file)));
             var reader = new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }

    /**
     * Published figures as equations over the unknowns, kept in reduced row echelon form: a group is given exactly when
     * its vector is a combination of them, and its value is the same combination of their figures. Each row remembers
     * which published figures it combines, so that a leak is reported with the arithmetic that gives it.
     */
    private static final class Equations {
        private static final double EPSILON = 1e-9;
        private final int size;
        private final List<double[]> rows = new ArrayList<>();
        private final List<Double> values = new ArrayList<>();
        private final List<Integer> pivots = new ArrayList<>();
        private final List<Map<Integer, Double>> origins = new ArrayList<>();
        private final List<String> figures = new ArrayList<>();

        Equations(int size) {
            this.size = size;
        }

        /**
         * A published figure (empty: not shown, so no equation) equal to the sum of the unknowns {@code vector} marks;
         * {@code where} names it in a leak's report.
         */
        void add(double[] vector, String figure, String where) {
            if (figure.isEmpty() || java.util.Arrays.stream(vector).allMatch(v -> v == 0)) {
                return;
            }
            figures.add(where + " = " + figure);
            double[] row = vector.clone();
            Map<Integer, Double> origin = new TreeMap<>(Map.of(figures.size() - 1, 1.0));
            double value = reduce(row, Double.parseDouble(figure), origin);
            int pivot = -1;
            for (int i = 0; i < size; i++) {
                if (Math.abs(row[i]) > EPSILON) {
                    pivot = i;
                    break;
                }
            }
            if (pivot < 0) {
                return;
            }
            double scale = row[pivot];
            for (int i = 0; i < size; i++) {
                row[i] /= scale;
            }
            origin.replaceAll((f, c) -> c / scale);
            value /= scale;
            for (int r = 0; r < rows.size(); r++) {
                double factor = rows.get(r)[pivot];
                if (Math.abs(factor) > EPSILON) {
                    for (int i = 0; i < size; i++) {
                        rows.get(r)[i] -= factor * row[i];
                    }
                    values.set(r, values.get(r) - factor * value);
                    combine(origins.get(r), origin, -factor);
                }
            }
            rows.add(row);
            values.add(value);
            pivots.add(pivot);
            origins.add(origin);
        }

        /** The group's value, if the equations give it exactly, with the published figures that give it. */
        java.util.Optional<Solution> solve(double[] group) {
            double[] row = group.clone();
            Map<Integer, Double> origin = new TreeMap<>();
            double value = -reduce(row, 0, origin);
            for (double v : row) {
                if (Math.abs(v) > 1e-6) {
                    return java.util.Optional.empty();
                }
            }
            StringBuilder how = new StringBuilder();
            origin.forEach((f, c) -> {
                if (Math.abs(c) > 1e-6) {
                    how.append("\n    ").append(-c > 0 ? "+ " : "- ").append(Math.abs(c) == 1 ? "" : Math.abs(Math.round(c * 1000) / 1000.0) + " × ")
                            .append(figures.get(f));
                }
            });
            return java.util.Optional.of(new Solution(value, how.toString()));
        }

        record Solution(double value, String how) {
        }

        /** Subtracts the equations from {@code row} at their pivots; returns {@code value} minus the same of their figures. */
        private double reduce(double[] row, double value, Map<Integer, Double> origin) {
            for (int r = 0; r < rows.size(); r++) {
                double factor = row[pivots.get(r)];
                if (Math.abs(factor) > EPSILON) {
                    for (int i = 0; i < size; i++) {
                        row[i] -= factor * rows.get(r)[i];
                    }
                    value -= factor * values.get(r);
                    combine(origin, origins.get(r), -factor);
                }
            }
            return value;
        }

        private static void combine(Map<Integer, Double> into, Map<Integer, Double> from, double factor) {
            from.forEach((f, c) -> {
                double sum = into.getOrDefault(f, 0.0) + factor * c;
                if (Math.abs(sum) < EPSILON) {
                    into.remove(f);
                } else {
                    into.put(f, sum);
                }
            });
        }
    }
}
