package dev.marquee.history;

import dev.marquee.catalog.ChartSpec;
import dev.marquee.catalog.GroupSpec;
import dev.marquee.format.Unit;
import dev.marquee.chart.RenderedChart;
import dev.marquee.engine.Table;
import dev.marquee.report.Kpi;
import dev.marquee.report.Report;
import dev.marquee.report.Section;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The record of one edition's figures, written beside metrics.json as {@value #FILE}: what the next edition compares
 * itself with. It holds only figures the edition published: the KPIs, the order of every ranking and every tracked
 * group's rate with its group size (which the published table shows too), and the status of each target.
 *
 * @param rankings charts declared {@code track: ranking}, their x values in published order
 * @param rates    charts declared {@code track: rate}, each group's rate and size
 */
public record Edition(LocalDate asOf, String title, int minGroupSize, List<KpiFigure> kpis, List<Ranking> rankings,
                      List<RateTable> rates, List<TargetResult> targets) {

    public static final String FILE = "edition.json";
    public static final String FORMAT = "marquee-edition";
    /** The record's layout; a reader refuses a newer one rather than guess at it. */
    public static final int VERSION = 1;

    public Edition {
        Objects.requireNonNull(asOf);
        kpis = List.copyOf(kpis);
        rankings = List.copyOf(rankings);
        rates = List.copyOf(rates);
        targets = List.copyOf(targets);
    }

    /**
     * A KPI as its tile showed it.
     *
     * @param partial when it covers the month to the as-of day only
     * @param asOf    the figure's own date where it is not the edition's (a member-level file's, among several files), or
     *                Parameters.UNDATED for a file without dates
     */
    public record KpiFigure(String id, String label, Unit unit, double value, Optional<Double> previousMonth,
                            boolean higherIsBetter, boolean partial, Optional<LocalDate> asOf) {

        public KpiFigure(String id, String label, Unit unit, double value, Optional<Double> previousMonth,
                         boolean higherIsBetter, boolean partial) {
            this(id, label, unit, value, previousMonth, higherIsBetter, partial, Optional.empty());
        }
    }

    /** A ranked list: {@code id} is {@code <question>/<chart>}, {@code href} the chart on the site. */
    public record Ranking(String id, String title, String href, List<String> items) {
        public Ranking {
            items = List.copyOf(items);
        }
    }

    /** One group of a tracked rate: the rate and the members it is a share of. */
    public record GroupRate(String group, double rate, long members) {
    }

    /** A tracked rate per group (churn rate per region). */
    public record RateTable(String id, String title, String href, Unit unit, String groupLabel, List<GroupRate> groups) {
        public RateTable {
            groups = List.copyOf(groups);
        }

        /** The rate of all the published groups together: their rates weighted by their sizes. */
        public double overall() {
            return overall(groups);
        }

        /** The rate of these groups together; NaN when they hold no member. */
        static double overall(List<GroupRate> groups) {
            double parts = 0;
            long members = 0;
            for (GroupRate group : groups) {
                parts += group.rate() * group.members();
                members += group.members();
            }
            return members == 0 ? Double.NaN : parts / members;
        }

        public Optional<GroupRate> group(String name) {
            return groups.stream().filter(g -> g.group().equals(name)).findFirst();
        }
    }

    /** Whether a target or alert rule held on this edition. */
    public enum Status {
        MET("met"), MISSED("missed"), NO_DATA("no data");

        private final String text;

        Status(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }

        static Optional<Status> parse(String text) {
            return java.util.Arrays.stream(values()).filter(s -> s.text.equals(text)).findFirst();
        }
    }

    /**
     * A target's status on this edition.
     *
     * @param bound  the target in words, "at most 3.5%" (empty for an alert rule)
     * @param now    what was measured, in short: "4.0%", "+1.2% on the month", "Europe 6.1%"; empty when nothing is
     * @param detail the whole sentence: "Churn rate 4.0%, target at most 3.5%"
     */
    public record TargetResult(String id, String name, Status status, String bound, String now, String detail) {
    }

    /**
     * The targets a reader is shown: all of them, unless the data gives none of their figures (a file of members
     * only, checked against revenue and churn targets), when a page of "no data" would say nothing.
     */
    public List<TargetResult> shownTargets() {
        return targets.stream().allMatch(t -> t.status() == Status.NO_DATA) ? List.of() : targets;
    }

    public Optional<KpiFigure> kpi(String id) {
        return kpis.stream().filter(k -> k.id().equals(id)).findFirst();
    }

    public Optional<Ranking> ranking(String id) {
        return rankings.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    public Optional<RateTable> rate(String id) {
        return rates.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    public Optional<TargetResult> target(String id) {
        return targets.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** The same figures with the targets' statuses. */
    public Edition withTargets(List<TargetResult> results) {
        return new Edition(asOf, title, minGroupSize, kpis, rankings, rates, results);
    }

    /** The figures a dated report published (its targets not yet checked). */
    public static Edition of(Report report) {
        List<KpiFigure> kpis = new ArrayList<>();
        for (Kpi kpi : report.kpis()) {
            if (Double.isFinite(kpi.value())) {
                kpis.add(new KpiFigure(kpi.id(), kpi.label(), kpi.unit(), kpi.value(), kpi.previousMonth().filter(Double::isFinite),
                        kpi.higherIsBetter(), kpi.partial(), kpi.asOf()));
            }
        }
        List<Ranking> rankings = new ArrayList<>();
        List<RateTable> rates = new ArrayList<>();
        for (Section section : report.sections()) {
            for (RenderedChart chart : section.charts()) {
                ChartSpec spec = chart.spec();
                if (spec.track().isEmpty() || chart.facetValue().isPresent() || chart.data().isEmpty()) {
                    continue;
                }
                String id = chartId(chart);
                String href = section.slug() + ".html#chart-" + chart.fileStem();
                Table data = chart.data();
                if (spec.track().get() == ChartSpec.Track.RANKING) {
                    List<String> items = new ArrayList<>();
                    for (int row = 0; row < data.rowCount(); row++) {
                        Object item = data.value(row, spec.x());
                        if (item != null) {
                            items.add(item.toString());
                        }
                    }
                    rankings.add(new Ranking(id, spec.title(), href, items));
                } else {
                    rates.add(new RateTable(id, spec.title(), href, spec.unit(), spec.xLabel(),
                            groupRates(section.answer().question(), spec, data)));
                }
            }
        }
        return new Edition(report.asOf(), report.title(), report.parameters().minGroupSize(), kpis, rankings, rates, List.of());
    }

    /**
     * The groups of a chart that tracks a rate: its x values, its y rate and each group's size, the members column of
     * its result's privacy declaration. A hidden group (no rate) is left out.
     */
    static List<GroupRate> groupRates(dev.marquee.catalog.Question question, ChartSpec spec, Table data) {
        String members = question.privacy(spec.query()).map(GroupSpec::members).orElseThrow();
        List<GroupRate> groups = new ArrayList<>();
        for (int row = 0; row < data.rowCount(); row++) {
            Object group = data.value(row, spec.x());
            Object rate = data.value(row, spec.y().get(0));
            Object size = data.value(row, members);
            if (group != null && rate instanceof Number r && size instanceof Number n && Double.isFinite(r.doubleValue())) {
                groups.add(new GroupRate(group.toString(), r.doubleValue(), n.longValue()));
            }
        }
        return groups;
    }

    /** {@code <question>/<chart>}, and {@code /<file>} for one file's chart when a result holds several. */
    static String chartId(RenderedChart chart) {
        return chart.questionSlug() + "/" + chart.spec().id() + (chart.sourceSlug().isEmpty() ? "" : "/" + chart.sourceSlug());
    }
}
