package dev.marquee.query;

import dev.marquee.run.Background;
import dev.marquee.run.ReportException;
import dev.marquee.catalog.ChartSpec;
import dev.marquee.catalog.ModelSpec;
import dev.marquee.catalog.QuerySource;
import dev.marquee.catalog.Question;
import dev.marquee.catalog.TablesRead;
import dev.marquee.engine.Column;
import dev.marquee.engine.ColumnType;
import dev.marquee.engine.Engine;
import dev.marquee.engine.EngineException;
import dev.marquee.engine.Table;
import dev.marquee.model.Problem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs each question's SQL once on the engine. {@link #checkText} runs first, on the statements' text alone; then
 * {@link #run} runs them and matches every chart's columns against the results, and all problems are reported
 * together.
 */
public final class QueryStage {

    private static final Pattern ENGINE_LINE = Pattern.compile("LINE (\\d+):");

    private QueryStage() {
    }

    /** The questions the loaded tables cannot answer, with the tables each lacks. */
    public static List<LeftOut> leftOut(List<Question> questions, Set<String> loadedTables) {
        List<LeftOut> leftOut = new ArrayList<>();
        for (Question question : questions) {
            List<String> missing = question.requires().stream().filter(t -> !loadedTables.contains(t)).toList();
            if (!missing.isEmpty()) {
                leftOut.add(new LeftOut(question, missing));
            }
        }
        return leftOut;
    }

    /** The questions whose {@code when} statement says the data cannot answer them, with its reason. */
    public static List<LeftOut> unmet(Engine engine, List<Question> questions, Statements.Bound sql) {
        List<LeftOut> leftOut = new ArrayList<>();
        for (Question question : questions) {
            if (question.when().isEmpty()) {
                continue;
            }
            Table result = engine.query(sql.sql(question.query(question.when().get()).orElseThrow()));
            boolean answerable = !result.isEmpty() && Boolean.TRUE.equals(result.value(0, "answerable"));
            if (!answerable) {
                leftOut.add(new LeftOut(question, List.of(), result.isEmpty() ? "the data cannot answer it"
                        : String.valueOf(result.value(0, "reason"))));
            }
        }
        return leftOut;
    }

    /**
     * The statements of these questions that are not one query that only reads the data: a single SELECT (or WITH …
     * AS (…) SELECT), as its text shows and as the engine's own parser reads it. Every question is checked, whether or
     * not the data can answer it. The parser runs on a session of its own where the engine has one, so this can run
     * while the data loads; a statement's kind does not depend on the parameters' values (literals we write), so
     * statements bound to placeholder values serve. Nothing is planned or run.
     */
    public static List<Problem> notOnlyQueries(Engine engine, List<Question> questions, Statements.Bound placeholders) {
        Optional<Engine> session = engine.newSession();
        try {
            return parsedNotOnlyQueries(session.orElse(engine), questions, placeholders);
        } finally {
            session.ifPresent(Engine::close);
        }
    }

    /** @throws ReportException listing every statement that is not one query, with its file and line */
    public static void checkOnlyQueries(List<Problem> problems) {
        if (!problems.isEmpty()) {
            throw ReportException.of(ReportException.QUESTION_PROBLEM, "The questions may only read the data; nothing was run", problems);
        }
    }

    private static List<Problem> parsedNotOnlyQueries(Engine engine, List<Question> questions, Statements.Bound placeholders) {
        List<Problem> problems = new ArrayList<>();
        for (Question question : questions) {
            for (QuerySource query : question.queries()) {
                int before = problems.size();
                QueryShape.check(query, problems);
                if (problems.size() > before) {
                    continue;
                }
                engine.notOneQuery(placeholders.asExpanded(query)).ifPresent(why -> problems.add(Problem.fatal(query.file().toString(), query.firstLine(), "",
                        "not-a-query", "statement '" + query.name() + "' " + why + QueryShape.ONLY_QUERIES)));
            }
        }
        return problems;
    }

    /**
     * @throws ReportException listing every text problem of these questions (a function of one engine only, an unknown
     *                         cross-engine function or parameter), before anything runs
     */
    public static void checkText(Statements statements, List<Question> questions) {
        List<Problem> problems = statements.textProblems(questions);
        if (!problems.isEmpty()) {
            throw ReportException.of(ReportException.QUESTION_PROBLEM, "The questions do not run on this data", problems);
        }
    }

    /**
     * Runs every statement of every question once, two at a time where the engine allows (see SideBySide), except
     * each question's {@code when} statement (run before, by {@link #unmet}) and its model statement (streamed by the
     * outlook stage; described here). Then every chart, KPI, forecast, model and narrative is matched against the
     * columns its statement returned.
     *
     * A statement whose result has a column named after a member identifier (see
     * {@link dev.marquee.model.DataModel#memberIdentifiers}) is a problem too: the report publishes aggregates only.
     *
     * <p>The second session starts once {@code secondStartsAfter} is done: the churn models, whose rows stream and are
     * fitted on a session of their own, keep a core to themselves, so the longest work of the stage is not the last to end.
     *
     * @throws ReportException listing every problem: when a statement fails, every statement is described (the engine
     *                         plans it without running it) so that all of them are reported at once
     */
    public static List<Answer> run(Background background, Engine engine, List<Question> questions, Statements.Bound sql,
                                   Set<String> memberIdentifiers, java.util.concurrent.CompletableFuture<?> secondStartsAfter) {
        List<QuerySource> queries = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        List<String> statements = new ArrayList<>();
        for (int q = 0; q < questions.size(); q++) {
            Question question = questions.get(q);
            for (QuerySource query : question.queries()) {
                if (question.when().map(w -> w.equals(query.name())).orElse(false)) {
                    continue;
                }
                if (question.model().map(m -> m.query().equals(query.name())).orElse(false)) {
                    // One row per member: streamed by the outlook stage into its model, never held as a result.
                    continue;
                }
                queries.add(query);
                owners.add(q);
                statements.add(sql.sql(query));
            }
        }
        SideBySide.Outcome outcome = SideBySide.query(background, engine, statements, rowsRead(engine, statements), secondStartsAfter);
        if (outcome.failure().isPresent()) {
            SideBySide.Failure failure = outcome.failure().get();
            List<Problem> problems = describedProblems(background, engine, questions, sql, memberIdentifiers);
            if (!problems.isEmpty()) {
                throw ReportException.of(ReportException.QUESTION_PROBLEM, "The questions do not run on this data", problems);
            }
            // A statement that plans but fails as it runs (a cast of a bad value, say).
            throw ReportException.of(ReportException.QUESTION_PROBLEM, "A question failed",
                    List.of(engineProblem(queries.get(failure.index()), failure.error(), engine)));
        }
        List<Problem> problems = new ArrayList<>();
        List<Answer> answers = new ArrayList<>();
        for (int q = 0; q < questions.size(); q++) {
            Question question = questions.get(q);
            Map<String, Table> results = new LinkedHashMap<>();
            Map<String, String> ran = new LinkedHashMap<>();
            Map<String, List<Column>> columns = new LinkedHashMap<>();
            for (int i = 0; i < queries.size(); i++) {
                if (owners.get(i) == q) {
                    results.put(queries.get(i).name(), outcome.tables().get(i));
                    ran.put(queries.get(i).name(), statements.get(i));
                    columns.put(queries.get(i).name(), outcome.tables().get(i).columns());
                }
            }
            question.model().ifPresent(model -> {
                QuerySource query = question.query(model.query()).orElseThrow();
                try {
                    columns.put(query.name(), engine.describe(sql.sql(query)));
                } catch (EngineException e) {
                    problems.add(engineProblem(query, e, engine));
                }
            });
            columnProblems(question, columns, problems);
            memberColumnProblems(question, columns, memberIdentifiers, problems);
            answers.add(new Answer(question, results, ran));
        }
        if (!problems.isEmpty()) {
            throw ReportException.of(ReportException.QUESTION_PROBLEM, "The questions do not run on this data", problems);
        }
        return answers;
    }

    /** Per statement, the rows of the tables it reads, as the engine estimates them: what it is expected to take. */
    private static long[] rowsRead(Engine engine, List<String> statements) {
        Map<String, Long> rows = engine.tableRows();
        List<String> tables = List.copyOf(rows.keySet());
        return statements.stream().mapToLong(sql -> TablesRead.among(sql, tables).stream().mapToLong(rows::get).sum()).toArray();
    }

    /** Every statement described, side by side; the problems of those that do not describe and of their columns. */
    private static List<Problem> describedProblems(Background background, Engine engine, List<Question> questions,
                                                   Statements.Bound sql, Set<String> memberIdentifiers) {
        List<String> statements = new ArrayList<>();
        for (Question question : questions) {
            for (QuerySource query : question.queries()) {
                statements.add(sql.sql(query));
            }
        }
        List<SideBySide.Description> descriptions = SideBySide.describe(background, engine, statements);
        List<Problem> problems = new ArrayList<>();
        int statement = 0;
        for (Question question : questions) {
            Map<String, List<Column>> described = new LinkedHashMap<>();
            for (QuerySource query : question.queries()) {
                SideBySide.Description description = descriptions.get(statement++);
                if (description.error() == null) {
                    described.put(query.name(), description.columns());
                } else {
                    problems.add(engineProblem(query, description.error(), engine));
                }
            }
            columnProblems(question, described, problems);
            memberColumnProblems(question, described, memberIdentifiers, problems);
        }
        return problems;
    }

    /**
     * Result columns named after a member identifier, compared without case, spaces or punctuation ("UserID" is
     * user_id), with the line of the select list that names them.
     */
    private static void memberColumnProblems(Question question, Map<String, List<Column>> described, Set<String> memberIdentifiers,
                                             List<Problem> problems) {
        Set<String> forbidden = new java.util.HashSet<>();
        memberIdentifiers.forEach(name -> forbidden.add(comparable(name)));
        described.forEach((statement, columns) -> {
            QuerySource query = question.query(statement).orElse(null);
            if (query == null || columns == null) {
                return;
            }
            for (Column column : columns) {
                if (forbidden.contains(comparable(column.name()))) {
                    int line = QueryShape.lineOfColumn(query.sql(), column.name()).map(query::fileLine).orElse(query.firstLine());
                    problems.add(Problem.fatal(query.file().toString(), line, column.name(), "member-identifier",
                            "statement '" + statement + "' returns column '" + column.name() + "', which identifies a member: "
                                    + "the report publishes aggregates only (count or group members instead)"));
                }
            }
        });
    }

    private static String comparable(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** What the question's charts, KPIs, forecasts, model and narrative need of its statements' columns. */
    private static void columnProblems(Question question, Map<String, List<Column>> described, List<Problem> problems) {
        question.kpiQuery().map(described::get).ifPresent(columns -> {
            List<String> names = columns.stream().map(Column::name).toList();
            for (String needed : dev.marquee.catalog.Question.KPI_COLUMNS) {
                if (!names.contains(needed)) {
                    problems.add(Problem.fatal(question.descriptionFile().toString(), 0, needed, "missing-kpi-column",
                            "the KPI statement '" + question.kpiQuery().get() + "' must return column '" + needed
                                    + "'; it returns " + names));
                }
            }
        });
        for (var forecast : question.forecasts()) {
            requireColumns(question, described.get(forecast.query()), forecast.query(), forecast.line(),
                    List.of("month", "value"), "a forecast statement", problems);
        }
        question.model().ifPresent(model -> {
            List<String> needed = new ArrayList<>(List.of(ModelSpec.HELD_OUT, ModelSpec.SCORED, model.label()));
            model.features().forEach(f -> needed.add(f.column()));
            needed.addAll(model.groups());
            requireColumns(question, described.get(model.query()), model.query(), model.line(), needed, "the model statement", problems);
            List<Column> columns = described.get(model.query());
            if (columns != null) {
                columns.stream().filter(c -> List.of(ModelSpec.HELD_OUT, ModelSpec.SCORED).contains(c.name()) && c.type() != ColumnType.BOOLEAN)
                        .forEach(c -> problems.add(Problem.fatal(question.descriptionFile().toString(), model.line(), c.name(),
                                "not-a-flag", "the model statement '" + model.query() + "' must return " + c.name()
                                        + " as true or false (a BOOLEAN), not " + c.type())));
            }
        });
        for (var value : question.narrativeValues()) {
            List<Column> columns = described.get(value.statement());
            if (columns != null && columns.stream().noneMatch(c -> c.name().equals(value.column()))) {
                problems.add(Problem.fatal(question.descriptionFile().toString(), value.line(), value.column(), "unknown-column",
                        "narrative quotes " + value.text() + " but statement '" + value.statement() + "' returns "
                                + columns.stream().map(Column::name).toList()));
            }
        }
        for (ChartSpec chart : question.charts()) {
            if (!chart.drawsOwnResult()) {
                continue;
            }
            List<Column> columns = described.get(chart.query());
            if (columns == null) {
                continue;
            }
            List<String> names = columns.stream().map(Column::name).toList();
            for (String used : chart.columnsUsed()) {
                if (!names.contains(used)) {
                    problems.add(Problem.fatal(question.descriptionFile().toString(), chart.line(), used, "unknown-column",
                            "chart '" + chart.id() + "' uses column '" + used + "', which query '" + chart.query()
                                    + "' does not return; it returns " + names));
                }
            }
            for (String y : chart.y()) {
                columns.stream().filter(c -> c.name().equals(y) && !c.type().isNumeric()).findFirst().ifPresent(c ->
                        problems.add(Problem.fatal(question.descriptionFile().toString(), chart.line(), y, "not-numeric",
                                "chart '" + chart.id() + "' plots '" + y + "', which is " + c.type() + ", not a number")));
            }
            for (Column column : columns) {
                chart.grainOf(column.name()).filter(grain -> column.type() != ColumnType.DATE).ifPresent(grain ->
                        problems.add(Problem.fatal(question.descriptionFile().toString(), chart.line(), column.name(), "not-a-date",
                                "chart '" + chart.id() + "' declares '" + column.name() + ": " + grain.id() + "', a grain of dates, but query '"
                                        + chart.query() + "' returns it as " + column.type() + "; declare a grain only for a DATE column")));
                if (column.type().isTemporal() && chart.units().containsKey(column.name())) {
                    problems.add(Problem.fatal(question.descriptionFile().toString(), chart.line(), column.name(), "not-a-number",
                            "chart '" + chart.id() + "' declares '" + column.name() + ": " + chart.units().get(column.name()).id()
                                    + "', a unit of numbers, but query '" + chart.query() + "' returns it as " + column.type()
                                    + "; declare a date column's grain instead (month or day)"));
                }
            }
        }
    }

    private static void requireColumns(Question question, List<Column> columns, String statement, int line,
                                       List<String> needed, String what, List<Problem> problems) {
        if (columns == null) {
            return;
        }
        List<String> names = columns.stream().map(Column::name).toList();
        for (String column : needed) {
            if (!names.contains(column)) {
                problems.add(Problem.fatal(question.descriptionFile().toString(), line, column, "unknown-column",
                        what + " '" + statement + "' must return column '" + column + "'; it returns " + names));
            }
        }
    }

    private static final Pattern MEMBER_ID = Pattern.compile("(?i)\\buser_id\\b");

    private static Problem engineProblem(QuerySource query, EngineException e, Engine engine) {
        String message = e.getMessage() == null ? "the engine refused the statement" : e.getMessage();
        Matcher matcher = ENGINE_LINE.matcher(message);
        int line = matcher.find() ? query.fileLine(Integer.parseInt(matcher.group(1))) : query.firstLine();
        String firstLine = message.lines().findFirst().orElse(message).trim();
        if (MEMBER_ID.matcher(query.sql()).find() && firstLine.contains("BIGINT") && memberIdsAreNumbers(engine)) {
            // The layer stores plain whole-number ids as BIGINT (MemberIds): SQL written for text ids fails on them only.
            firstLine += " (member ids are whole numbers in this data and are stored as numbers: write CAST(user_id AS VARCHAR)"
                    + " where the SQL needs text)";
        }
        return Problem.fatal(query.file().toString(), line, "", "sql-error",
                "statement '" + query.name() + "': " + firstLine);
    }

    private static boolean memberIdsAreNumbers(Engine engine) {
        try {
            return engine.describe("SELECT user_id FROM users").get(0).type() == ColumnType.INTEGER;
        } catch (EngineException e) {
            return false;
        }
    }
}
