package dev.marquee.privacy;

import dev.marquee.engine.Table;

import java.util.ArrayList;
import java.util.List;

/**
 * KPIs under k. Each KPI row gives, beside its value and comparisons, the group each one describes: {@code members}
 * (and {@code members_previous_month}, {@code members_year_ago}) are the members a value is about (the active members
 * behind an MRR, the viewers behind watch hours), {@code part} (and its two comparisons) the members a rate counts (the
 * churners of a churn rate). A KPI counting members is its own group. A value whose group, part or rest of the group
 * is under k is not shown, and the comparison says why.
 */
public final class KpiGroups {

    static final List<String> PERIODS = List.of("value", "previous_month", "year_ago");
    /** How a KPI's comparison starts to say that a figure of it is hidden. */
    public static final String HIDDEN = "not shown where it would describe fewer than ";
    /** The columns counting the members behind each figure, in the order of {@link #PERIODS}. */
    static final List<String> GROUPS = List.of("members", "members_previous_month", "members_year_ago");
    static final List<String> PARTS = List.of("part", "part_previous_month", "part_year_ago");

    private KpiGroups() {
    }

    static Table protect(Table kpis, int k) {
        List<List<Object>> rows = new ArrayList<>();
        for (int r = 0; r < kpis.rowCount(); r++) {
            List<Object> row = new ArrayList<>(kpis.rows().get(r));
            boolean hid = false;
            for (int p = 0; p < PERIODS.size(); p++) {
                int value = kpis.index(PERIODS.get(p));
                if (row.get(value) == null) {
                    continue;
                }
                double group = group(kpis, r, p);
                double part = kpis.indexOf(PARTS.get(p)).map(i -> row.get(i)).map(v -> ((Number) v).doubleValue()).orElse(0.0);
                if (small(group, k) || small(part, k) || small(group - part, k)) {
                    row.set(value, null);
                    hid = true;
                }
            }
            if (hid && kpis.indexOf("comparison").isPresent()) {
                int comparison = kpis.index("comparison");
                row.set(comparison, (row.get(comparison) == null ? "" : row.get(comparison) + "; ")
                        + HIDDEN + k + " members");
            }
            rows.add(row);
        }
        return new Table(kpis.columns(), rows);
    }

    /** The members a period's value counts in its part (the churners of a churn rate); 0 for a KPI without parts. */
    static double part(Table kpis, int row, int period) {
        return kpis.indexOf(PARTS.get(period)).map(i -> kpis.rows().get(row).get(i))
                .map(v -> ((Number) v).doubleValue()).orElse(0.0);
    }

    /** The members behind a period's value: its group column, or the value itself for a KPI counting members. */
    static double group(Table kpis, int row, int period) {
        return kpis.indexOf(GROUPS.get(period)).map(i -> kpis.rows().get(row).get(i))
                .map(v -> ((Number) v).doubleValue())
                .orElseGet(() -> "members".equals(kpis.value(row, "unit"))
                        ? ((Number) kpis.value(row, PERIODS.get(period))).doubleValue() : Double.POSITIVE_INFINITY);
    }

    static boolean small(double members, int k) {
        return members > 0 && members < k;
    }
}
