package dev.marquee.present;

import java.util.List;
import java.util.Optional;

/**
 * An executive KPI as its tile shows it: the value and its changes written out, each change's tone, the windows
 * compared in words, and, for an edition with a history, its sparkline and targets.
 *
 * @param compared whether there is any earlier figure to compare with (a file of one moment has none)
 */
public record Tile(String id, String label, String value, boolean partial, boolean compared, Change vsPreviousMonth,
                   Change vsYearAgo, String comparison, Optional<Sparkline> sparkline, List<TargetStatus> targets) {

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
}
