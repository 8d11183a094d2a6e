package dev.marquee.report;

import dev.marquee.chart.RenderedChart;
import dev.marquee.query.Answer;

import java.util.List;
import java.util.Optional;

/**
 * One answered question with its rendered charts, in declaration order.
 *
 * @param narrative the question's Markdown with the values it quotes filled in from the results, escaped so that
 *                  Markdown reads them as text
 * @param notes     per chart id, what the disclosure stage merged or hid in the chart's data, in words
 */
public record Section(Answer answer, List<RenderedChart> charts, String narrative, java.util.Map<String, String> notes) {

    public Section {
        charts = List.copyOf(charts);
        notes = java.util.Map.copyOf(notes);
    }

    /** What was merged or hidden in a chart's data so that no small group is published; empty when nothing was. */
    public String note(dev.marquee.catalog.ChartSpec chart) {
        return notes.getOrDefault(chart.id(), "");
    }

    /**
     * The same for one drawn chart: one population's chart says only what was done to that population's rows; one
     * country's chart does not say how many rows of all the countries were (Australia's three rows under "11 rows").
     */
    public String note(dev.marquee.chart.RenderedChart chart) {
        String whole = note(chart.spec());
        String note = chart.source().map(source -> notes.getOrDefault(Answer.sourceNote(chart.spec().id(), source), whole)).orElse(whole);
        return chart.facetValue().isPresent() ? dev.marquee.privacy.Disclosure.withoutRowCount(note) : note;
    }


    public String slug() {
        return answer.question().slug();
    }

    public String title() {
        return answer.question().title();
    }

    public Optional<RenderedChart> headline() {
        return answer.question().headline().flatMap(spec -> charts.stream()
                .filter(c -> c.spec().id().equals(spec.id()) && c.facetValue().isEmpty()).findFirst());
    }
}
