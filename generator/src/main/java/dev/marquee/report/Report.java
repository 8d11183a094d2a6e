package dev.marquee.report;

import dev.marquee.chart.RenderedChart;
import dev.marquee.query.Answer;
import dev.marquee.query.LeftOut;
import dev.marquee.query.Parameters;
import dev.marquee.validate.ValidationReport;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything the site and the PDF show, assembled once by the pipeline. Both outputs read only this.
 *
 * @param dataRange first and last activity dates in the data, for "data freshness"
 */
public record Report(String title, Parameters parameters, List<Section> sections, List<LeftOut> leftOut,
                     ValidationReport quality, DateRange dataRange) {

    public static final String DEFAULT_TITLE = "Marquee streaming report";

    public Report {
        sections = List.copyOf(sections);
        leftOut = List.copyOf(leftOut);
    }

    public LocalDate asOf() {
        return parameters.asOf();
    }

    public static Report assemble(String title, Parameters parameters, List<Answer> answers, List<RenderedChart> charts,
                                  List<LeftOut> leftOut, ValidationReport quality, DateRange dataRange) {
        List<Section> sections = new ArrayList<>();
        for (Answer answer : answers) {
            String slug = answer.question().slug();
            sections.add(new Section(answer, charts.stream().filter(c -> c.questionSlug().equals(slug)).toList()));
        }
        return new Report(title, parameters, sections, leftOut, quality, dataRange);
    }

    /** First and last day with member activity; both null when the data has none. */
    public record DateRange(LocalDate first, LocalDate last) {
    }
}
