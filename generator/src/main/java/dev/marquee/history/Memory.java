package dev.marquee.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What an edition knows of the ones before it, as the site and the PDF show it: its own record with the targets
 * checked, the earlier records (for sparklines), the digest of what changed, the e-mail subject and the archive.
 *
 * @param earlier the editions before this one, oldest first; empty for a run without history
 * @param archive the archive page's editions, oldest first, ending with this one; empty without history
 */
public record Memory(Edition current, List<Edition> earlier, Digest digest, String subject, List<Archive.Entry> archive) {

    public Memory {
        earlier = List.copyOf(earlier);
        archive = List.copyOf(archive);
    }

    /** This edition against its history and its targets. */
    public static Memory of(Edition figures, History history, Targets targets, int keep) {
        List<Edition> earlier = history.before(figures.asOf());
        Optional<Edition> previous = earlier.isEmpty() ? Optional.empty() : Optional.of(earlier.get(earlier.size() - 1));
        Edition current = figures.withTargets(targets.check(figures, previous));
        // The subject names the KPI of the first missed target, else of the first target.
        List<String> targetKpis = new ArrayList<>();
        for (boolean missed : new boolean[] {true, false}) {
            for (Edition.TargetResult result : current.targets()) {
                if ((result.status() == Edition.Status.MISSED) == missed) {
                    targets.rules().stream().filter(r -> r.id().equals(result.id()) && r instanceof Targets.KpiTarget)
                            .map(r -> ((Targets.KpiTarget) r).kpi()).findFirst().ifPresent(targetKpis::add);
                }
            }
        }
        java.util.Map<String, String> hrefs = new java.util.HashMap<>();
        for (Targets.Rule rule : targets.rules()) {
            rule.chart().flatMap(dev.marquee.catalog.Reference::parse).ifPresent(chart -> hrefs.put(rule.id(),
                    chart.question() + ".html#chart-" + chart.question() + "-" + chart.name()));
        }
        return new Memory(current, earlier, Digest.of(current, earlier, hrefs), Digest.subject(current, previous, targetKpis),
                Archive.plan(history, current, keep));
    }

    public Optional<Edition> previous() {
        return earlier.isEmpty() ? Optional.empty() : Optional.of(earlier.get(earlier.size() - 1));
    }

    /** The digest's page and section: what changed since the last report, or the targets alone on a first edition. */
    public String changesTitle() {
        return remembers() ? "Since the last report" : "Targets";
    }

    /** Whether there is an earlier edition to compare with. */
    public boolean remembers() {
        return !earlier.isEmpty();
    }

    /** A KPI's values across the editions, oldest first, ending with this one's; an edition without it is skipped. */
    public List<Double> series(String kpi) {
        List<Double> values = new ArrayList<>();
        for (Edition edition : earlier) {
            edition.kpi(kpi).ifPresent(k -> values.add(k.value()));
        }
        current.kpi(kpi).ifPresent(k -> values.add(k.value()));
        return values.subList(Math.max(0, values.size() - SPARKLINE_EDITIONS), values.size());
    }

    /**
     * A KPI's series laid out in a unit square, for any size of sparkline: x from 0 (the oldest edition) to 1 (this
     * one), y from 0 (the lowest value) to 1 (the highest), 0.5 when the values are all the same.
     */
    public List<double[]> sparkline(String kpi) {
        List<Double> values = series(kpi);
        double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            points.add(new double[] {values.size() == 1 ? 1 : (double) i / (values.size() - 1),
                    max == min ? 0.5 : (values.get(i) - min) / (max - min)});
        }
        return points;
    }

    /** The editions a sparkline shows at most: a quarter of weekly editions. */
    public static final int SPARKLINE_EDITIONS = 13;

    /** The target results about a KPI, for its tile. */
    public List<Edition.TargetResult> targetsOf(Targets targets, String kpi) {
        List<Edition.TargetResult> results = new ArrayList<>();
        for (Targets.Rule rule : targets.rules()) {
            if (rule instanceof Targets.KpiTarget target && target.kpi().equals(kpi)) {
                current.target(target.id()).ifPresent(results::add);
            }
        }
        return results;
    }

    /** The links between editions for the current edition's pages (at the site root). */
    public String nav() {
        if (archive.size() < 2) {
            return Archive.NO_NAV;
        }
        return Archive.nav("", current.asOf(), Optional.of(archive.get(archive.size() - 2)), Optional.empty());
    }
}
