package dev.marquee.outlook;

import dev.marquee.run.Background;
import dev.marquee.catalog.ForecastSpec;
import dev.marquee.catalog.ModelSpec;
import dev.marquee.catalog.Question;
import dev.marquee.engine.Column;
import dev.marquee.engine.ColumnType;
import dev.marquee.engine.Engine;
import dev.marquee.engine.Table;
import dev.marquee.query.Answer;
import dev.marquee.query.Statements;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Looks ahead: forecasts the series questions declare and fits their churn-risk model, adding the results as
 * small aggregate tables to the question's answer, so charts, pages and the PDF show them like any other result.
 */
public final class OutlookStage {

    static final String ACCURACY = ForecastSpec.ACCURACY;

    private OutlookStage() {
    }

    /**
     * The churn models of the questions that declare one, being fitted: their rows stream from a session of their own
     * and the fits follow on the same thread, while the other statements run on one session, the second joining once
     * the models are fitted ({@link #fitted()}). The models' statement is the longest of the stage and its fit the
     * stage's one long piece of Java, so they get a core to themselves: with the second session joining once the rows
     * had streamed, the fit (0.8 s at ten million events) shared the cores with two statements and ended 0.2–0.35 s
     * after the last of them, one core idle. Closing waits for the work to end, then closes the session.
     */
    public static final class Models implements AutoCloseable {
        private final CompletableFuture<Map<String, Fitted>> fitted;
        private final Optional<Engine> session;

        private Models(CompletableFuture<Map<String, Fitted>> fitted, Optional<Engine> session) {
            this.fitted = fitted;
            this.session = session;
        }

        /** Done once every model is fitted, or has failed. */
        public CompletableFuture<?> fitted() {
            return fitted.handle((result, failure) -> null);
        }

        Map<String, Fitted> results() {
            return Background.join(fitted);
        }

        @Override
        public void close() {
            try {
                fitted.join();
            } catch (RuntimeException e) {
                // Reported by results(), or moot because the run failed elsewhere first.
            } finally {
                session.ifPresent(Engine::close);
            }
        }
    }

    /**
     * Starts fitting the questions' churn models (the task "models"); call after the questions' text is checked, before
     * they run. An engine without a second session, or running statements one at a time, fits them here, before the
     * questions.
     */
    public static Models startModels(Background background, Engine engine, List<Question> questions, Statements.Bound sql) {
        List<Question> modelled = questions.stream().filter(q -> q.model().isPresent()).toList();
        Optional<Engine> session = modelled.isEmpty() || !engine.sideBySide() ? Optional.empty() : engine.newSession();
        CompletableFuture<Map<String, Fitted>> fitted;
        if (session.isEmpty()) {
            fitted = new CompletableFuture<>();
            try {
                fitted.complete(fit(engine, modelled, sql));
            } catch (RuntimeException e) {
                fitted.completeExceptionally(e);
            }
        } else {
            fitted = background.start("models", () -> fit(session.get(), modelled, sql));
        }
        return new Models(fitted, session);
    }

    /** A question's model as fitted, and the statement its rows came from, as run: shown beside its aggregates. */
    record Fitted(ChurnModel.Result result, String sql) {
    }

    /** Streams every model's rows, then fits each. */
    private static Map<String, Fitted> fit(Engine engine, List<Question> modelled, Statements.Bound statements) {
        List<ModelRows> rows = new ArrayList<>();
        List<String> sqls = new ArrayList<>();
        for (Question question : modelled) {
            ModelSpec model = question.model().orElseThrow();
            ModelRows read = new ModelRows(model);
            String sql = statements.sql(question.query(model.query()).orElseThrow());
            engine.stream(sql, read);
            rows.add(read);
            sqls.add(sql);
        }
        Map<String, Fitted> results = new LinkedHashMap<>();
        for (int q = 0; q < modelled.size(); q++) {
            results.put(modelled.get(q).slug(), new Fitted(ChurnModel.fit(modelled.get(q).model().orElseThrow(), rows.get(q),
                    statements.parameters().minGroupSize()), sqls.get(q)));
        }
        return results;
    }

    public static List<Answer> extend(Background background, List<Answer> answers, Models started) {
        // The forecasts are Java work on small series; they are computed while the models finish.
        CompletableFuture<List<Forecasts>> forecasting = background.start("forecasts",
                () -> answers.stream().map(OutlookStage::forecasts).toList());
        Map<String, Fitted> fitted = started.results();
        List<Optional<Fitted>> models = answers.stream()
                .map(answer -> Optional.ofNullable(fitted.get(answer.question().slug()))).toList();
        List<Forecasts> forecasts = Background.join(forecasting);
        List<Answer> extended = new ArrayList<>();
        for (int a = 0; a < answers.size(); a++) {
            Answer answer = answers.get(a);
            Question question = answer.question();
            if (question.forecasts().isEmpty() && question.model().isEmpty()) {
                extended.add(answer);
                continue;
            }
            Map<String, Table> results = new LinkedHashMap<>(answer.results());
            Map<String, String> sql = new LinkedHashMap<>(answer.sql());
            results.putAll(forecasts.get(a).results());
            sql.putAll(forecasts.get(a).sql());
            models.get(a).ifPresent(model -> {
                results.putAll(model.result().tables());
                ModelSpec.RESULTS.forEach(name -> sql.put(name, "-- Logistic regression on the features of statement '"
                        + question.model().orElseThrow().query() + "' (trained on the rows neither held out nor scored, judged on those held out); only "
                        + "aggregates are published.\n" + model.sql()));
            });
            extended.add(new Answer(question, results, sql));
        }
        return extended;
    }

    /** A question's forecast tables and their accuracy table, with the SQL notes shown beside them. */
    private record Forecasts(Map<String, Table> results, Map<String, String> sql) {
    }

    private static Forecasts forecasts(Answer answer) {
        Question question = answer.question();
        Map<String, Table> results = new LinkedHashMap<>();
        Map<String, String> sql = new LinkedHashMap<>();
        List<List<Object>> accuracy = new ArrayList<>();
        for (ForecastSpec spec : question.forecasts()) {
            Table history = answer.result(spec.query());
            Forecast forecast = forecast(spec, history);
            results.put(spec.resultName(), forecastTable(history, forecast));
            sql.put(spec.resultName(), "-- Forecast of statement '" + spec.query() + "' by " + forecast.method()
                    + ", " + spec.horizon() + " months ahead, 80% and 95% prediction intervals.\n-- " + forecast.note()
                    + "\n" + answer.sql().getOrDefault(spec.query(), ""));
            accuracy.add(accuracyRow(spec, forecast));
        }
        if (!question.forecasts().isEmpty()) {
            results.put(ACCURACY, new Table(List.of(new Column("series", ColumnType.TEXT), new Column("method", ColumnType.TEXT),
                    new Column("mape", ColumnType.DECIMAL), new Column("mase", ColumnType.DECIMAL),
                    new Column("baseline", ColumnType.TEXT), new Column("baseline_mape", ColumnType.DECIMAL),
                    new Column("baseline_mase", ColumnType.DECIMAL), new Column("note", ColumnType.TEXT)), accuracy));
            sql.put(ACCURACY, "-- Backtest: each method refitted at each of the last " + Forecaster.BACKTEST_ORIGINS
                    + " months (fewer with short history) and scored on the months that followed.");
        }
        return new Forecasts(results, sql);
    }

    private static Forecast forecast(ForecastSpec spec, Table history) {
        List<LocalDate> months = new ArrayList<>();
        double[] values = new double[history.rowCount()];
        for (int i = 0; i < history.rowCount(); i++) {
            months.add((LocalDate) history.value(i, "month"));
            values[i] = history.number(i, "value");
        }
        return Forecaster.forecast(spec.title(), months, values, spec.horizon(), true);
    }

    private static Table forecastTable(Table history, Forecast forecast) {
        List<Column> columns = List.of(new Column("month", ColumnType.DATE), new Column("actual", ColumnType.DECIMAL),
                new Column("forecast", ColumnType.DECIMAL), new Column("low80", ColumnType.DECIMAL),
                new Column("high80", ColumnType.DECIMAL), new Column("low95", ColumnType.DECIMAL),
                new Column("high95", ColumnType.DECIMAL));
        List<List<Object>> rows = new ArrayList<>();
        if (!forecast.available()) {
            // No forecast the data cannot support: no chart either; the accuracy table carries the reason.
            return new Table(columns, rows);
        }
        for (int i = 0; i < history.rowCount(); i++) {
            double value = history.number(i, "value");
            boolean last = i == history.rowCount() - 1 && forecast.available();
            // The last actual month also starts the forecast line, so the two lines join.
            rows.add(java.util.Arrays.asList(history.value(i, "month"), value, last ? value : null,
                    last ? value : null, last ? value : null, last ? value : null, last ? value : null));
        }
        for (Forecast.Point point : forecast.points()) {
            rows.add(java.util.Arrays.asList(point.month(), null, point.mean(), point.low80(), point.high80(),
                    point.low95(), point.high95()));
        }
        return new Table(columns, rows);
    }

    private static List<Object> accuracyRow(ForecastSpec spec, Forecast forecast) {
        Optional<Backtest> candidate = forecast.candidate();
        Optional<Backtest> baseline = forecast.baseline();
        // An error that was not or could not be measured is NaN: "n/a" on the page, an empty cell in the CSV. MAPE is
        // published as a share (0.028), as every percent of the report is, so that the page writes it "2.8%".
        return java.util.Arrays.asList(spec.title(), forecast.available() ? forecast.method() : "no forecast",
                candidate.map(b -> b.mape() / 100).orElse(Double.NaN), candidate.map(Backtest::mase).orElse(Double.NaN),
                forecast.baselineName().isEmpty() ? null : forecast.baselineName(),
                baseline.map(b -> b.mape() / 100).orElse(Double.NaN), baseline.map(Backtest::mase).orElse(Double.NaN), forecast.note());
    }
}
