package dev.marquee.privacy;

import dev.marquee.engine.Table;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The KPIs of a run with slices, against differencing. A KPI the whole report shows adds up over the slices (their
 * members partition the whole's), so the slices that do not show it, withheld or hiding it for a small group of their
 * own, are together the whole minus the slices that do: arithmetic on published figures gives their value. They must
 * therefore hold, together, k or more of the KPI's group, of its part and of the rest (or none at all), as one slice
 * must on its own (see {@link KpiGroups}). Where they would not, the KPI is hidden in the slice with the smallest group
 * that still shows it, and the next, until they do: complementary suppression.
 */
public final class AcrossSlices {

    /** How a slice's KPI says that a figure is hidden for this reason. */
    public static final String HIDDEN = "not shown where, with the slices that do not show it, it would let fewer than ";

    private AcrossSlices() {
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
        List<Set<String>> hide = new ArrayList<>();
        slices.forEach(s -> hide.add(new HashSet<>()));
        for (String question : whole.computed().keySet()) {
            hidden(question, whole, slices, k, hide);
        }
        return hide;
    }

    private static void hidden(String question, SliceKpis whole, List<Optional<SliceKpis>> slices, int k, List<Set<String>> hide) {
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
                    if (at.isPresent() && published.isPresent() && published.get().value(at.get(), period) != null) {
                        showing.add(s);
                        groups[s] = KpiGroups.group(computed.get(), at.get(), p);
                        parts[s] = KpiGroups.part(computed.get(), at.get(), p);
                    }
                }
                double restGroup = group - showing.stream().mapToDouble(s -> groups[s]).sum();
                double restPart = part - showing.stream().mapToDouble(s -> parts[s]).sum();
                while (!showing.isEmpty() && (KpiGroups.small(restGroup, k) || KpiGroups.small(restPart, k)
                        || KpiGroups.small(restGroup - restPart, k))) {
                    int next = showing.stream().min(java.util.Comparator.comparingDouble((Integer s) -> groups[s])).orElseThrow();
                    showing.remove(Integer.valueOf(next));
                    hide.get(next).add(kpi + "/" + period);
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
