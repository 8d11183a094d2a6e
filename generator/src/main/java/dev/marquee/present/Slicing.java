package dev.marquee.present;

import dev.marquee.report.Kpi;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a report stands among the slices of a run with {@code --slices}: the whole report links each slice's site and
 * PDF; a slice's report links the whole one and sets each KPI beside the same figure for all slices together.
 *
 * @param slices       the published slices, for the whole report; empty for a slice's report or a run without slices
 * @param notPublished for the whole report, what it says of the slices it does not publish; empty when there are none
 * @param whole        for a slice's report, the whole report
 */
public record Slicing(String dimension, List<Link> slices, String notPublished, Optional<Whole> whole) {

    public static final Slicing NONE = new Slicing("", List.of(), "", Optional.empty());

    public Slicing {
        slices = List.copyOf(slices);
    }

    /** A slice, named as its pages are ("Region: Europe"), and where its site and PDF are from the whole report's pages. */
    public record Link(String label, String siteHref, String pdfHref) {
    }

    /**
     * The whole report as a slice's pages refer to it.
     *
     * @param all     what all slices together are called ("All regions")
     * @param href    the whole report's overview, from the slice's pages
     * @param kpis    the whole report's KPIs by id
     * @param members who the slice counts ("the members whose country is Brazil")
     */
    public record Whole(String all, String href, Map<String, Kpi> kpis, String members) {
        public Whole {
            kpis = Map.copyOf(kpis);
        }

        /** The sentence a slice's overview and PDF cover say who they count in. */
        public String note() {
            return "These figures count only " + members + ".";
        }
    }

    /** The whole report of a run sliced by {@code dimension} ("region"), linking its slices. */
    public static Slicing of(String dimension, List<Link> slices) {
        return of(dimension, slices, 0, 0);
    }

    /**
     * The same, saying how many slices are not published and why, without naming them: a name would say that its group
     * is small.
     */
    public static Slicing of(String dimension, List<Link> slices, long notPublished, int minGroupSize) {
        String note = notPublished == 0 ? "" : "Not published: " + notPublished + " " + dimension
                + (notPublished == 1 ? " slice" : " slices") + " of fewer than " + minGroupSize + " members, or withheld with "
                + "those, so that the whole report minus the published slices never gives a group of fewer than " + minGroupSize
                + " members.";
        return new Slicing(dimension, slices, note, Optional.empty());
    }

    /**
     * A slice's report: {@code depth} folders below the whole report's (2 for slices/europe).
     *
     * @param members who the slice counts (see {@link Whole})
     */
    public static Slicing slice(String dimension, String allSlices, int depth, List<Kpi> wholeKpis, String members) {
        Map<String, Kpi> kpis = new java.util.LinkedHashMap<>();
        wholeKpis.forEach(k -> kpis.put(k.id(), k));
        return new Slicing(dimension, List.of(), "", Optional.of(new Whole(allSlices, "../".repeat(depth) + "index.html", kpis, members)));
    }
}
