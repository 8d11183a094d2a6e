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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A reader who works out hidden figures by any sum and difference of published ones: the current members (by region,
 * by country, by plan, plans within countries, and the revenue's members by country and by plan) and the churn (by
 * region and by country) that the whole report and every slice of the sample publish, as linear equations over the
 * smallest groups they are made of (one slice's members of one country on one plan), solved together. A group that a
 * combination of published figures gives exactly, and that holds between 1 and k-1 members, is a leak, whichever
 * figures gave it.
 *
 * <p>This reader knows what any reader of the site knows: the regions table (a region's row is its countries' rows added
 * up, and an "Other (small groups)" row is the values its table does not name), which values of the dimension have
 * members (a country's slice holds members of its country only), a share beside a figure (the figure over its share is
 * its table's total, or its country's in plans within countries) and the active members on each overview.
 * {@link DifferencingTest} subtracts row by row; this solves every equation at once. It found, before the rules that
 * now prevent them (docs/SECURITY.md): in the whole report alone, Poland's 5 Premium members (its Basic ones, hidden
 * alone among the Basic members of every country, were the plan's total minus the rest) and Kenya's 2 (Nigeria and
 * South Africa, 31 members each, were each merged by one table and named by another); sliced by region, Middle East &amp;
 * Africa's 8 churners (the whole's "Other (small groups)" region row minus the Asia-Pacific slice's row); sliced by
 * plan, the Premium members of four countries (each country's total minus its Basic and Standard slices' rows, shown
 * in plans within countries); sliced by country, Kenya's 2 and Portugal's 1 again (withheld countries, the only ones of
 * their region), and Poland's 5 Premium members through the Netherlands slice's plans, which the whole report merged.
 */
class SubtractionAuditTest {

    private static final int K = 10;
    private static final String OTHER = "Other (small groups)";

    /** A family of results counting the same members (each file's column of them), by region, country and plan. */
    private record Family(String name, List<String> files, List<String> measures, boolean activeMembers) {
    }

    private static final List<Family> FAMILIES = List.of(
            new Family("current members", List.of("members-regions.csv", "members-countries.csv", "members-plans.csv",
                    "plans-devices-country-plans.csv", "revenue-by-country.csv", "revenue-by-plan.csv"), List.of("members"), true),
            new Family("churn", List.of("churn-by-region.csv", "churn-by-country.csv"), List.of("active_at_start", "churners"), false));

    @ParameterizedTest
    @ValueSource(strings = {"region", "plan", "country"})
    void noGroupUnderK_isGivenByAnySumOrDifferenceOfPublishedFigures(String dimension) throws IOException {
        Path site = Fixtures.slicedSample(dimension);
        Map<String, String> regionOf = regions();
        List<String> countries = new ArrayList<>(new TreeSet<>(regionOf.keySet()));
        List<String> plans = plans();
        List<String> slices = sliceValues(site, dimension, regionOf);
        List<String> found = new ArrayList<>();
        int determined = 0;
        for (Family family : FAMILIES) {
            // One unknown per measure, slice, country and plan that slice can have members of.
            Map<List<String>, Integer> unknowns = new LinkedHashMap<>();
            for (String measure : family.measures()) {
                for (String slice : slices) {
                    for (String country : countries) {
                        for (String plan : plans) {
                            if (possible(dimension, slice, country, plan, regionOf)) {
                                unknowns.put(List.of(measure, slice, country, plan), unknowns.size());
                            }
                        }
                    }
                }
            }
            Cells all = new Cells(countries, plans);
            Equations equations = new Equations(unknowns.size());
            for (String measure : family.measures()) {
                for (String who : withWhole(slices, site)) {
                    Path folder = who.isEmpty() ? site : site.resolve("slices").resolve(who);
                    List<String> scope = who.isEmpty() ? slices : List.of(who);
                    for (String file : family.files()) {
                        List<CSVRecord> rows = read(folder.resolve("csv").resolve(file));
                        for (CSVRecord row : rows) {
                            String figure = column(row, measure);
                            Cells cells = cells(row, rows, countries, plans, regionOf);
                            equations.add(vector(unknowns, measure, scope, cells), figure);
                            String share = row.isMapped("share") ? row.get("share") : row.isMapped("share (ratio)") ? row.get("share (ratio)") : "";
                            if (!share.isEmpty() && !figure.isEmpty() && Double.parseDouble(share) > 0) {
                                // The share's total: the table's, or in plans within countries, the country's.
                                Cells base = row.isMapped("country") && row.isMapped("plan")
                                        ? cells(row, rows, countries, plans, regionOf).withAllPlans(plans) : all;
                                equations.add(vector(unknowns, measure, scope, base),
                                        String.valueOf(Math.round(Double.parseDouble(figure) / Double.parseDouble(share))));
                            }
                        }
                    }
                    if (family.activeMembers()) {
                        equations.add(vector(unknowns, measure, scope, all), activeMembers(folder.resolve("metrics.json")));
                    }
                }
            }
            // The groups a reader would look for: each slice's members of a country, of a region, of a plan and of a
            // country's or region's plan, and (for churn) those who stayed beside the churners; each country's across slices.
            Map<String, double[]> groups = new TreeMap<>();
            Set<String> regionNames = new TreeSet<>(regionOf.values());
            for (String measure : family.measures()) {
                for (String slice : slices) {
                    List<String> one = List.of(slice);
                    for (String country : countries) {
                        groups.put(family.name() + " " + measure + ": slice " + slice + ", " + country,
                                vector(unknowns, measure, one, new Cells(List.of(country), plans)));
                        for (String plan : plans) {
                            groups.put(family.name() + " " + measure + ": slice " + slice + ", " + country + " " + plan,
                                    vector(unknowns, measure, one, new Cells(List.of(country), List.of(plan))));
                        }
                    }
                    for (String region : regionNames) {
                        groups.put(family.name() + " " + measure + ": slice " + slice + ", " + region,
                                vector(unknowns, measure, one, new Cells(inRegion(countries, regionOf, region), plans)));
                        for (String plan : plans) {
                            groups.put(family.name() + " " + measure + ": slice " + slice + ", " + region + " " + plan,
                                    vector(unknowns, measure, one, new Cells(inRegion(countries, regionOf, region), List.of(plan))));
                        }
                    }
                    for (String plan : plans) {
                        groups.put(family.name() + " " + measure + ": slice " + slice + ", " + plan,
                                vector(unknowns, measure, one, new Cells(countries, List.of(plan))));
                    }
                }
                for (String country : countries) {
                    groups.put(family.name() + " " + measure + ": " + country, vector(unknowns, measure, slices, new Cells(List.of(country), plans)));
                    for (String plan : plans) {
                        groups.put(family.name() + " " + measure + ": " + country + " " + plan,
                                vector(unknowns, measure, slices, new Cells(List.of(country), List.of(plan))));
                    }
                }
            }
            if (family.measures().size() == 2) {
                for (String slice : slices) {
                    for (String region : regionNames) {
                        Cells cells = new Cells(inRegion(countries, regionOf, region), plans);
                        double[] stayed = vector(unknowns, family.measures().get(0), List.of(slice), cells);
                        double[] churners = vector(unknowns, family.measures().get(1), List.of(slice), cells);
                        for (int i = 0; i < stayed.length; i++) {
                            stayed[i] -= churners[i];
                        }
                        groups.put(family.name() + " who stayed: slice " + slice + ", " + region, stayed);
                    }
                }
            }
            for (Map.Entry<String, double[]> group : groups.entrySet()) {
                if (java.util.Arrays.stream(group.getValue()).allMatch(v -> v == 0)) {
                    continue;
                }
                var value = equations.solve(group.getValue());
                if (value.isPresent()) {
                    determined++;
                    if (value.get() > 0.5 && value.get() < K - 0.5) {
                        found.add(group.getKey() + " = " + Math.round(value.get()));
                    }
                }
            }
        }
        assertTrue(determined > 50, "groups the published figures give exactly: " + determined);
        assertEquals(List.of(), found, "groups under " + K + " that published figures give, sliced by " + dimension);
    }

    /** The countries and plans a figure adds up. */
    private record Cells(List<String> countries, List<String> plans) {
        Cells withAllPlans(List<String> all) {
            return new Cells(countries, all);
        }
    }

    /**
     * What a row adds up: its region's countries, its country, its plan; "Other (small groups)" the values its table
     * does not name (in plans within countries, the plans not named for that country).
     */
    private static Cells cells(CSVRecord row, List<CSVRecord> rows, List<String> countries, List<String> plans, Map<String, String> regionOf) {
        List<String> in = countries;
        if (row.isMapped("region")) {
            Set<String> named = named(rows, "region", r -> true);
            String value = row.get("region");
            in = countries.stream().filter(c -> value.equals(OTHER) ? !named.contains(regionOf.get(c)) : regionOf.get(c).equals(value)).toList();
        }
        if (row.isMapped("country")) {
            Set<String> named = named(rows, "country", r -> true);
            String value = row.get("country");
            in = countries.stream().filter(c -> value.equals(OTHER) ? !named.contains(c) : c.equals(value)).toList();
        }
        List<String> of = plans;
        if (row.isMapped("plan")) {
            Set<String> named = named(rows, "plan", r -> !row.isMapped("country") || r.get("country").equals(row.get("country")));
            String value = row.get("plan");
            of = plans.stream().filter(p -> value.equals(OTHER) ? !named.contains(p) : p.equals(value)).toList();
        }
        return new Cells(in, of);
    }

    private static Set<String> named(List<CSVRecord> rows, String column, java.util.function.Predicate<CSVRecord> line) {
        Set<String> named = new TreeSet<>();
        rows.stream().filter(line).forEach(r -> named.add(r.get(column)));
        named.remove(OTHER);
        return named;
    }

    /** A measure's figure in a row: its column is named after it, with or without its unit ("members (members)"). */
    private static String column(CSVRecord row, String measure) {
        return row.isMapped(measure) ? row.get(measure) : row.get(measure + " (members)");
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

    private static double[] vector(Map<List<String>, Integer> unknowns, String measure, List<String> slices, Cells cells) {
        double[] vector = new double[unknowns.size()];
        for (String slice : slices) {
            for (String country : cells.countries()) {
                for (String plan : cells.plans()) {
                    Integer at = unknowns.get(List.of(measure, slice, country, plan));
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

    private static boolean possible(String dimension, String slice, String country, String plan, Map<String, String> regionOf) {
        return switch (dimension) {
            case "region" -> slug(regionOf.get(country)).equals(slice);
            case "country" -> slug(country).equals(slice);
            default -> slug(plan).equals(slice);
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

    private static List<CSVRecord> read(Path csv) throws IOException {
        if (!Files.exists(csv)) {
            return List.of();
        }
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(Files.readString(csv))).getRecords().stream()
                .filter(r -> !r.isMapped("source") || r.get("source").equals("event files")).toList();
    }

    private static String activeMembers(Path metrics) throws IOException {
        Matcher matcher = Pattern.compile("\"id\": \"active_members\"[^}]*?\"value\": ([^,]+),").matcher(Files.readString(metrics));
        return matcher.find() && !matcher.group(1).equals("null") ? matcher.group(1) : "";
    }

    private static List<CSVRecord> gzipped(String file) throws IOException {
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(Fixtures.ROOT.resolve("data").resolve(file)));
             var reader = new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }

    /**
     * Published figures as equations over the unknowns, kept in reduced row echelon form: a group is given exactly when
     * its vector is a combination of them, and its value is the same combination of their figures.
     */
    private static final class Equations {
        private static final double EPSILON = 1e-9;
        private final int size;
        private final List<double[]> rows = new ArrayList<>();
        private final List<Double> values = new ArrayList<>();
        private final List<Integer> pivots = new ArrayList<>();

        Equations(int size) {
            this.size = size;
        }

        /** A published figure (empty: not shown, so no equation) equal to the sum of the unknowns {@code vector} marks. */
        void add(double[] vector, String figure) {
            if (figure.isEmpty() || java.util.Arrays.stream(vector).allMatch(v -> v == 0)) {
                return;
            }
            double[] row = vector.clone();
            double value = reduce(row, Double.parseDouble(figure));
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
            value /= scale;
            for (int r = 0; r < rows.size(); r++) {
                double factor = rows.get(r)[pivot];
                if (Math.abs(factor) > EPSILON) {
                    for (int i = 0; i < size; i++) {
                        rows.get(r)[i] -= factor * row[i];
                    }
                    values.set(r, values.get(r) - factor * value);
                }
            }
            rows.add(row);
            values.add(value);
            pivots.add(pivot);
        }

        /** The group's value, if the equations give it exactly. */
        java.util.Optional<Double> solve(double[] group) {
            double[] row = group.clone();
            double value = -reduce(row, 0);
            for (double v : row) {
                if (Math.abs(v) > 1e-6) {
                    return java.util.Optional.empty();
                }
            }
            return java.util.Optional.of(value);
        }

        /** Subtracts the equations from {@code row} at their pivots; returns {@code value} minus the same of their figures. */
        private double reduce(double[] row, double value) {
            for (int r = 0; r < rows.size(); r++) {
                double factor = row[pivots.get(r)];
                if (Math.abs(factor) > EPSILON) {
                    for (int i = 0; i < size; i++) {
                        row[i] -= factor * rows.get(r)[i];
                    }
                    value -= factor * values.get(r);
                }
            }
            return value;
        }
    }
}
