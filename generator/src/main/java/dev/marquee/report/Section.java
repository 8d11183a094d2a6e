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
 */
public record Section(Answer answer, List<RenderedChart> charts, String narrative) {

    public Section {
        charts = List.copyOf(charts);
    }

    public String slug() {
        return answer.question().slug();
    }

    public String title() {
        return answer.question().title();
    }

    public Optional<RenderedChart> headline() {
        return answer.question().headline().flatMap(spec -> charts.stream().filter(c -> c.spec().equals(spec)).findFirst());
    }
}
