package dev.marquee.catalog;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A business question, declared as {@code <slug>.sql} plus {@code <slug>.md}.
 *
 * @param question  the question it answers, in one sentence
 * @param requires  tables the question needs; it is left out, with a note, when one is absent
 * @param narrative the Markdown body of the {@code .md} file
 * @param metrics   the measures this question defines, for the methodology page
 * @param kpiQuery  the statement that returns this question's executive KPIs, if any (see {@code Kpi})
 * @param narrativeValues the values the narrative quotes from the results
 */
public record Question(String slug, String title, String question, int order, List<String> requires,
                       List<QuerySource> queries, List<ChartSpec> charts, String narrative, Path descriptionFile,
                       List<Metric> metrics, Optional<String> kpiQuery, List<NarrativeValue> narrativeValues) {

    public Question {
        Objects.requireNonNull(slug);
        requires = List.copyOf(requires);
        queries = List.copyOf(queries);
        charts = List.copyOf(charts);
        metrics = List.copyOf(metrics);
        narrativeValues = List.copyOf(narrativeValues);
    }

    public Optional<QuerySource> query(String name) {
        return queries.stream().filter(q -> q.name().equals(name)).findFirst();
    }

    public Optional<ChartSpec> headline() {
        return charts.stream().filter(ChartSpec::headline).findFirst()
                .or(() -> charts.stream().filter(c -> c.kind() != ChartKind.TABLE).findFirst());
    }
}
