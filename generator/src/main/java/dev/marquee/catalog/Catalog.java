package dev.marquee.catalog;

import dev.marquee.format.Grain;
import dev.marquee.format.NumberStyle;
import dev.marquee.format.Unit;
import dev.marquee.run.ReportException;
import dev.marquee.catalog.FrontMatter.FrontMatterException;
import dev.marquee.model.Problem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads the business questions from a folder: each {@code <slug>.md} (front matter + narrative) with its
 * {@code <slug>.sql}. Every problem in every file is collected, then reported once.
 */
public final class Catalog {

    private static final Set<String> QUESTION_KEYS = Set.of("title", "question", "order", "requires", "charts", "metrics", "kpis",
            "kpi_needs", "forecasts", "model", "when", "privacy");
    /** A column some loaded file must fill, as table.column. */
    private static final String NEED = "[a-z_][a-z0-9_]*\\.[a-z_][a-z0-9_]*";
    private static final Set<String> PRIVACY_KEYS = Set.of("result", "members", "overlapping", "parts", "sums", "ratios",
            "small", "label", "within", "running", "keep", "nested_in", "as_of_month_of", "adds_up", "counts", "inflow", "outflow", "totals_of", "months_back", "changes", "same_rows_as", "ends_in", "total_in", "total_leaves_out", "prices", "price_range", "kpi_members");
    private static final Set<String> CHART_KEYS = Set.of("id", "query", "kind", "title", "x", "y", "series",
            "x_label", "y_label", "unit", "headline", "description", "member_file_description", "facet", "needs", "when_empty", "track", "units");


    private Catalog() {
    }

    /**
     * @param knownTables  the data model's tables, which {@code requires} may name
     * @param memberTables the tables whose rows are members' own (they carry a member id): a published statement that
     *                     reads one must say under {@code privacy} what its rows count
     * @throws ReportException listing every problem found, with file and line
     */
    public static List<Question> read(Path folder, Set<String> knownTables, Set<String> memberTables) {
        List<Problem> problems = new ArrayList<>();
        List<Question> questions = new ArrayList<>();
        for (String slug : slugs(folder, problems)) {
            read(folder, slug, knownTables, problems).ifPresent(question -> {
                undeclaredPrivacy(question, memberTables, problems);
                untrackableRates(question, problems);
                questions.add(question);
            });
        }
        Map<String, Question> bySlug = new java.util.HashMap<>();
        questions.forEach(q -> bySlug.put(q.slug(), q));
        unresolvedReferences(questions, bySlug, problems);
        unresolvedAsOfMonths(questions, bySlug, problems);
        unresolvedFlows(questions, bySlug, problems);
        if (questions.isEmpty() && problems.isEmpty()) {
            problems.add(Problem.fatal(folder.toString(), 0, "", "no-questions",
                    "no questions found: add <slug>.md and <slug>.sql files to this folder"));
        }
        if (!problems.isEmpty()) {
            throw ReportException.of(ReportException.QUESTION_PROBLEM, "The questions in " + folder + " have problems", problems);
        }
        questions.sort(Comparator.comparingInt(Question::order).thenComparing(Question::slug));
        return List.copyOf(questions);
    }

    /**
     * Every chart that draws another question's result ({@code outlook/forecast_new_signups}) names a question that
     * exists and a result it has: a typo would otherwise leave the chart out of the report without a word.
     */
    private static void unresolvedReferences(List<Question> questions, Map<String, Question> bySlug, List<Problem> problems) {
        for (Question question : questions) {
            for (ChartSpec chart : question.charts()) {
                chart.borrowedResult().ifPresent(reference -> {
                    Question other = bySlug.get(reference.question());
                    if (other == null) {
                        problems.add(Problem.fatal(question.descriptionFile().toString(), chart.line(), "query", "unknown-question",
                                "chart '" + chart.id() + "' draws " + reference + ", but no question is called '" + reference.question()
                                        + "'; the questions are " + sorted(bySlug.keySet())));
                    } else if (!other.results().contains(reference.name())) {
                        problems.add(Problem.fatal(question.descriptionFile().toString(), chart.line(), "query", "unknown-query",
                                "chart '" + chart.id() + "' draws " + reference + ", but question '" + other.slug()
                                        + "' has no result '" + reference.name() + "'; its results are " + other.results()));
                    }
                });
            }
        }
    }

    /**
     * Why a result's {@code as_of_month_of} cannot name {@code monthly}, if it cannot: that must be a result declared
     * under 'privacy' by month, of the same members and label.
     */
    private static Optional<String> asOfMonthProblem(GroupSpec spec, Optional<GroupSpec> monthly, String named) {
        if (monthly.isPresent() && monthly.get().within().equals(Optional.of("month")) && spec.within().isEmpty()
                && monthly.get().members().equals(spec.members()) && spec.label().isPresent()
                && monthly.get().label().equals(spec.label())) {
            return Optional.empty();
        }
        return Optional.of("'as_of_month_of' of '" + spec.result() + "' names a result declared under 'privacy' with 'within: month', "
                + "the same 'members' and the same 'label', whose as-of month's rows are this result's; got '" + named + "'");
    }

    /** Every {@code as_of_month_of} that names another question's result names one that fits (see asOfMonthProblem). */
    private static void unresolvedAsOfMonths(List<Question> questions, Map<String, Question> bySlug, List<Problem> problems) {
        for (Question question : questions) {
            for (GroupSpec spec : question.privacy()) {
                spec.asOfMonthOf().filter(Reference::isReference).ifPresent(named -> {
                    Optional<GroupSpec> monthly = Reference.parse(named).flatMap(reference ->
                            Optional.ofNullable(bySlug.get(reference.question())).flatMap(other -> other.privacy(reference.name())));
                    asOfMonthProblem(spec, monthly, named).ifPresent(message -> problems.add(Problem.fatal(
                            question.descriptionFile().toString(), spec.line(), "as_of_month_of", "bad-privacy", message)));
                });
            }
        }
    }

    /**
     * Every {@code inflow} names a result declared under 'privacy' by month ({@code within: month} or a month column
     * is not checked here: the statement's columns are known only when it runs) with a members column, and every
     * {@code outflow} one with a part, of the same question or of another one; every {@code ends_in} one with a members
     * column, declared on a result with a label and one part.
     */
    private static void unresolvedFlows(List<Question> questions, Map<String, Question> bySlug, List<Problem> problems) {
        for (Question question : questions) {
            for (GroupSpec spec : question.privacy()) {
                spec.flow().ifPresent(flow -> {
                    flowProblem(question, bySlug, flow.inflow(), false).ifPresent(message -> problems.add(Problem.fatal(
                            question.descriptionFile().toString(), spec.line(), "inflow", "bad-privacy", message)));
                    flowProblem(question, bySlug, flow.outflow(), true).ifPresent(message -> problems.add(Problem.fatal(
                            question.descriptionFile().toString(), spec.line(), "outflow", "bad-privacy", message)));
                });
                spec.totalIn().ifPresent(total -> flowProblem(question, bySlug, total, false)
                        .map(m -> m.replace("'inflow'", "'total_in'")).ifPresent(message -> problems.add(Problem.fatal(
                                question.descriptionFile().toString(), spec.line(), "total_in", "bad-privacy", message))));
                spec.endsIn().ifPresent(ends -> {
                    Optional<String> problem = spec.parts().size() == 1 && spec.label().isPresent()
                            ? flowProblem(question, bySlug, ends, false).map(m -> m.replace("'inflow'", "'ends_in'"))
                            : Optional.of("'ends_in' is for a result that counts members at a month's start with one part, those who "
                                    + "left, and a 'label'; '" + spec.result() + "' has " + spec.parts().size() + " parts"
                                    + (spec.label().isPresent() ? "" : " and no label"));
                    problem.ifPresent(message -> problems.add(Problem.fatal(
                            question.descriptionFile().toString(), spec.line(), "ends_in", "bad-privacy", message)));
                });
            }
        }
    }

    private static Optional<String> flowProblem(Question question, Map<String, Question> bySlug, String named, boolean needsPart) {
        Optional<Reference> reference = Reference.parse(named);
        Optional<GroupSpec> target = reference.isPresent()
                ? Optional.ofNullable(bySlug.get(reference.get().question())).flatMap(other -> other.privacy(reference.get().name()))
                : Reference.isReference(named) ? Optional.empty() : question.privacy(named);
        if (target.isPresent() && target.get().countsMembers() && (!needsPart || target.get().parts().size() == 1)) {
            return Optional.empty();
        }
        return Optional.of("'" + (needsPart ? "outflow" : "inflow") + "' names a result declared under 'privacy' (of this question, or "
                + "<question>/<result>) that counts members" + (needsPart ? ", with one part: those who left" : "") + "; got '" + named + "'");
    }

    private static List<String> slugs(Path folder, List<Problem> problems) {
        Set<String> markdown = new HashSet<>();
        Set<String> sql = new HashSet<>();
        try (Stream<Path> files = Files.list(folder)) {
            files.map(p -> p.getFileName().toString()).forEach(name -> {
                if (name.endsWith(".md") && !name.equalsIgnoreCase("README.md")) {
                    markdown.add(name.substring(0, name.length() - 3));
                } else if (name.endsWith(".sql")) {
                    sql.add(name.substring(0, name.length() - 4));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String slug : sql) {
            if (!markdown.contains(slug)) {
                problems.add(Problem.fatal(folder.resolve(slug + ".sql").toString(), 0, "", "missing-description",
                        "has no " + slug + ".md beside it: add one with front matter (title, question, charts)"));
            }
        }
        List<String> slugs = new ArrayList<>();
        for (String slug : markdown) {
            if (!sql.contains(slug)) {
                problems.add(Problem.fatal(folder.resolve(slug + ".md").toString(), 0, "", "missing-sql",
                        "has no " + slug + ".sql beside it: add the SQL that answers the question"));
            } else if (!slug.matches("[a-z0-9][a-z0-9-]*")) {
                problems.add(Problem.fatal(folder.resolve(slug + ".md").toString(), 0, "", "bad-slug",
                        "question file names must be lower-case letters, digits and '-' (they become page names)"));
            } else {
                slugs.add(slug);
            }
        }
        slugs.sort(null);
        return slugs;
    }

    private static Optional<Question> read(Path folder, String slug, Set<String> knownTables, List<Problem> problems) {
        Path mdFile = folder.resolve(slug + ".md");
        Path sqlFile = folder.resolve(slug + ".sql");
        String markdown = readText(mdFile);
        List<QuerySource> queries = SqlFile.split(sqlFile, readText(sqlFile), slug.replace('-', '_'));
        String where = mdFile.toString();

        String normalized = markdown.replace("\r\n", "\n");
        if (normalized.startsWith("\uFEFF")) {
            normalized = normalized.substring(1);
        }
        if (!normalized.startsWith("---\n")) {
            problems.add(Problem.fatal(where, 1, "", "missing-front-matter",
                    "must start with a front matter block between '---' lines (title, question, charts)"));
            return Optional.empty();
        }
        int end = normalized.indexOf("\n---", 3);
        if (end < 0) {
            problems.add(Problem.fatal(where, 1, "", "unclosed-front-matter", "front matter has no closing '---' line"));
            return Optional.empty();
        }
        String yaml = normalized.substring(4, end + 1);
        int bodyStart = normalized.indexOf('\n', end + 1);
        String narrative = bodyStart < 0 ? "" : normalized.substring(bodyStart + 1).strip();

        int before = problems.size();
        try {
            FrontMatter front = FrontMatter.parse(yaml, 2);
            for (String key : front.keys()) {
                if (!QUESTION_KEYS.contains(key)) {
                    problems.add(Problem.fatal(where, front.line(key), key, "unknown-key",
                            "unknown key '" + key + "'; the keys are " + sorted(QUESTION_KEYS)));
                }
            }
            String title = requiredString(front, "title", where, problems);
            String question = requiredString(front, "question", where, problems);
            int order = front.string("order").map(o -> parseOrder(o, where, front.line("order"), problems)).orElse(100);
            List<String> requires = front.strings("requires");
            for (String table : requires) {
                if (!knownTables.contains(table)) {
                    problems.add(Problem.fatal(where, front.line("requires"), "requires", "unknown-table",
                            "requires table '" + table + "', which is not in the data model " + sorted(knownTables)));
                }
            }
            List<ForecastSpec> forecasts = new ArrayList<>();
            for (FrontMatter entry : front.mappings("forecasts")) {
                forecast(entry, queries, where, problems).ifPresent(forecasts::add);
            }
            Optional<ModelSpec> model = front.has("model") ? model(front, queries, where, problems) : Optional.empty();
            // What charts, narratives and privacy entries may name: the statements, then the results the outlook stage
            // computes after them (forecasts, the model's aggregates), which have no SQL of their own.
            List<String> results = Question.resultNames(queries, forecasts, model);
            List<ChartSpec> charts = charts(front, results, where, problems);
            List<Metric> metrics = metrics(front, where, problems);
            Optional<String> kpiQuery = front.string("kpis");
            if (kpiQuery.isPresent() && queries.stream().noneMatch(q -> q.name().equals(kpiQuery.get()))) {
                problems.add(Problem.fatal(where, front.line("kpis"), "kpis", "unknown-query",
                        "kpis names statement '" + kpiQuery.get() + "', which is not in " + sqlFile.getFileName()));
            }
            List<String> kpiNeeds = needs(front, "kpi_needs", where, problems);
            int narrativeFirstLine = (int) normalized.substring(0, bodyStart < 0 ? normalized.length() : bodyStart + 1)
                    .chars().filter(c -> c == '\n').count() + 1 + leadingBlankLines(bodyStart < 0 ? "" : normalized.substring(bodyStart + 1));
            List<String> narrativeProblems = new ArrayList<>();
            List<Integer> narrativeLines = new ArrayList<>();
            List<NarrativeValue> narrativeValues = NarrativeValue.parse(narrative, narrativeFirstLine, narrativeProblems, narrativeLines);
            for (int i = 0; i < narrativeProblems.size(); i++) {
                problems.add(Problem.fatal(where, narrativeLines.get(i), "", "bad-placeholder", narrativeProblems.get(i)));
            }
            for (NarrativeValue value : narrativeValues) {
                if (!results.contains(value.statement())) {
                    problems.add(Problem.fatal(where, value.line(), "", "unknown-query", "narrative quotes " + value.text()
                            + " but the SQL file has no statement '" + value.statement() + "'"));
                }
            }
            for (QuerySource query : queries) {
                if (query.sql().isBlank()) {
                    problems.add(Problem.fatal(sqlFile.toString(), query.firstLine(), "", "empty-query",
                            "statement '" + query.name() + "' is empty"));
                }
            }
            List<GroupSpec> privacy = privacy(front, results, where, problems);
            for (NarrativeValue value : narrativeValues) {
                if (value.contrast().isPresent() && privacy.stream().noneMatch(p -> p.result().equals(value.statement())
                        && p.countsMembers() && !p.parts().isEmpty())) {
                    problems.add(Problem.fatal(where, value.line(), "", "bad-placeholder", "narrative placeholder "
                            + value.text() + " compares groups by the 95% intervals of their rates: 'privacy' must declare "
                            + "result '" + value.statement() + "' with its 'members' column and the part the rate counts ('parts')"));
                }
            }
            if (problems.size() > before) {
                return Optional.empty();
            }
            return Optional.of(new Question(slug, title, question, order, requires, queries, charts, narrative, mdFile,
                    metrics, kpiQuery, kpiNeeds, narrativeValues, forecasts, model, front.string("when"), privacy));
        } catch (FrontMatterException e) {
            problems.add(Problem.fatal(where, e.line, "", "bad-front-matter", e.getMessage()));
            return Optional.empty();
        }
    }

    /** The question's charts, each id once; a question without charts is a problem. */
    /** The columns listed under {@code key} ({@code needs}, {@code kpi_needs}), each as table.column. */
    private static List<String> needs(FrontMatter front, String key, String where, List<Problem> problems)
            throws FrontMatterException {
        List<String> needs = front.strings(key);
        for (String need : needs) {
            if (!need.matches(NEED)) {
                problems.add(Problem.fatal(where, front.line(key), key, "bad-needs",
                        "'" + key + "' lists columns as table.column (e.g. member.plan), got '" + need + "'"));
            }
        }
        return needs;
    }

    private static List<ChartSpec> charts(FrontMatter front, List<String> results, String where, List<Problem> problems)
            throws FrontMatterException {
        List<ChartSpec> charts = new ArrayList<>();
        List<FrontMatter> entries = front.mappings("charts");
        if (entries.isEmpty()) {
            problems.add(Problem.fatal(where, front.line(), "charts", "no-charts", "declares no charts: add a 'charts:' list"));
        }
        Set<String> ids = new HashSet<>();
        for (FrontMatter entry : entries) {
            chart(entry, results, where, problems).ifPresent(chart -> {
                if (!ids.add(chart.id())) {
                    problems.add(Problem.fatal(where, entry.line("id"), "id", "duplicate-chart",
                            "chart id '" + chart.id() + "' is used twice in this question"));
                }
                charts.add(chart);
            });
        }
        return charts;
    }

    private static List<Metric> metrics(FrontMatter front, String where, List<Problem> problems) throws FrontMatterException {
        List<Metric> metrics = new ArrayList<>();
        for (FrontMatter entry : front.mappings("metrics")) {
            String name = requiredString(entry, "name", where, problems);
            String definition = requiredString(entry, "definition", where, problems);
            if (name != null && definition != null) {
                metrics.add(new Metric(name, definition));
            }
        }
        return metrics;
    }

    /** What each published result's rows describe ({@code privacy:}), each result once. */
    private static List<GroupSpec> privacy(FrontMatter front, List<String> results, String where, List<Problem> problems)
            throws FrontMatterException {
        List<GroupSpec> privacy = new ArrayList<>();
        Set<String> declared = new HashSet<>();
        for (FrontMatter entry : front.mappings("privacy")) {
            groupSpec(entry, results, where, problems).ifPresent(spec -> {
                if (!declared.add(spec.result())) {
                    problems.add(Problem.fatal(where, entry.line("result"), "result", "duplicate-privacy",
                            "result '" + spec.result() + "' is declared twice under 'privacy'"));
                }
                privacy.add(spec);
            });
        }
        for (GroupSpec spec : privacy) {
            // Another question's result (churn/monthly_by_country) is checked once every question is read.
            spec.asOfMonthOf().filter(other -> !Reference.isReference(other)).ifPresent(other ->
                    asOfMonthProblem(spec, privacy.stream().filter(s -> s.result().equals(other)).findFirst(), other)
                            .ifPresent(message -> problems.add(Problem.fatal(where, spec.line(), "as_of_month_of", "bad-privacy", message))));
            spec.addsUp().filter(other -> other.equals(spec.result()) || privacy.stream().noneMatch(s -> s.result().equals(other)))
                    .ifPresent(other -> problems.add(Problem.fatal(where, spec.line(), "adds_up", "bad-privacy", "'adds_up' of '"
                            + spec.result() + "' names another result declared under 'privacy' whose rows this result's rows add up; "
                            + "got '" + other + "'")));
        }
        return privacy;
    }

    private static Optional<ForecastSpec> forecast(FrontMatter entry, List<QuerySource> queries, String where,
                                                   List<Problem> problems) throws FrontMatterException {
        int before = problems.size();
        String query = requiredString(entry, "query", where, problems);
        String title = requiredString(entry, "title", where, problems);
        if (query != null && queries.stream().noneMatch(q -> q.name().equals(query))) {
            problems.add(Problem.fatal(where, entry.line("query"), "query", "unknown-query",
                    "forecast query '" + query + "' is not a statement of the SQL file"));
        }
        String unitText = entry.string("unit").orElse("count");
        Optional<Unit> unit = Unit.parse(unitText);
        if (unit.isEmpty()) {
            problems.add(Problem.fatal(where, entry.line("unit"), "unit", "unknown-unit", "unit '" + unitText + "' " + Unit.problem(unitText)));
        }
        int horizon = 6;
        try {
            horizon = Integer.parseInt(entry.string("horizon").orElse("6"));
        } catch (NumberFormatException e) {
            horizon = -1;
        }
        if (horizon < 1 || horizon > 24) {
            problems.add(Problem.fatal(where, entry.line("horizon"), "horizon", "bad-horizon", "horizon must be a whole number of months from 1 to 24"));
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new ForecastSpec(query, title, unit.get(), horizon, entry.line()));
    }

    private static Optional<ModelSpec> model(FrontMatter front, List<QuerySource> queries, String where,
                                             List<Problem> problems) throws FrontMatterException {
        List<FrontMatter> entries = front.mappings("model");
        if (entries.size() != 1) {
            problems.add(Problem.fatal(where, front.line("model"), "model", "bad-model", "'model' must be a list of exactly one entry"));
            return Optional.empty();
        }
        FrontMatter entry = entries.get(0);
        int before = problems.size();
        String query = requiredString(entry, "query", where, problems);
        String label = requiredString(entry, "label", where, problems);
        if (query != null && queries.stream().noneMatch(q -> q.name().equals(query))) {
            problems.add(Problem.fatal(where, entry.line("query"), "query", "unknown-query", "model query '" + query + "' is not a statement of the SQL file"));
        }
        List<ModelSpec.Feature> features = new ArrayList<>();
        for (FrontMatter feature : entry.mappings("features")) {
            String column = requiredString(feature, "column", where, problems);
            String name = requiredString(feature, "name", where, problems);
            if (column != null && name != null) {
                features.add(new ModelSpec.Feature(column, name));
            }
        }
        if (features.isEmpty()) {
            problems.add(Problem.fatal(where, entry.line(), "features", "missing-key", "a model needs 'features'"));
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new ModelSpec(query, label, features, entry.strings("groups"), entry.line()));
    }

    /** Every published statement that reads members' own rows declares what its rows count (see GroupSpec). */
    private static void undeclaredPrivacy(Question question, Set<String> memberTables, List<Problem> problems) {
        Map<String, Integer> published = new java.util.LinkedHashMap<>();
        question.charts().stream().filter(ChartSpec::drawsOwnResult).forEach(c -> published.putIfAbsent(c.query(), c.line()));
        question.narrativeValues().forEach(v -> published.putIfAbsent(v.statement(), v.line()));
        question.forecasts().forEach(f -> published.putIfAbsent(f.query(), f.line()));
        published.forEach((name, line) -> {
            if (question.privacy(name).isPresent() || question.kpiQuery().map(name::equals).orElse(false)) {
                return;
            }
            question.query(name).flatMap(q -> memberTableRead(q.sql(), memberTables)).ifPresent(table ->
                    problems.add(Problem.fatal(question.descriptionFile().toString(), line, name, "undeclared-members",
                            "statement '" + name + "' reads " + table + " (members' own rows) and is published, but 'privacy' "
                                    + "does not say what its rows count: add an entry with 'result: " + name
                                    + "', 'members: <column>' and 'small: merge|hide|drop'")));
        });
    }

    /** A rate is remembered with its group size, which the result's privacy declaration names (its members column). */
    private static void untrackableRates(Question question, List<Problem> problems) {
        for (ChartSpec chart : question.charts()) {
            if (chart.track().filter(t -> t == ChartSpec.Track.RATE).isPresent()
                    && (!chart.drawsOwnResult() || question.privacy(chart.query()).isEmpty() || chart.y().size() != 1)) {
                problems.add(Problem.fatal(question.descriptionFile().toString(), chart.line(), "track", "untrackable-rate",
                        "chart '" + chart.id() + "' tracks a rate: it needs one y column and a 'privacy' entry for its own result '"
                                + chart.query() + "' whose 'members' column gives each group's size"));
            }
        }
    }

    private static Optional<String> memberTableRead(String sql, Set<String> memberTables) {
        return TablesRead.among(sql, memberTables.stream().sorted().toList()).stream().findFirst();
    }

    /** One entry of 'privacy': what a result's rows describe (see GroupSpec). */
    private static Optional<GroupSpec> groupSpec(FrontMatter entry, List<String> results, String where,
                                                 List<Problem> problems) throws FrontMatterException {
        int before = problems.size();
        for (String key : entry.keys()) {
            if (!PRIVACY_KEYS.contains(key)) {
                problems.add(Problem.fatal(where, entry.line(key), key, "unknown-key",
                        "unknown privacy key '" + key + "'; the keys are " + sorted(PRIVACY_KEYS)));
            }
        }
        String result = requiredString(entry, "result", where, problems);
        if (result != null && !results.contains(result)) {
            problems.add(Problem.fatal(where, entry.line("result"), "result", "unknown-query",
                    "privacy names result '" + result + "', which is not a statement of the SQL file or a computed result"));
        }
        String members = requiredString(entry, "members", where, problems);
        if (GroupSpec.NONE.equals(members)) {
            // Figures about titles that a publisher made public (an engagement report): no member is counted.
            if (problems.size() > before) {
                return Optional.empty();
            }
            return Optional.of(new GroupSpec(result, members, false, List.of(), List.of(), List.of(), GroupSpec.Small.DROP,
                    Optional.empty(), Optional.empty(), List.of(), List.of(), entry.line()));
        }
        String smallText = entry.string("small").orElse("");
        Optional<GroupSpec.Small> small = java.util.Arrays.stream(GroupSpec.Small.values())
                .filter(s -> s.name().equalsIgnoreCase(smallText)).findFirst();
        if (small.isEmpty()) {
            problems.add(Problem.fatal(where, entry.line("small"), "small", "bad-privacy",
                    "'small' must say what becomes of a row of fewer than k members: merge (into one row named by 'label'), "
                            + "hide (its figures) or drop (the row, for rankings and overlapping groups)"));
        }
        Optional<String> label = entry.string("label");
        Optional<String> nestedIn = entry.string("nested_in");
        boolean byCountry = label.map(GroupSpec.COUNTRY::equals).orElse(false)
                || entry.string("within").map(GroupSpec.COUNTRY::equals).orElse(false);
        if (nestedIn.isPresent() && (!GroupSpec.NESTINGS.contains(nestedIn.get()) || !byCountry)) {
            problems.add(Problem.fatal(where, entry.line("nested_in"), "nested_in", "bad-nesting",
                    "'nested_in' names a grouping of the countries whose totals are published elsewhere: " + GroupSpec.NESTINGS
                            + ", of a result whose 'label' or 'within' is country; got '" + nestedIn.get() + "'"));
        }
        if (small.orElse(null) == GroupSpec.Small.MERGE && label.isEmpty()) {
            problems.add(Problem.fatal(where, entry.line("small"), "label", "missing-key",
                    "'small: merge' needs 'label': the column that names the merged row"));
        }
        List<GroupSpec.Ratio> ratios = new ArrayList<>();
        for (String text : entry.strings("ratios")) {
            GroupSpec.Ratio.parse(text).ifPresentOrElse(ratios::add, () -> problems.add(Problem.fatal(where, entry.line("ratios"),
                    "ratios", "bad-privacy", "ratio '" + text + "' must read 'column = a / b', 'column = a / sum(b)' or "
                            + "'column = a / sum(b) by c'")));
        }
        List<GroupSpec.Running> running = new ArrayList<>();
        for (String text : entry.strings("running")) {
            GroupSpec.Running.parse(text).ifPresentOrElse(running::add, () -> problems.add(Problem.fatal(where, entry.line("running"),
                    "running", "bad-privacy", "running total '" + text + "' must read 'column = running(other_column)'")));
        }
        String overlapping = entry.string("overlapping").orElse("false");
        if (!overlapping.equals("true") && !overlapping.equals("false")) {
            problems.add(Problem.fatal(where, entry.line("overlapping"), "overlapping", "bad-privacy", "'overlapping' is true or false"));
        }
        if (!running.isEmpty() && small.orElse(null) != GroupSpec.Small.HIDE) {
            problems.add(Problem.fatal(where, entry.line("running"), "running", "bad-privacy", "running totals need 'small: hide'"));
        }
        Optional<String> inflow = entry.string("inflow");
        Optional<String> outflow = entry.string("outflow");
        if (inflow.isPresent() != outflow.isPresent()) {
            problems.add(Problem.fatal(where, entry.line(inflow.isPresent() ? "inflow" : "outflow"), inflow.isPresent() ? "outflow" : "inflow",
                    "missing-key", "'inflow' and 'outflow' go together: the results by month of the members who came in and of those who left"));
        }
        Optional<GroupSpec.Flow> flow = inflow.flatMap(in -> outflow.map(out -> new GroupSpec.Flow(in, out)));
        if (entry.string("totals_of").isPresent() != entry.string("months_back").isPresent()) {
            problems.add(Problem.fatal(where, entry.line(), "totals_of", "missing-key", "'totals_of' and 'months_back' go together: "
                    + "the result by month whose running total each row's members are, and the column of how many months before its last"));
        }
        List<String> sums = entry.strings("sums");
        List<String> notSums = entry.strings("prices").stream().filter(p -> !sums.contains(p)).toList();
        if (!notSums.isEmpty()) {
            problems.add(Problem.fatal(where, entry.line("prices"), "prices", "bad-privacy", "'prices' names sums of prices members "
                    + "pay, which are among the 'sums' too: " + notSums + " are not"));
        }
        if (!entry.strings("price_range").isEmpty() && (entry.strings("prices").isEmpty() || entry.strings("price_range").size() != 2)) {
            problems.add(Problem.fatal(where, entry.line("price_range"), "price_range", "bad-privacy", "'price_range' names two "
                    + "columns, [lowest, highest]: the lowest and the highest price the row's members' plans are sold at, for its "
                    + "'prices'"));
        }
        if (!entry.strings("kpi_members").isEmpty() && (label.isEmpty() || entry.string("within").isPresent())) {
            problems.add(Problem.fatal(where, entry.line("kpi_members"), "kpi_members", "bad-privacy", "'kpi_members' is for a "
                    + "result with a 'label' and no 'within': a row per value of the label, counting the members a KPI's value "
                    + "counts for that value (a country's members, for its slice's active members)"));
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new GroupSpec(result, members, overlapping.equals("true"), entry.strings("parts"), entry.strings("sums"),
                ratios, small.get(), label, entry.string("within"), running, entry.strings("keep"), entry.line(), nestedIn,
                entry.string("as_of_month_of"), entry.string("adds_up"), entry.string("counts"), flow,
                entry.string("totals_of"), entry.string("months_back"), entry.strings("changes"),
                entry.string("same_rows_as"), entry.string("ends_in"), entry.string("total_in"), entry.strings("total_leaves_out"),
                entry.strings("prices"), entry.strings("price_range"), entry.strings("kpi_members")));
    }

    private static Optional<ChartSpec> chart(FrontMatter entry, List<String> results, String where,
                                             List<Problem> problems) throws FrontMatterException {
        int before = problems.size();
        for (String key : entry.keys()) {
            if (!CHART_KEYS.contains(key)) {
                problems.add(Problem.fatal(where, entry.line(key), key, "unknown-key",
                        "unknown chart key '" + key + "'; the keys are " + sorted(CHART_KEYS)));
            }
        }
        String id = requiredString(entry, "id", where, problems);
        if (id != null && !id.matches("[a-z0-9][a-z0-9-]*")) {
            problems.add(Problem.fatal(where, entry.line("id"), "id", "bad-chart-id",
                    "chart id '" + id + "' must be lower-case letters, digits and '-'"));
        }
        String title = requiredString(entry, "title", where, problems);
        String kindText = requiredString(entry, "kind", where, problems);
        Optional<ChartKind> kind = kindText == null ? Optional.empty() : ChartKind.parse(kindText);
        if (kindText != null && kind.isEmpty()) {
            problems.add(Problem.fatal(where, entry.line("kind"), "kind", "unknown-chart-kind",
                    "chart kind '" + kindText + "' is not one of " + java.util.Arrays.stream(ChartKind.values()).map(ChartKind::id).toList()));
        }
        Optional<String> queryName = entry.string("query");
        String query;
        if (queryName.isPresent()) {
            query = queryName.get();
            if (Reference.isReference(query)) {
                // Another question's result ("outlook/forecast_new_signups"), resolved once that question is answered.
                if (Reference.parse(query).isEmpty()) {
                    problems.add(Problem.fatal(where, entry.line("query"), "query", "bad-query",
                            "a result of another question is written <question-slug>/<result>, got '" + query + "'"));
                }
            } else if (!results.contains(query)) {
                problems.add(Problem.fatal(where, entry.line("query"), "query", "unknown-query",
                        "query '" + query + "' is not in the SQL file; its statements are "
                                + results + " (start one with a line '-- name: " + query + "')"));
            }
        } else if (results.size() == 1) {
            query = results.get(0);
        } else {
            problems.add(Problem.fatal(where, entry.line(), "query", "missing-query",
                    "the SQL file has several statements: name the one this chart uses with 'query:'"));
            query = "";
        }
        String unitText = entry.string("unit").orElse("count");
        Optional<Unit> unit = Unit.parse(unitText);
        if (unit.isEmpty()) {
            problems.add(Problem.fatal(where, entry.line("unit"), "unit", "unknown-unit", "unit '" + unitText + "' " + Unit.problem(unitText)));
        }
        List<String> y = entry.strings("y");
        if (kind.isPresent() && kind.get() != ChartKind.TABLE && y.isEmpty()) {
            problems.add(Problem.fatal(where, entry.line(), "y", "missing-key", "a chart needs 'y': the value column(s)"));
        }
        String x = entry.string("x").orElse("");
        if (kind.isPresent() && kind.get() != ChartKind.TABLE && x.isEmpty()) {
            problems.add(Problem.fatal(where, entry.line(), "x", "missing-key", "a chart needs 'x': the category or time column"));
        }
        String headline = entry.string("headline").orElse("false");
        List<String> needs = needs(entry, "needs", where, problems);
        Optional<String> trackText = entry.string("track");
        Optional<ChartSpec.Track> track = trackText.flatMap(ChartSpec.Track::parse);
        if (trackText.isPresent() && track.isEmpty()) {
            problems.add(Problem.fatal(where, entry.line("track"), "track", "unknown-track",
                    "track '" + trackText.get() + "' is not one of [ranking, rate]"));
        }
        java.util.Map<String, Unit> units = new java.util.LinkedHashMap<>();
        java.util.Map<String, Grain> grains = new java.util.LinkedHashMap<>();
        Optional<FrontMatter> declared = entry.mapping("units");
        if (declared.isPresent()) {
            for (String column : declared.get().keys()) {
                String text = declared.get().string(column).orElse("");
                Optional<Unit> columnUnit = Unit.parse(text);
                Optional<Grain> grain = Grain.parse(text);
                if (columnUnit.isPresent()) {
                    units.put(column, columnUnit.get());
                } else if (grain.isPresent()) {
                    grains.put(column, grain.get());
                } else if (text.strip().split("\\s+").length == 1 && NumberStyle.parse(text).isEmpty()) {
                    // One word that is neither a unit nor a grain: either may have been meant.
                    problems.add(Problem.fatal(where, declared.get().line(column), "units", "unknown-unit",
                            "unit '" + text + "' of column " + column + " is not one of " + List.copyOf(Unit.predefined().keySet())
                                    + " (numbers) nor of " + java.util.Arrays.stream(Grain.values()).map(Grain::id).toList()
                                    + " (dates), nor a number style followed by a noun, such as 'count sessions'"));
                } else {
                    problems.add(Problem.fatal(where, declared.get().line(column), "units", "unknown-unit",
                            "unit '" + text + "' of column " + column + " " + Unit.problem(text)));
                }
            }
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new ChartSpec(id, query, kind.get(), title, x, y, entry.string("series"),
                entry.string("x_label").orElse(x), entry.string("y_label").orElse(String.join(", ", y)),
                unit.get(), Boolean.parseBoolean(headline), entry.string("description").orElse(""), entry.string("facet"), entry.line(), needs,
                entry.string("when_empty").orElse(""), track, units, grains, entry.string("member_file_description").orElse("")));
    }

    private static String requiredString(FrontMatter front, String key, String where, List<Problem> problems)
            throws FrontMatterException {
        Optional<String> value = front.string(key);
        if (value.isEmpty() || value.get().isEmpty()) {
            problems.add(Problem.fatal(where, front.line(), key, "missing-key", "'" + key + "' is required"));
            return null;
        }
        return value.get();
    }

    private static int leadingBlankLines(String text) {
        int count = 0;
        for (String line : text.split("\n", -1)) {
            if (!line.isBlank()) {
                break;
            }
            count++;
        }
        return count;
    }

    private static int parseOrder(String text, String where, int line, List<Problem> problems) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            problems.add(Problem.fatal(where, line, "order", "bad-order", "'order' must be a whole number, got '" + text + "'"));
            return 100;
        }
    }

    private static String readText(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }
}
