package dev.marquee.chart;

import dev.marquee.catalog.ChartKind;
import dev.marquee.catalog.ChartSpec;
import dev.marquee.engine.Table;
import dev.marquee.query.Answer;

import org.jfree.chart.JFreeChart;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns every answered question's charts into SVG for the site and vector drawings for the PDF. */
public final class ChartStage {

    private ChartStage() {
    }

    /** Every chart, in the order of the answers and of each question's charts. */
    public static List<RenderedChart> render(List<Answer> answers) {
        List<Job> jobs = new ArrayList<>();
        for (Answer answer : answers) {
            for (ChartSpec spec : answer.question().charts()) {
                jobs.add(new Job(answer.question().slug(), spec, answer.result(spec.query())));
            }
        }
        // Charts share nothing, so they are drawn side by side; an ordered stream keeps the list in job order.
        return jobs.parallelStream().map(job -> render(job.slug(), job.spec(), job.data())).toList();
    }

    private record Job(String slug, ChartSpec spec, Table data) {
    }

    static RenderedChart render(String slug, ChartSpec spec, Table data) {
        String alt = AltText.describe(spec, data);
        if (spec.kind() == ChartKind.TABLE || data.isEmpty()) {
            return new RenderedChart(slug, spec, data, Optional.empty(), "", alt);
        }
        JFreeChart chart = ChartBuilder.build(spec, data);
        String svg = SvgWriter.svg(chart, "svg-" + slug + "-" + spec.id(), spec.title());
        return new RenderedChart(slug, spec, data, Optional.of(chart), svg, alt);
    }
}
