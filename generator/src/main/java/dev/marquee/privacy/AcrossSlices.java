package dev.marquee.privacy;

import dev.marquee.catalog.GroupSpec;
import dev.marquee.catalog.Question;
import dev.marquee.engine.Table;
import dev.marquee.query.Answer;
import dev.marquee.run.Background;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * A run with slices, against differencing: the slices' members partition the whole's, so whatever the whole report
 * shows minus what the slices showing it show is the slices that do not show it together, withheld or hiding it for a
 * small group of their own. They must therefore hold, together, k or more members of every group it describes (or
 * none at all), as one slice must on its own. Where they would not, the figure is hidden in the slice with the
 * smallest group that still shows it, and the next, until they do: complementary suppression.
 *
 * <p>For a KPI, the groups are its members, its part and the rest (see {@link KpiGroups}). For a grouped result (a
 * {@code privacy:} declaration with a members column), each row the whole report shows is matched by its key with the
 * same row of every slice (see {@link SliceRows}); a row to hide is hidden as the slice's own suppression hides a row
 * (merged into its "Other (small groups)", its figures emptied, or left out), and the slice's suppression runs again
 * with it, until no slice has more to hide. A result that declares no members column is not compared: its groups are
 * not known.
 */
public final class AcrossSlices {

    /** How a slice's KPI says that a figure is hidden for this reason. */
    public static final String HIDDEN = "not shown where, with the slices that do not show it, it would let fewer than ";

    private AcrossSlices() {
    }

    /** One report's answers: as its statements gave them, and as its own disclosure stage published them. */
    public record Answers(List<Answer> computed, List<Answer> published) {
    }

    /**
     * What one slice publishes once compared with the whole report and the other slices.
     *
     * @param published  its answers, with the rows differencing required hidden
     * @param hiddenRows how many rows of its grouped results are hidden for that reason
     * @param hiddenKpis its KPI figures to hide, as {@link #hidden} names them
     */
    public record Decision(List<Answer> published, int hiddenRows, Set<String> hiddenKpis) {
    }

    /**
     * Each published slice's answers, in order, with what differencing against the whole report and the other slices
     * requires hidden.
     *
     * @param regionOf each country's region, as the slices' own disclosure stage used it
     */
    public static List<Decision> protect(Background background, Answers whole, List<Answers> slices, int k, Map<String, String> regionOf) {
        return protect(background, whole, slices, k, regionOf, slices.stream().map(s -> Map.<String, String>of()).toList());
    }

    /**
     * The same, where a slice's members share one value of several columns (a country's slice: its country and its
     * region): a group such a slice does not show under one of them is not shown under the other either (see {@link
     * SharedValueRows}).
     *
     * @param shared per slice, in order, the member columns all its members have one same value of, and that value
     */
    public static List<Decision> protect(Background background, Answers whole, List<Answers> slices, int k,
                                         Map<String, String> regionOf, List<Map<String, String>> shared) {
        List<Map<String, Set<List<String>>>> forced = new ArrayList<>();
        List<List<Answer>> published = new ArrayList<>();
        List<Set<String>> forcedKpis = new ArrayList<>();
        for (Answers slice : slices) {
            forced.add(new HashMap<>());
            published.add(slice.published());
            forcedKpis.add(new HashSet<>());
        }
        Optional<SliceKpis> wholeKpis = kpis(whole);
        List<Optional<SliceKpis>> sliceKpis = slices.stream().map(AcrossSlices::kpis).toList();
        List<Set<String>> kpis;
        // The whole report's rows that are a slice's own, the same members (a region's row of the monthly churn, in that
        // region's slice): whatever the slice hides, a reader has them.
        List<Map<String, Set<List<String>>>> sameRowsInWhole = slices.stream().map(slice -> sameRowsShown(whole, slice)).toList();
        protectAgain(background, IntStream.range(0, slices.size()).filter(s -> !sameRowsInWhole.get(s).isEmpty()).boxed().toList(),
                slices, k, regionOf, forced, published, sameRowsInWhole);
        // The whole report's rows of each slice's own value, shown: what a reader has of the slice's KPI figures.
        Map<String, List<String>> kpiMembers = kpiMembers(whole);
        List<Set<String>> shownByWhole = new ArrayList<>();
        List<Set<String>> publishedByWhole = new ArrayList<>();
        for (int s = 0; s < slices.size(); s++) {
            Set<String> shownKpis = Set.of();
            Set<String> publishedKpis = Set.of();
            if (sliceKpis.get(s).isPresent()) {
                List<SharedValueRows.Row> wholeRows = SharedValueRows.wholeSliceRows(whole.computed(), whole.published(), shared.get(s))
                        .stream().filter(SharedValueRows.Row::shown).toList();
                shownKpis = kpisShownByWhole(sliceKpis.get(s).get(), wholeRows);
                publishedKpis = kpisPublishedByWhole(sliceKpis.get(s).get(), wholeRows, kpiMembers);
            }
            shownByWhole.add(shownKpis);
            publishedByWhole.add(publishedKpis);
        }
        while (true) {
            compareRows(background, whole, slices, k, regionOf, shared, forced, published, sameRowsInWhole);
            kpis = wholeKpis.map(w -> hidden(w, sliceKpis, k, forcedKpis, shownByWhole))
                    .orElseGet(() -> forcedKpis.stream().map(Set::copyOf).toList());
            // A row of a slice's whole (its country's members) and a KPI of the same members are one group: what
            // one hides, the other hides too.
            Set<Integer> more = new HashSet<>();
            boolean moreKpis = false;
            for (int s = 0; s < slices.size(); s++) {
                int kpisBefore = forcedKpis.get(s).size();
                if (sliceKpis.get(s).isPresent() && sameGroupsAsKpis(slices.get(s).computed(), published.get(s), shared.get(s),
                        sliceKpis.get(s).get(), kpis.get(s), forcedKpis.get(s), forced.get(s), publishedByWhole.get(s))) {
                    more.add(s);
                }
                moreKpis |= forcedKpis.get(s).size() > kpisBefore;
            }
            if (more.isEmpty() && !moreKpis) {
                break;
            }
            protectAgain(background, more, slices, k, regionOf, forced, published, sameRowsInWhole);
        }
        List<Decision> decisions = new ArrayList<>();
        for (int s = 0; s < slices.size(); s++) {
            decisions.add(new Decision(published.get(s), forced.get(s).values().stream().mapToInt(Set::size).sum(), kpis.get(s)));
        }
        return decisions;
    }

    /** Rows compared across slices until no slice has more to hide (see {@link SliceRows}, {@link SharedValueRows}). */
    private static void compareRows(Background background, Answers whole, List<Answers> slices, int k, Map<String, String> regionOf,
                                    List<Map<String, String>> shared, List<Map<String, Set<List<String>>>> forced,
                                    List<List<Answer>> published, List<Map<String, Set<List<String>>>> sameRowsInWhole) {
        List<Map<String, Map<List<String>, List<Object>>>> known = new ArrayList<>();
        for (int s = 0; s < slices.size(); s++) {
            known.add(knownFromTheWhole(whole, slices.get(s), shared.get(s)));
        }
        while (true) {
            Set<Integer> more = new HashSet<>();
            for (Answer answer : whole.published()) {
                for (String result : answer.results().keySet()) {
                    Question question = answer.question();
                    Optional<GroupSpec> spec = question.privacy(result);
                    if (spec.isEmpty() || !spec.get().countsMembers() || question.kpiQuery().map(result::equals).orElse(false)) {
                        continue;
                    }
                    String resultKey = Disclosure.resultKey(question, result);
                    List<Optional<Table>> tables = new ArrayList<>();
                    List<Set<List<String>>> knownKeys = new ArrayList<>();
                    for (int s = 0; s < slices.size(); s++) {
                        Map<List<String>, List<Object>> rows = known.get(s).getOrDefault(resultKey, Map.of());
                        tables.add(resultOf(published.get(s), question, result).map(t -> withRows(t, spec.get(), rows)));
                        knownKeys.add(rows.keySet());
                    }
                    List<Optional<Table>> computed = slices.stream().map(slice -> resultOf(slice.computed(), question, result)).toList();
                    List<Set<List<String>>> hide = SliceRows.hidden(resultOf(whole.computed(), question, result),
                            answer.result(result), computed, tables, spec.get(), k, knownKeys);
                    for (int s = 0; s < slices.size(); s++) {
                        if (forced.get(s).computeIfAbsent(Disclosure.resultKey(question, result), x -> new HashSet<>()).addAll(hide.get(s))) {
                            more.add(s);
                        }
                    }
                }
            }
            for (int s = 0; s < slices.size(); s++) {
                Map<String, Set<List<String>>> same = new HashMap<>(SharedValueRows.hidden(slices.get(s).computed(), published.get(s), shared.get(s)));
                SharedValueRows.hiddenCells(whole.computed(), whole.published(), slices.get(s).computed(), published.get(s), shared.get(s))
                        .forEach((result, keys) -> same.computeIfAbsent(result, x -> new HashSet<>()).addAll(keys));
                RegionCells.hidden(whole.computed(), whole.published(), slices.get(s).computed(), published.get(s), shared.get(s), regionOf, k)
                        .forEach((result, keys) -> same.computeIfAbsent(result, x -> new HashSet<>()).addAll(keys));
                for (Map.Entry<String, Set<List<String>>> result : same.entrySet()) {
                    if (forced.get(s).computeIfAbsent(result.getKey(), x -> new HashSet<>()).addAll(result.getValue())) {
                        more.add(s);
                    }
                }
            }
            if (more.isEmpty()) {
                return;
            }
            protectAgain(background, more, slices, k, regionOf, forced, published, sameRowsInWhole);
        }
    }

    /**
     * The slices named run their own disclosure stage again with what is forced on them, side by side: each slice's is
     * its own work, and it is most of this stage's time (sixteen country slices of the sample data, on one core
     * while the other had nothing to do).
     */
    private static void protectAgain(Background background, Collection<Integer> which, List<Answers> slices, int k,
                                     Map<String, String> regionOf, List<Map<String, Set<List<String>>>> forced,
                                     List<List<Answer>> published, List<Map<String, Set<List<String>>>> sameRowsInWhole) {
        List<Integer> again = which.stream().sorted().toList();
        List<List<Answer>> protectedAgain = background.each("across-slices", again,
                s -> Disclosure.protect(slices.get(s).computed(), k, regionOf, forced.get(s), sameRowsInWhole.get(s)));
        for (int i = 0; i < again.size(); i++) {
            published.set(again.get(i), protectedAgain.get(i));
        }
    }

    /**
     * A slice's rows whose group the whole report shows in another result, under the value the slice's members share:
     * a plan's slice's members of a country are the whole report's members of that country and plan (its plans by
     * country). A reader has them whatever the slice hides: the audit solved Colombia's 5 Premium members from the whole
     * report's plans by country and the plan slices' members by country. Matched by the columns that name the rows (the
     * whole's less the shared one) and what the members column counts; per result ({@link Disclosure#resultKey}), each
     * row's key ({@link GroupedTable#key}) and the row as the slice computed it.
     */
    private static Map<String, Map<List<String>, List<Object>>> knownFromTheWhole(Answers whole, Answers slice,
                                                                                Map<String, String> shared) {
        Set<NamedGroup> shownUnderShared = new HashSet<>();
        for (Answer answer : whole.published()) {
            for (GroupSpec spec : answer.question().privacy()) {
                Table table = answer.results().get(spec.result());
                if (table == null || !spec.countsMembers() || answer.question().kpiQuery().map(spec.result()::equals).orElse(false)) {
                    continue;
                }
                List<Integer> figures = GroupedTable.figureColumns(table, spec);
                for (Map.Entry<String, String> value : shared.entrySet()) {
                    Optional<Integer> column = table.indexOf(value.getKey());
                    if (column.isEmpty()) {
                        continue;
                    }
                    for (List<Object> row : table.rows()) {
                        if (row.get(table.index(spec.members())) == null || !value.getValue().equals(String.valueOf(row.get(column.get())))) {
                            continue;
                        }
                        List<Object> names = new ArrayList<>();
                        List<Object> values = new ArrayList<>();
                        for (int c = 0; c < table.columns().size(); c++) {
                            if (!figures.contains(c) && c != column.get()) {
                                names.add(table.columns().get(c).name());
                                values.add(String.valueOf(row.get(c)));
                            }
                        }
                        if (!values.contains(Disclosure.OTHER)) {
                            shownUnderShared.add(new NamedGroup(spec.counts().orElse(spec.members()), names, values));
                        }
                    }
                }
            }
        }
        Map<String, Map<List<String>, List<Object>>> known = new HashMap<>();
        for (Answer answer : slice.computed()) {
            for (GroupSpec spec : answer.question().privacy()) {
                Table table = answer.results().get(spec.result());
                if (table == null || !spec.countsMembers()) {
                    continue;
                }
                List<Integer> figures = GroupedTable.figureColumns(table, spec);
                List<Object> names = new ArrayList<>();
                for (int c = 0; c < table.columns().size(); c++) {
                    if (!figures.contains(c)) {
                        names.add(table.columns().get(c).name());
                    }
                }
                for (List<Object> row : table.rows()) {
                    List<String> key = GroupedTable.key(table, spec, row);
                    if (shownUnderShared.contains(new NamedGroup(spec.counts().orElse(spec.members()), names, new ArrayList<Object>(key)))) {
                        known.computeIfAbsent(Disclosure.resultKey(answer.question(), spec.result()), x -> new HashMap<>()).put(key, row);
                    }
                }
            }
        }
        return known;
    }

    /** A group a result shows: what its members column counts, the columns naming its rows, and its row's values of them. */
    private record NamedGroup(String counts, List<Object> columns, List<Object> values) {
    }

    /** A slice's published result with its rows a reader knows from the whole report put back with their figures. */
    private static Table withRows(Table published, GroupSpec spec, Map<List<String>, List<Object>> known) {
        if (known.isEmpty()) {
            return published;
        }
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> row : published.rows()) {
            if (!known.containsKey(GroupedTable.key(published, spec, row))) {
                rows.add(row);
            }
        }
        known.forEach((key, row) -> rows.add(row));
        return new Table(published.columns(), rows);
    }

    /**
     * The rows the whole report shows that are the slice's own rows: the same result and label, and the same figures
     * (its members and parts, so the same members, and every other figure as the whole report shows it). A region's
     * slice has its region's rows of the churn by region. Hiding them in the slice protects no one.
     */
    private static Map<String, Set<List<String>>> sameRowsShown(Answers whole, Answers slice) {
        Map<String, Set<List<String>>> same = new HashMap<>();
        for (int a = 0; a < whole.computed().size(); a++) {
            Answer answer = whole.computed().get(a);
            Question question = answer.question();
            for (GroupSpec spec : question.privacy()) {
                Table wholeTable = answer.results().get(spec.result());
                Table shown = whole.published().get(a).results().get(spec.result());
                Optional<Table> own = resultOf(slice.computed(), question, spec.result());
                if (!spec.countsMembers() || wholeTable == null || shown == null || own.isEmpty()
                        || shown.indexOf(spec.members()).isEmpty()) {
                    continue;
                }
                Table mineTable = own.get();
                List<String> figures = GroupedTable.figureColumns(shown, spec).stream().map(c -> shown.columns().get(c).name()).toList();
                if (!spec.parts().stream().allMatch(part -> shown.indexOf(part).isPresent())
                        || !figures.stream().allMatch(figure -> mineTable.indexOf(figure).isPresent())) {
                    continue;
                }
                Map<List<String>, List<Object>> ownRows = new HashMap<>();
                for (List<Object> row : mineTable.rows()) {
                    ownRows.put(GroupedTable.key(mineTable, spec, row), row);
                }
                for (List<Object> row : shown.rows()) {
                    List<String> key = GroupedTable.key(shown, spec, row);
                    List<Object> mine = ownRows.get(key);
                    // Every figure as the whole report shows it (its members and parts among them, so the same
                    // members): a share of the slice's own total, or a figure the whole report hides or rounds, would
                    // tell more than the whole report does.
                    if (mine != null && row.get(shown.index(spec.members())) != null
                            && figures.stream().allMatch(figure -> sameFigure(row.get(shown.index(figure)), mine.get(mineTable.index(figure)))
                                    || wholeOfItsTotal(spec, figure, mine.get(mineTable.index(figure))))) {
                        same.computeIfAbsent(Disclosure.resultKey(question, spec.result()), x -> new HashSet<>()).add(key);
                    }
                }
            }
        }
        return same;
    }

    /**
     * A share of a summed total that is the whole of it in the slice (a country's slice's one country, 100% of its
     * members): it tells the total, which is the row's own figure, and nothing the whole report does not.
     */
    private static boolean wholeOfItsTotal(GroupSpec spec, String column, Object own) {
        return own instanceof Number n && n.doubleValue() == 1
                && spec.ratios().stream().anyMatch(r -> r.column().equals(column) && r.denominatorSummed());
    }

    private static boolean sameFigure(Object shown, Object own) {
        if (shown instanceof Number n && own instanceof Number o) {
            return n.doubleValue() == o.doubleValue();
        }
        return shown == null ? own == null : own != null && String.valueOf(shown).equals(String.valueOf(own));
    }

    /**
     * A slice's KPI figure and a row describing the whole slice (its country's members by country, in a country's
     * slice) with as many members behind them are taken for one group: a row not shown hides the KPI figure (added to
     * {@code forcedKpis}), a KPI figure not shown hides the row (added to {@code forcedRows}). Matching by the count
     * may hide a figure that is another group of the same size: a cautious excess. A KPI figure whose members the whole
     * report shows exactly ({@code publishedByWhole}) is not hidden for a row: a reader has them whatever the slice hides.
     *
     * @return whether rows were added, so that the slice is protected again
     */
    private static boolean sameGroupsAsKpis(List<Answer> computed, List<Answer> published, Map<String, String> shared,
                                            SliceKpis kpis, Set<String> hiddenKpis, Set<String> forcedKpis,
                                            Map<String, Set<List<String>>> forcedRows, Set<String> publishedByWhole) {
        // A month's row of the slice in a result of the KPI's own question (its churn of December 2023 in churn by region
        // and month, its signups of November 2024) is the group of the KPI's value or comparison of that month when it
        // counts as many members and as many of them in its part, or neither has parts. Another question's month counts
        // other members, and so does a row of other parts: the payers of December, with those whose payment failed, are
        // not the members active on its last day behind the MRR, though as many.
        List<SharedValueRows.Row> rows = java.util.stream.Stream.concat(SharedValueRows.wholeSliceRows(computed, published, shared).stream()
                        .filter(r -> r.wholeSlice() || r.oneMonth()), SharedValueRows.sliceMonthRows(computed, published).stream())
                .filter(r -> Double.isFinite(r.members())).toList();
        Map<String, java.time.YearMonth> lastMonth = lastMonths(rows);
        boolean moreRows = false;
        for (Map.Entry<String, Table> question : kpis.computed().entrySet()) {
            Table table = question.getValue();
            Table shownTable = kpis.published().get(question.getKey());
            for (int row = 0; row < table.rowCount(); row++) {
                String kpi = String.valueOf(table.value(row, "kpi"));
                for (int p = 0; p < KpiGroups.PERIODS.size(); p++) {
                    if (table.value(row, KpiGroups.PERIODS.get(p)) == null) {
                        continue;
                    }
                    double group = KpiGroups.group(table, row, p);
                    String id = kpi + "/" + KpiGroups.PERIODS.get(p);
                    if (!Double.isFinite(group) || group <= 0) {
                        continue;
                    }
                    boolean kpiShown = shownTable.value(row, KpiGroups.PERIODS.get(p)) != null && !hiddenKpis.contains(id);
                    for (SharedValueRows.Row same : rows) {
                        if (same.members() != group || same.oneMonth() && !monthOfPeriod(same, question.getKey(), lastMonth, table, row, p)) {
                            continue;
                        }
                        if (!same.shown() && kpiShown && !publishedByWhole.contains(id)) {
                            forcedKpis.add(id);
                            kpiShown = false;
                        } else if (same.shown() && !kpiShown) {
                            moreRows |= forcedRows.computeIfAbsent(same.result(), x -> new HashSet<>()).add(same.key());
                        }
                    }
                }
            }
        }
        return moreRows;
    }

    /**
     * A report's KPI figures ({@code <kpi id>/<period>}) whose month the same question's table by month alone does not
     * show, with as many members behind them (and as many in their part): the whole report's new signups of February,
     * hidden in its monthly table against the flows between months, were still its KPI's month before. Matched as
     * {@link #sameGroupsAsKpis} matches a slice's; only that way, a row hidden hiding the figure.
     */
    public static Set<String> kpisOfHiddenMonths(List<Answer> computed, List<Answer> published) {
        Optional<SliceKpis> kpis = kpis(new Answers(computed, published));
        if (kpis.isEmpty()) {
            return Set.of();
        }
        List<SharedValueRows.Row> rows = SharedValueRows.sliceMonthRows(computed, published).stream()
                .filter(r -> Double.isFinite(r.members())).toList();
        Map<String, java.time.YearMonth> lastMonth = lastMonths(rows);
        Set<String> hide = new java.util.TreeSet<>();
        for (Map.Entry<String, Table> question : kpis.get().computed().entrySet()) {
            Table table = question.getValue();
            for (int row = 0; row < table.rowCount(); row++) {
                for (int p = 0; p < KpiGroups.PERIODS.size(); p++) {
                    if (table.value(row, KpiGroups.PERIODS.get(p)) == null) {
                        continue;
                    }
                    double group = KpiGroups.group(table, row, p);
                    int kpiRow = row;
                    int period = p;
                    boolean hidden = rows.stream().anyMatch(same -> !same.shown() && same.members() == group
                            && monthOfPeriod(same, question.getKey(), lastMonth, table, kpiRow, period));
                    if (hidden) {
                        hide.add(table.value(row, "kpi") + "/" + KpiGroups.PERIODS.get(p));
                    }
                }
            }
        }
        return hide;
    }

    /**
     * Each result's last month among rows by month: a result by month runs to the as-of month, so its last month is a
     * KPI's value's, the one before and a year before are its comparisons' (or, for a result of complete months, the
     * month before each).
     */
    private static Map<String, java.time.YearMonth> lastMonths(List<SharedValueRows.Row> rows) {
        Map<String, java.time.YearMonth> last = new HashMap<>();
        rows.stream().filter(SharedValueRows.Row::oneMonth).forEach(r -> last.merge(r.result(),
                java.time.YearMonth.parse(r.month().substring(0, 7)), (a, b) -> a.isAfter(b) ? a : b));
        return last;
    }

    /** Whether a month's row is the group of a KPI's period: a result of the KPI's question, of the period's month, with as many in its part. */
    private static boolean monthOfPeriod(SharedValueRows.Row row, String question, Map<String, java.time.YearMonth> lastMonth, Table kpis,
                                         int kpi, int period) {
        return row.result().startsWith(question + "/") && ofPeriod(row, lastMonth.get(row.result()), period) && sameParts(row, kpis, kpi, period);
    }

    /** Whether a month's row and a KPI's period count the same part: both none, or as many members (the churners). */
    private static boolean sameParts(SharedValueRows.Row row, Table kpis, int kpi, int period) {
        boolean kpiHasPart = kpis.indexOf(KpiGroups.PARTS.get(period)).map(i -> kpis.rows().get(kpi).get(i) != null).orElse(false);
        return kpiHasPart ? KpiGroups.part(kpis, kpi, period) == row.part() : Double.isNaN(row.part());
    }

    /** Whether a month's row may be the group of a KPI's period (0 its value, 1 a month before, 2 a year before). */
    private static boolean ofPeriod(SharedValueRows.Row row, java.time.YearMonth last, int period) {
        long back = period == 0 ? 0 : period == 1 ? 1 : 12;
        java.time.YearMonth month = java.time.YearMonth.parse(row.month().substring(0, 7));
        return month.equals(last.minusMonths(back)) || month.equals(last.minusMonths(back + 1));
    }

    /** A result of the answer to the same question, if the report answered it. */
    static Optional<Table> resultOf(List<Answer> answers, Question question, String result) {
        return answers.stream().filter(a -> a.question().slug().equals(question.slug())).findFirst()
                .flatMap(a -> Optional.ofNullable(a.results().get(result)));
    }

    /** The KPI rows of a report's answers, per question, as computed and as published; empty when no question gives KPIs. */
    private static Optional<SliceKpis> kpis(Answers answers) {
        Map<String, Table> computed = new TreeMap<>();
        Map<String, Table> published = new TreeMap<>();
        for (int a = 0; a < answers.computed().size(); a++) {
            Answer answer = answers.computed().get(a);
            Optional<String> query = answer.question().kpiQuery().filter(q -> answer.results().containsKey(q));
            if (query.isPresent()) {
                computed.put(answer.question().slug(), answer.result(query.get()));
                published.put(answer.question().slug(), answers.published().get(a).result(query.get()));
            }
        }
        return computed.isEmpty() ? Optional.empty() : Optional.of(new SliceKpis(computed, published));
    }

    /**
     * One report's KPI rows, per question that gives KPIs: as computed (with the groups they describe), and as
     * published after the report's own suppression.
     */
    public record SliceKpis(java.util.Map<String, Table> computed, java.util.Map<String, Table> published) {
    }

    /**
     * For each published slice, in order, the figures to hide: {@code <kpi id>/<period>} ({@code value},
     * {@code previous_month}, {@code year_ago}).
     *
     * @param whole  the whole report's KPI rows, as computed and as published
     * @param slices each published slice's; the withheld slices have none, and count as not showing anything
     */
    public static List<Set<String>> hidden(SliceKpis whole, List<Optional<SliceKpis>> slices, int k) {
        return hidden(whole, slices, k, slices.stream().map(s -> Set.<String>of()).toList());
    }

    /** The same, where each slice already hides the figures {@code forced} names (they count as not shown). */
    static List<Set<String>> hidden(SliceKpis whole, List<Optional<SliceKpis>> slices, int k, List<Set<String>> forced) {
        return hidden(whole, slices, k, forced, slices.stream().map(s -> Set.<String>of()).toList());
    }

    /**
     * The same, where the whole report already shows some slices' figures under another name ({@code shownByWhole}, per
     * slice: a region's slice's churn rate is the whole report's churn by region's row of that region): hiding one of
     * those protects nothing, so a figure to hide is taken from the other slices first.
     */
    static List<Set<String>> hidden(SliceKpis whole, List<Optional<SliceKpis>> slices, int k, List<Set<String>> forced,
                                    List<Set<String>> shownByWhole) {
        List<Set<String>> hide = new ArrayList<>();
        forced.forEach(f -> hide.add(new HashSet<>(f)));
        for (String question : whole.computed().keySet()) {
            hidden(question, whole, slices, k, hide, shownByWhole);
        }
        return hide;
    }

    /**
     * A slice's KPI figures (ids as {@link #hidden} names them) whose group the whole report shows by the slice's value
     * in a table, with as many members: matched by the count, as {@link #sameGroupsAsKpis} matches within a slice.
     */
    private static Set<String> kpisShownByWhole(SliceKpis slice, List<SharedValueRows.Row> wholeRows) {
        List<SharedValueRows.Row> rows = wholeRows.stream().filter(r -> Double.isFinite(r.members())).toList();
        Set<String> shown = new HashSet<>();
        for (Table table : slice.computed().values()) {
            for (int row = 0; row < table.rowCount(); row++) {
                for (int p = 0; p < KpiGroups.PERIODS.size(); p++) {
                    if (table.value(row, KpiGroups.PERIODS.get(p)) == null) {
                        continue;
                    }
                    double group = KpiGroups.group(table, row, p);
                    if (Double.isFinite(group) && group > 0 && rows.stream().anyMatch(r -> r.members() == group)) {
                        shown.add(table.value(row, "kpi") + "/" + KpiGroups.PERIODS.get(p));
                    }
                }
            }
        }
        return shown;
    }

    /** Per result ({@link Disclosure#resultKey}) that declares them, the KPIs whose members its rows count ({@code kpi_members}). */
    private static Map<String, List<String>> kpiMembers(Answers whole) {
        Map<String, List<String>> declared = new HashMap<>();
        for (Answer answer : whole.computed()) {
            for (String result : answer.results().keySet()) {
                answer.question().privacy(result).filter(spec -> !spec.kpiMembers().isEmpty())
                        .ifPresent(spec -> declared.put(Disclosure.resultKey(answer.question(), result), spec.kpiMembers()));
            }
        }
        return declared;
    }

    /**
     * A slice's KPI figures of the as-of date whose members, and part, the whole report shows exactly: its row, shown, of
     * a result that declares it counts that KPI's members by its label ({@code kpi_members}), for the slice's own value
     * of the label, with as many members (and as many in its part, for a KPI with one) as the KPI figure, which they
     * make: a count of members, or a rate of its part. The Poland slice hid its 47 active members, because its churn
     * model's row of Europe (its expected churners too few) counts as many, while the whole report's members by country
     * shows Poland's 47.
     */
    private static Set<String> kpisPublishedByWhole(SliceKpis slice, List<SharedValueRows.Row> wholeRows,
                                                    Map<String, List<String>> declared) {
        List<SharedValueRows.Row> rows = wholeRows.stream().filter(SharedValueRows.Row::wholeSlice)
                .filter(r -> declared.containsKey(r.result())).toList();
        Set<String> known = new HashSet<>();
        for (Table table : slice.computed().values()) {
            Optional<Integer> partColumn = table.indexOf(KpiGroups.PARTS.get(0));
            for (int row = 0; row < table.rowCount(); row++) {
                if (table.value(row, KpiGroups.PERIODS.get(0)) == null) {
                    continue;
                }
                String kpi = String.valueOf(table.value(row, "kpi"));
                double group = KpiGroups.group(table, row, 0);
                Object part = partColumn.map(table.rows().get(row)::get).orElse(null);
                // Only a figure its members and part make: a count of them, or the share of them in its part. An MRR
                // is a sum of their prices, which the row need not show (the whole report may hide it for its prices).
                boolean madeOfItsMembers = part == null ? "members".equals(table.value(row, "unit")) : part instanceof Number;
                if (madeOfItsMembers && rows.stream().anyMatch(r -> declared.get(r.result()).contains(kpi) && r.members() == group
                        && (part == null || part instanceof Number n && r.part() == n.doubleValue()))) {
                    known.add(kpi + "/" + KpiGroups.PERIODS.get(0));
                }
            }
        }
        return known;
    }

    private static void hidden(String question, SliceKpis whole, List<Optional<SliceKpis>> slices, int k, List<Set<String>> hide,
                               List<Set<String>> shownByWhole) {
        Table wholeComputed = whole.computed().get(question);
        Table wholePublished = whole.published().get(question);
        for (int row = 0; row < wholeComputed.rowCount(); row++) {
            String kpi = String.valueOf(wholeComputed.value(row, "kpi"));
            for (int p = 0; p < KpiGroups.PERIODS.size(); p++) {
                String period = KpiGroups.PERIODS.get(p);
                if (wholePublished.value(row, period) == null) {
                    continue;
                }
                double group = KpiGroups.group(wholeComputed, row, p);
                double part = KpiGroups.part(wholeComputed, row, p);
                if (!Double.isFinite(group)) {
                    continue;
                }
                List<Integer> showing = new ArrayList<>();
                double[] groups = new double[slices.size()];
                double[] parts = new double[slices.size()];
                for (int s = 0; s < slices.size(); s++) {
                    Optional<Table> computed = slices.get(s).map(t -> t.computed().get(question));
                    Optional<Table> published = slices.get(s).map(t -> t.published().get(question));
                    Optional<Integer> at = computed.flatMap(t -> rowOf(t, kpi));
                    if (at.isPresent() && published.isPresent() && published.get().value(at.get(), period) != null
                            && !hide.get(s).contains(kpi + "/" + period)) {
                        showing.add(s);
                        groups[s] = KpiGroups.group(computed.get(), at.get(), p);
                        parts[s] = KpiGroups.part(computed.get(), at.get(), p);
                    }
                }
                double restGroup = group - showing.stream().mapToDouble(s -> groups[s]).sum();
                double restPart = part - showing.stream().mapToDouble(s -> parts[s]).sum();
                while (!showing.isEmpty() && (KpiGroups.small(restGroup, k) || KpiGroups.small(restPart, k)
                        || KpiGroups.small(restGroup - restPart, k))) {
                    String id = kpi + "/" + period;
                    int next = showing.stream().min(java.util.Comparator.comparing((Integer s) -> shownByWhole.get(s).contains(id))
                            .thenComparingDouble(s -> groups[s])).orElseThrow();
                    showing.remove(Integer.valueOf(next));
                    hide.get(next).add(id);
                    restGroup += groups[next];
                    restPart += parts[next];
                }
            }
        }
    }

    private static Optional<Integer> rowOf(Table kpis, String kpi) {
        for (int r = 0; r < kpis.rowCount(); r++) {
            if (kpi.equals(String.valueOf(kpis.value(r, "kpi")))) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
