package dev.marquee.present;

import dev.marquee.format.Tone;
import dev.marquee.format.Formats;
import dev.marquee.history.Memory;
import dev.marquee.history.Targets;
import dev.marquee.report.Kpi;

import java.util.List;
import java.util.Optional;

/**
 * An executive KPI as its tile shows it: the value and its changes written out, each change's tone, the windows
 * compared in words, and, for an edition with a history, its sparkline and targets.
 *
 * @param compared whether there is any earlier figure to compare with (a file of one moment has none)
 * @param whole    on a slice's tile, the same figure for all slices together ("All regions: 4.0%"); else empty
 */
public record Tile(String id, String label, String value, boolean partial, boolean compared, Change vsPreviousMonth,
                   Change vsYearAgo, String comparison, Optional<Sparkline> sparkline, List<TargetStatus> targets, String whole) {

    public Tile {
        targets = List.copyOf(targets);
    }

    /** A change as written ("+4.2%", "−0.3 pts", "n/a"), its tone, and what it is measured against. */
    public record Change(String text, Tone tone, String versus) {
    }

    /**
     * A KPI's values across editions: each point's x and y from 0 to 1 (first edition left, smallest value at the
     * bottom), the values in words for those who cannot see the line, and a caption.
     */
    public record Sparkline(List<double[]> points, String said, String caption) {
        public Sparkline {
            points = List.copyOf(points);
        }
    }

    /** The value of a tile whose figure is hidden for privacy. */
    public static final String NOT_PUBLISHED = "Not published";

    /** A KPI's tile; with the edition's memory, its sparkline across editions and its targets. */
    public static Tile of(Kpi kpi, Optional<Memory> memory, Targets targets) {
        return of(kpi, memory, targets, Optional.empty());
    }

    /** The same on a slice's report, beside the whole report's figure. */
    public static Tile of(Kpi kpi, Optional<Memory> memory, Targets targets, Optional<Slicing.Whole> whole) {
        Optional<Sparkline> sparkline = Optional.empty();
        List<Double> values = memory.map(m -> m.series(kpi.id())).orElse(List.of());
        if (values.size() >= 2) {
            sparkline = Optional.of(new Sparkline(memory.get().sparkline(kpi.id()), kpi.label() + " in the last " + values.size()
                    + " editions: " + String.join(", ", values.stream().map(v -> Formats.compact(v, kpi.unit())).toList()),
                    "Last " + values.size() + " editions"));
        }
        List<TargetStatus> statuses = memory.map(m -> m.targetsOf(targets, kpi.id()).stream().map(TargetStatus::of).toList())
                .orElse(List.of());
        // A figure hidden for privacy reads as the countries' pages write it, not "n/a", which says the data has none.
        boolean hidden = Double.isNaN(kpi.value()) && (kpi.comparison().contains(dev.marquee.privacy.KpiGroups.HIDDEN)
                || kpi.comparison().contains(dev.marquee.privacy.AcrossSlices.HIDDEN));
        return new Tile(kpi.id(), kpi.label(), hidden ? NOT_PUBLISHED : kpi.valueText(), kpi.partial(), kpi.compared(),
                new Change(kpi.changeVsPreviousMonth(), kpi.trendVsPreviousMonth(), Texts.VS_MONTH_EARLIER),
                new Change(kpi.changeVsYearAgo(), kpi.trendVsYearAgo(), Texts.VS_YEAR_EARLIER),
                kpi.comparison(), sparkline, statuses, whole.flatMap(w -> Optional.ofNullable(w.kpis().get(kpi.id()))
                        .filter(all -> Double.isFinite(all.value())).map(all -> w.all() + ": " + all.valueText())).orElse(""));
    }
}
