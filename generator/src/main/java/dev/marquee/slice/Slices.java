package dev.marquee.slice;

import dev.marquee.catalog.ChartKind;
import dev.marquee.catalog.ChartSpec;
import dev.marquee.engine.Engine;
import dev.marquee.engine.Sessions;
import dev.marquee.format.SafeText;
import dev.marquee.format.Slugs;
import dev.marquee.layer.Layer;
import dev.marquee.model.DataModel;
import dev.marquee.query.LeftOut;
import dev.marquee.query.Statements;
import dev.marquee.run.Background;
import dev.marquee.run.ReportException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The report cut by members: one slice per value of a {@link Dimension} (each region, country or plan), or per group
 * of such values a slices file names, answered by the same questions over the same loaded data, restricted to that
 * slice's members.
 *
 * <p>Each slice is a schema of the one database, built once after the member and title layer, from tables already in
 * memory (no file is read again):
 * <ul>
 *   <li>its members: those of the whole data's {@code member} table whose value of the dimension is the slice's
 *       (membership is decided once, on the whole data, so every member is in exactly one slice);</li>
 *   <li>the data model's member tables (users, viewing sessions, ratings, subscriptions, payments, member profiles)
 *       and the member-grain layer tables (a row per member: {@code member}, the viewing rollups), cut to those
 *       members: a member's rows are computed from that member's rows alone, so the cut equals the rebuild;</li>
 *   <li>the other member layer tables ({@code title_period}: titles' hours and sessions; {@code genre_rating})
 *       rebuilt from the cut tables, but the band edges ({@code hours_band}, {@code recency_band}: "whole" in the
 *       layer's index) read from {@code main};</li>
 *   <li>the figures of the whole service or market, which no member carries ({@link #WHOLE_SERVICE}), empty: a slice
 *       never shows them under its name.</li>
 * </ul>
 * Every other table (titles, their scores, the reference tables, the catalogue) is read whole from {@code main}.
 */
public final class Slices {

    /** The slice of members whose value of the dimension is unknown (e.g. a country the regions table lacks). */
    public static final String UNKNOWN = "Unknown";
    /** Where the slices' sites are written in the whole report's site. */
    public static final String FOLDER = "slices";
    /** Figures about the whole service or market that cannot be cut by member; a slice has none of them. */
    static final Set<String> WHOLE_SERVICE = Set.of("title_engagement", "market_figures");
    private static final String MEMBERS = "slice_member";
    /**
     * Tables of members' rows that only the layer reads (the events, read by its rollups and the titles' months): a
     * slice reads them through a view of its members' rows instead of a copy of them, which cost
     * more than anything reading them (at 10M events, 5 region slices' copies of the events took 4.4 s of 17 s of
     * copying). A view gives the same rows; a question that came to read one would only be slower.
     */
    static final Set<String> READ_ONCE = Set.of("viewing_sessions");
    /** The events' first and last day per member, made once for all slices: a slice's date range reads it, not the events. */
    public static final String VIEWING_DAYS = "viewing_days";
    private static final String EVENTS = "viewing_sessions";
    private static final String COMMON = "slices_common";

    /**
     * One slice: its value, its folder name (unique among the run's slices), its schema and how many members it has.
     */
    public record Slice(Dimension dimension, String value, String slug, String schema, long members, boolean published) {
        /**
         * The report's title with the slice named, as every page and the PDF's running header print it: the value is
         * the data's (a country as users.csv writes it), so it is put on one line of at most a label's length.
         */
        public String title(String reportTitle) {
            return reportTitle + " · " + dimension.label() + ": " + SafeText.label(value);
        }

        /**
         * Whether a chart would show one value only in this slice, and so nothing: its bars are the value its members
         * share (members by region in a region's slice, a single bar), or its stacks are (plan mix by country in a
         * plan's slice, every bar 100% of one plan). A line per shared value (the region's monthly churn) still shows
         * its months, and bars stacked by another column within the shared one (a country's plan mix) its parts.
         *
         * @param regionOf each country's region, as the regions table gives it
         */
        public boolean showsOneValue(ChartSpec chart, Map<String, String> regionOf) {
            Set<String> shared = sharedValues(regionOf).keySet();
            boolean stacked = chart.kind() == ChartKind.STACKED_BAR || chart.kind() == ChartKind.STACKED_PERCENT;
            return shared.contains(chart.x()) && chart.series().isEmpty()
                    || stacked && chart.series().filter(shared::contains).isPresent();
        }

        /**
         * Who the slice counts, as its overview and PDF cover say it: "the members whose plan is Premium on the as-of
         * date (...)". A plan's slice counts each member's whole history under their current plan, which a reader of
         * "Premium" alone would not guess.
         */
        public String whoCounts() {
            Dimension.Column column = dimension instanceof SliceFile file ? file.by() : (Dimension.Column) dimension;
            List<String> values = values();
            if (value.equals(UNKNOWN)) {
                return "the members whose " + column.column() + " is not known" + (column == Dimension.Column.REGION
                        ? " (a country the regions table does not list)" : "");
            }
            if (value.equals(SliceFile.EVERYONE_ELSE)) {
                return "the members of no other slice";
            }
            String named = (values.size() > 1 ? "one of " : "") + values.stream().map(SafeText::label).collect(Collectors.joining(", "));
            return switch (column) {
                case REGION -> "the members whose country is in " + named;
                case COUNTRY -> "the members whose country is " + named;
                case PLAN -> "the members whose plan is " + named + " on the as-of date (for a "
                        + "member who has left, their last plan), with all their history: a member who switched plans counts "
                        + "here in the months before too";
            };
        }

        /** The values of the column the slice's members have: its one value, or those a slices file's group lists. */
        private List<String> values() {
            return dimension instanceof SliceFile file
                    ? file.groups().stream().filter(g -> g.name().equals(value)).flatMap(g -> g.values().stream())
                            .map(dev.marquee.catalog.FrontMatter.Item::value).toList()
                    : List.of(value);
        }

        /** The slice's site within the whole report's site: {@code slices/<slug>}. */
        public String folder() {
            return FOLDER + "/" + slug;
        }

        /**
         * The member columns every member of the slice has one same value of: a country's slice, its country and its
         * region; a region's, its region; a slices file's group of one country, that country and its region, and of
         * several countries of one region, that region. Empty for {@link #UNKNOWN} and {@link SliceFile#EVERYONE_ELSE},
         * whose values are not known.
         *
         * @param regionOf each country's region, as the regions table gives it
         */
        public Map<String, String> sharedValues(Map<String, String> regionOf) {
            if (value.equals(UNKNOWN) || value.equals(SliceFile.EVERYONE_ELSE)) {
                return Map.of();
            }
            List<String> values = values();
            String column = dimension.column();
            Map<String, String> shared = new java.util.TreeMap<>();
            if (values.size() == 1) {
                shared.put(column, values.get(0));
            }
            if (column.equals(Dimension.Column.COUNTRY.column()) && !values.isEmpty()) {
                Set<String> regions = values.stream().map(v -> regionOf.getOrDefault(v, "")).collect(Collectors.toSet());
                if (regions.size() == 1 && !regions.contains("")) {
                    shared.put(Dimension.Column.REGION.column(), regions.iterator().next());
                }
            }
            return shared;
        }
    }

    private Slices() {
    }

    /**
     * Builds one schema per value of {@code dimension} the layer's {@code member} table holds, in the values' order.
     * Called after the layer is built and before the database is locked. A value of fewer than {@code minGroupSize}
     * members is listed but not published (no schema): every figure of its report would describe fewer than k members.
     *
     * @throws ReportException (exit 3) when the data has no event files' members (no {@code users} table): the public
     *                         files' populations are not sliced
     */
    public static List<Slice> build(Background background, Engine database, Dimension dimension, DataModel model,
                                    Set<String> loadedTables, Statements.Bound sql, int minGroupSize) {
        if (!loadedTables.contains("users")) {
            throw new ReportException(ReportException.CONFIG_PROBLEM, "--slices " + dimension.option() + " needs the members of the "
                    + "event files (users.csv with its viewing sessions and subscriptions); the data has none, and the public "
                    + "files' populations are not sliced: leave --slices out");
        }
        List<Slice> slices = values(database, dimension, minGroupSize);
        List<String> copies = new ArrayList<>();
        Layer layer = Layer.standard();
        List<Slice> published = slices.stream().filter(Slice::published).toList();
        boolean events = loadedTables.contains(EVENTS);
        if (events && !published.isEmpty()) {
            database.execute("CREATE SCHEMA " + COMMON);
            database.execute("CREATE TABLE " + COMMON + "." + VIEWING_DAYS + " AS SELECT user_id, min(CAST(started_at AS DATE)) AS first_day, "
                    + "max(CAST(started_at AS DATE)) AS last_day FROM main." + EVENTS + " GROUP BY user_id");
        }
        for (Slice slice : published) {
            database.execute("CREATE SCHEMA " + slice.schema());
            database.execute("CREATE TABLE " + slice.schema() + "." + MEMBERS + " AS SELECT user_id FROM main.member WHERE "
                    + valueOf(dimension) + " = " + literal(slice.value()));
            String members = " WHERE user_id IN (SELECT user_id FROM " + slice.schema() + "." + MEMBERS + ")";
            for (String table : new java.util.TreeSet<>(model.memberTables())) {
                copies.add(cut(slice, table, members));
            }
            if (events) {
                copies.add("CREATE TABLE " + slice.schema() + "." + VIEWING_DAYS + " AS SELECT * FROM " + COMMON + "." + VIEWING_DAYS + members);
            }
            for (String table : new java.util.TreeSet<>(WHOLE_SERVICE)) {
                copies.add("CREATE TABLE " + slice.schema() + "." + table + " AS SELECT * FROM main." + table + " LIMIT 0");
            }
            for (Layer.Table table : layer.tables()) {
                if (table.personal() && perMember(database, table.name())) {
                    copies.add(cut(slice, table.name(), members));
                }
            }
        }
        Sessions.share(background, database, copies.size(), (session, i) -> session.execute(copies.get(i)));
        // The layer tables about titles, from the slice's own rollups, in the layer's build order.
        for (Slice slice : published) {
            try (Engine session = open(database, slice)) {
                for (Layer.Table table : layer.tables()) {
                    if (table.personal() && !perMember(database, table.name()) && !table.wholeInSlices()) {
                        session.execute("CREATE TABLE " + slice.schema() + "." + table.name() + " AS "
                                + sql.sql(table.definition()));
                    }
                }
            }
        }
        return slices;
    }

    /**
     * The reasons a slice's pages give for what it leaves out that the whole report has: the whole service's figures
     * are not cut by slice, and the slice's members may give none of a chart's data. What the whole report leaves out
     * too keeps its reason.
     *
     * @param wholeLeftOut what the whole report leaves out, as {@link LeftOut#title()} names it
     */
    public static List<LeftOut> explain(List<LeftOut> leftOut, Slice slice, Set<String> wholeLeftOut) {
        String dimension = slice.dimension().noun();
        return leftOut.stream().map(left -> {
            if (wholeLeftOut.contains(left.title())) {
                return left;
            }
            List<String> service = WHOLE_SERVICE.stream().sorted()
                    .filter(t -> left.missing().stream().anyMatch(m -> m.equals(t) || m.startsWith(t + "."))).toList();
            String note = service.isEmpty()
                    ? "the members of this " + dimension + " give none of its data; the whole report has it"
                    : "needs " + dev.marquee.query.Needs.inWords(service) + ", figures of the whole service that are not cut by " + dimension
                            + "; the whole report has it";
            return new LeftOut(left.question(), left.missing(), note, left.chart());
        }).toList();
    }

    /** The engine the questions of one slice run on; the caller closes it. */
    public static Engine open(Engine database, Slice slice) {
        return SliceEngine.open(database, slice.schema());
    }

    /**
     * The slices as the whole report's own protection allows: a value of the dimension that the whole report counts but
     * does not show by name where it counts members by that dimension (members by country: a small country, or one
     * merged with it so that the two hold k together) is not published as a slice either, since every table of its
     * slice adds up to the count the whole report withheld; then the withheld slices are complemented again (see {@link
     * #complemented}). Before, the sample sliced by country published Nigeria, whose 31 current members the whole report
     * had merged with Kenya's 2: the region's total minus South Africa's row and the Nigeria slice gave Kenya's.
     *
     * @param notShown the values the whole report counts and does not show by name (see
     *                 {@code Disclosure#notShownByName})
     */
    public static List<Slice> followingTheWhole(Engine database, List<Slice> slices, Set<String> notShown, int minGroupSize) {
        if (slices.isEmpty() || !(slices.get(0).dimension() instanceof Dimension.Column)
                || slices.stream().noneMatch(s -> s.published() && notShown.contains(s.value()))) {
            return slices;
        }
        List<Slice> result = new ArrayList<>();
        for (Slice s : slices) {
            result.add(s.published() && notShown.contains(s.value())
                    ? new Slice(s.dimension(), s.value(), s.slug(), s.schema(), s.members(), false) : s);
        }
        return complemented(result, membersByRegion(database, slices.get(0).dimension()), minGroupSize);
    }

    /** Each value of the dimension with its members per region. */
    private static Map<String, Map<String, Long>> membersByRegion(Engine database, Dimension dimension) {
        var table = database.query("SELECT " + valueOf(dimension) + " AS value, " + valueOf(Dimension.Column.REGION)
                + " AS region, count(*) AS members FROM main.member GROUP BY 1, 2 ORDER BY 1, 2");
        Map<String, Map<String, Long>> byRegion = new java.util.LinkedHashMap<>();
        for (int r = 0; r < table.rows().size(); r++) {
            byRegion.computeIfAbsent((String) table.value(r, "value"), v -> new java.util.TreeMap<>())
                    .put((String) table.value(r, "region"), ((Number) table.value(r, "members")).longValue());
        }
        return byRegion;
    }

    /**
     * Every value of the dimension the whole data's members have, with their counts, in order (a slices file's); the
     * unknown ones as one.
     */
    static List<Slice> values(Engine database, Dimension dimension, int minGroupSize) {
        Map<String, Map<String, Long>> byRegion = membersByRegion(database, dimension);
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        byRegion.forEach((value, regions) -> counts.put(value, regions.values().stream().mapToLong(Long::longValue).sum()));
        List<String> values = new ArrayList<>(counts.keySet());
        if (dimension instanceof SliceFile file) {
            values.sort(java.util.Comparator.comparingInt(file.names()::indexOf));
        }
        Map<String, String> slugs = Slugs.unique(values);
        List<Slice> slices = new ArrayList<>();
        for (int r = 0; r < values.size(); r++) {
            long members = counts.get(values.get(r));
            slices.add(new Slice(dimension, values.get(r), slugs.get(values.get(r)), "slice_" + (r + 1), members,
                    members >= minGroupSize));
        }
        return complemented(slices, byRegion, minGroupSize);
    }

    /**
     * The whole report minus the published slices is the withheld slices together: when they hold fewer than k
     * members (but some), the smallest published slice is withheld too, and the next, until they hold k or more. The
     * whole report publishes figures per region as well, so the same holds in each region: a region's figure minus the
     * published slices' members there (a country's slice, under its country's name or its region's) is the withheld
     * slices' members of that region, which must be none or k or more, or the region's smallest published slice is
     * withheld with them. Before this, the sample sliced by country gave Kenya's 2 current members as the whole report's
     * Middle East &amp; Africa minus Nigeria and South Africa.
     *
     * @param byRegion each slice value's members per region
     */
    static List<Slice> complemented(List<Slice> slices, Map<String, Map<String, Long>> byRegion, int minGroupSize) {
        List<Slice> result = new ArrayList<>(slices);
        Set<String> regions = new java.util.TreeSet<>();
        byRegion.values().forEach(r -> regions.addAll(r.keySet()));
        while (true) {
            Optional<Slice> next = nextToWithhold(result, Slice::members, minGroupSize);
            for (String region : regions) {
                if (next.isPresent()) {
                    break;
                }
                next = nextToWithhold(result, s -> byRegion.getOrDefault(s.value(), Map.of()).getOrDefault(region, 0L), minGroupSize);
            }
            if (next.isEmpty()) {
                return result;
            }
            Slice s = next.get();
            result.set(result.indexOf(s), new Slice(s.dimension(), s.value(), s.slug(), s.schema(), s.members(), false));
        }
    }

    /** The same with every slice's members in one region (as a region's or a plan's slice has). */
    static List<Slice> complemented(List<Slice> slices, int minGroupSize) {
        return complemented(slices, Map.of(), minGroupSize);
    }

    /**
     * The published slice with the fewest members to count when the withheld slices hold between 1 and k-1 of them;
     * empty when they hold none or k or more, or no published slice has any.
     */
    private static Optional<Slice> nextToWithhold(List<Slice> slices, java.util.function.ToLongFunction<Slice> members,
                                                  int minGroupSize) {
        long withheld = slices.stream().filter(s -> !s.published()).mapToLong(members).sum();
        if (withheld == 0 || withheld >= minGroupSize) {
            return Optional.empty();
        }
        return slices.stream().filter(Slice::published).filter(s -> members.applyAsLong(s) > 0)
                .min(java.util.Comparator.comparingLong(members));
    }

    /**
     * The values the dimension can take, whether or not this data has members there: every region or country of the
     * regions table, every plan of the subscriptions and members, each value the members have, and {@link #UNKNOWN}.
     * For a slices file, the names of its slices, once every value it lists is checked against its column's.
     *
     * @throws ReportException (exit 3) for a value of a slices file that its column does not know, with its line
     */
    public static Set<String> known(Engine database, Dimension dimension) {
        if (dimension instanceof SliceFile file) {
            file.check(known(database, file.by()));
            return new java.util.LinkedHashSet<>(file.names());
        }
        String members = "SELECT " + valueOf(dimension) + " AS value FROM main.member";
        String sql = switch ((Dimension.Column) dimension) {
            case REGION -> "SELECT region AS value FROM main.regions UNION " + members;
            case COUNTRY -> "SELECT country AS value FROM main.regions UNION " + members;
            case PLAN -> "SELECT plan AS value FROM main.subscriptions UNION SELECT plan AS value FROM main.users UNION " + members;
        };
        Set<String> known = new java.util.TreeSet<>(Set.of(UNKNOWN));
        var table = database.query("SELECT DISTINCT value FROM (" + sql + ") AS v WHERE value IS NOT NULL");
        for (var row : table.rows()) {
            known.add((String) row.get(0));
        }
        return known;
    }

    /**
     * The member's slice: their value of the column, blank or missing read as {@link #UNKNOWN}; for a slices file, the
     * slice that lists that value, else {@link SliceFile#EVERYONE_ELSE}.
     */
    private static String valueOf(Dimension dimension) {
        String value = "coalesce(nullif(trim(CAST(" + dimension.column() + " AS VARCHAR)), ''), " + literal(UNKNOWN) + ")";
        if (!(dimension instanceof SliceFile file)) {
            return value;
        }
        StringBuilder slice = new StringBuilder("CASE " + value);
        for (SliceFile.Group group : file.groups()) {
            for (var listed : group.values()) {
                slice.append(" WHEN ").append(literal(listed.value())).append(" THEN ").append(literal(group.name()));
            }
        }
        return slice.append(" ELSE ").append(literal(SliceFile.EVERYONE_ELSE)).append(" END").toString();
    }

    /** The statement giving a slice its members' rows of a table: a copy, or a view of those only the layer reads once. */
    private static String cut(Slice slice, String table, String members) {
        return (READ_ONCE.contains(table) ? "CREATE VIEW " : "CREATE TABLE ") + slice.schema() + "." + table + " AS SELECT * FROM main."
                + table + members;
    }

    /** Whether a layer table has a row per member (a {@code user_id} column), so cutting it equals rebuilding it. */
    private static boolean perMember(Engine database, String table) {
        return database.describe("SELECT * FROM main." + table).stream().anyMatch(c -> c.name().equals("user_id"));
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
