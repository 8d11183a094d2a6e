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
 * @param kpiNeeds  the columns ({@code subscriptions.monthly_price}) its KPIs are computed from, to say why a KPI that
 *                  has no value is left out
 * @param narrativeValues the values the narrative quotes from the results
 * @param forecasts monthly series this question forecasts (see {@code OutlookStage})
 * @param model     the churn-risk model this question fits, if any
 * @param when      a statement returning one row (answerable BOOLEAN, reason TEXT): when false, the question is left
 *                  out with that reason (e.g. the market view needs two services)
 * @param privacy   what the rows of each published result describe, so that no group under k is published
 */
public record Question(String slug, String title, String question, int order, List<String> requires,
                       List<QuerySource> queries, List<ChartSpec> charts, String narrative, Path descriptionFile,
                       List<Metric> metrics, Optional<String> kpiQuery, List<String> kpiNeeds, List<NarrativeValue> narrativeValues,
                       List<ForecastSpec> forecasts, Optional<ModelSpec> model, Optional<String> when,
                       List<GroupSpec> privacy) {

    /** The columns a KPI statement ({@code kpis:}) returns, one row per KPI. */
    public static final List<String> KPI_COLUMNS = List.of("kpi", "label", "unit", "value", "previous_month", "year_ago",
            "partial", "higher_is_better", "comparison");


    public Question {
        Objects.requireNonNull(slug);
        requires = List.copyOf(requires);
        queries = List.copyOf(queries);
        charts = List.copyOf(charts);
        metrics = List.copyOf(metrics);
        kpiNeeds = List.copyOf(kpiNeeds);
        narrativeValues = List.copyOf(narrativeValues);
        forecasts = List.copyOf(forecasts);
        privacy = List.copyOf(privacy);
    }

    /** The same question drawing only these of its charts (the others need data the files do not give). */
    public Question withOnlyCharts(List<ChartSpec> drawn) {
        return new Question(slug, title, question, order, requires, queries, drawn, narrative, descriptionFile, metrics,
                kpiQuery, kpiNeeds, narrativeValues, forecasts, model, when, privacy);
    }

    /**
     * Every result a chart, a narrative or a privacy entry may name: the statements, then what the outlook stage
     * computes after them (each forecast, the forecasts' accuracy, the model's aggregates), which have no SQL of their own.
     */
    public List<String> results() {
        return resultNames(queries, forecasts, model);
    }

    static List<String> resultNames(List<QuerySource> queries, List<ForecastSpec> forecasts, Optional<ModelSpec> model) {
        List<String> results = new java.util.ArrayList<>(queries.stream().map(QuerySource::name).toList());
        forecasts.forEach(f -> results.add(f.resultName()));
        if (!forecasts.isEmpty()) {
            results.add(ForecastSpec.ACCURACY);
        }
        model.ifPresent(m -> results.addAll(ModelSpec.RESULTS));
        return results;
    }

    public Optional<QuerySource> query(String name) {
        return queries.stream().filter(q -> q.name().equals(name)).findFirst();
    }

    /** The privacy declaration of a result, if the question makes one. */
    public Optional<GroupSpec> privacy(String result) {
        return privacy.stream().filter(p -> p.result().equals(result)).findFirst();
    }

    /**
     * The grain a chart of this question declares for a date column of a statement's result (its {@code units:}), so a
     * narrative quotes the date as the chart's table shows it; empty where no chart on the statement declares one.
     */
    public Optional<dev.marquee.format.Grain> grainOf(String statement, String column) {
        return charts.stream().filter(c -> c.query().equals(statement)).map(c -> c.grainOf(column))
                .flatMap(Optional::stream).findFirst();
    }

    public Optional<ChartSpec> headline() {
        return charts.stream().filter(ChartSpec::headline).findFirst()
                .or(() -> charts.stream().filter(c -> c.kind() != ChartKind.TABLE).findFirst());
    }
}
