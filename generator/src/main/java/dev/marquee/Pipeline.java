package dev.marquee;

import dev.marquee.run.ReportException;
import dev.marquee.run.Background;
import dev.marquee.run.StageTimer;
import dev.marquee.catalog.Catalog;
import dev.marquee.catalog.Question;
import dev.marquee.chart.ChartStage;
import dev.marquee.chart.RenderedChart;
import dev.marquee.config.Config;
import dev.marquee.engine.DuckDbEngine;
import dev.marquee.engine.Engine;
import dev.marquee.engine.EngineUrl;
import dev.marquee.export.ParquetExport;
import dev.marquee.history.Archive;
import dev.marquee.history.Edition;
import dev.marquee.history.History;
import dev.marquee.history.Memory;
import dev.marquee.history.Targets;
import dev.marquee.layer.Layer;
import dev.marquee.engine.TrinoEngine;
import dev.marquee.load.DataLoader;
import dev.marquee.load.RemoteTables;
import dev.marquee.load.LoadResult;
import dev.marquee.model.DataModel;
import dev.marquee.outlook.OutlookStage;
import dev.marquee.query.Answer;
import dev.marquee.query.ChartNeeds;
import dev.marquee.query.PriceSteps;
import dev.marquee.query.LeftOut;
import dev.marquee.query.Parameters;
import dev.marquee.query.QueryStage;
import dev.marquee.query.Statements;
import dev.marquee.pdf.PdfReport;
import dev.marquee.present.Presentation;
import dev.marquee.present.Slicing;
import dev.marquee.privacy.AcrossSlices;
import dev.marquee.privacy.Disclosure;
import dev.marquee.privacy.PriceRounding;
import dev.marquee.publish.OutputFolder;
import dev.marquee.publish.RunFolder;
import dev.marquee.publish.StagedSite;
import dev.marquee.render.SiteRenderer;
import dev.marquee.report.Report;
import dev.marquee.slice.Recipients;
import dev.marquee.slice.Slices;
import dev.marquee.validate.ValidationReport;
import dev.marquee.validate.RemoteValidator;
import dev.marquee.validate.Validator;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/** The whole run, stage after stage: load → validate → query → chart → site → pdf → publish. */
public final class Pipeline {

    /** The name of a run's scratch folder under the temporary folder starts so. */
    static final String SCRATCH_PREFIX = "marquee-";

    private final Config config;
    private final PrintStream out;

    public Pipeline(Config config, PrintStream out) {
        this.config = config;
        this.out = out;
    }

    /**
     * Builds the report into a staging folder and swaps it into the output folder only when every stage succeeded.
     * Before the first stage: the inputs exist, the output folder may be replaced (see OutputFolder), and the staging
     * and scratch folders are made, so a problem with the folders fails the run before any work is done.
     */
    public Report build() {
        long start = System.nanoTime();
        StageTimer timer = new StageTimer(out);
        config.checkInputsExist();
        try (RunFolder scratch = scratchFolder(); Background background = Background.open()) {
            // DuckDB loads its native library and starts while killed runs' leftovers are removed, the output folder
            // is checked (30-70 ms together), and the data model and the questions are read.
            CompletableFuture<Engine> starting = background.start("engine", () -> openEngine(scratch.path()));
            StagedSite staged;
            try {
                removeStaleScratch();
                staged = StagedSite.beside(OutputFolder.check("--out", config.outDir(), OutputFolder.SITE, readFolders()));
            } catch (RuntimeException e) {
                starting.thenAccept(Engine::close);
                throw e;
            }
            try (StagedSite site = staged) {
                return build(background, site, scratch.path(), starting, start, timer);
            }
        }
    }

    /**
     * The stages, in the order they run; work done ahead of its stage is started in {@link Ahead}, and every task runs
     * on the run's {@code background}, which the run closes at its end whatever the outcome.
     */
    private Report build(Background background, StagedSite site, Path scratch, CompletableFuture<Engine> starting, long start,
                         StageTimer timer) {
        Project project = readProject(starting);
        OpenEngines engines = new OpenEngines(background, Background.join(starting));
        Answered answered;
        try (engines) {
            answered = assemble(background, engines, scratch, project, start, timer);
        }
        Report report = answered.report();
        write(report, answered.memory(), project, links(answered.slices()), site, answered.ahead(), timer);
        answered.memory().filter(m -> m.archive().size() > 1).ifPresent(m -> timer.time("archive",
                () -> Archive.carry(m.archive(), project.history().folder().orElseThrow(), site.folder()),
                m.archive().size() - 1 + " earlier editions"));
        writeSlices(answered.slices(), answered.data(), project, report, answered.ahead(), site, timer);
        site.publish();
        out.println("wrote    " + dev.marquee.format.SafeText.message(config.outDir().toString())
                + " (open index.html; the PDF is " + SiteRenderer.PDF_NAME + ")");
        timer.printSummary(start);
        // A failure to close (a remote engine's scratch tables left behind) fails the run once the site is written.
        engines.awaitClosed();
        return report;
    }

    /** What the run has to write once its last statement has run: none of it reads the engine, which is closing. */
    private record Answered(Report report, Optional<Memory> memory, SlicesAnswered slices, CheckedData data, Ahead ahead) {
    }

    /**
     * The run's engine, and the one the layer stage gave for the questions when it is another (a remote engine's
     * scratch schema). They are closed beside the writing of the pages, which needs neither: DuckDB frees the data's
     * memory as it closes (0.15 s at 10M events, about 1 s at 100M), and the run's background waits for it at the end.
     */
    private static final class OpenEngines implements AutoCloseable {
        private final Background background;
        private final Engine engine;
        private Engine answering;
        private CompletableFuture<Void> closed;

        OpenEngines(Background background, Engine engine) {
            this.background = background;
            this.engine = engine;
            this.answering = engine;
        }

        @Override
        public void close() {
            Engine other = answering;
            closed = background.run("engine-close", () -> {
                try {
                    if (other != engine) {
                        other.close();
                    }
                } finally {
                    engine.close();
                }
            });
        }

        void awaitClosed() {
            Background.join(closed);
        }
    }

    /** The stages up to the last statement: load, validate, layer, query, outlook, privacy, chart, and the slices' answers. */
    private Answered assemble(Background background, OpenEngines engines, Path scratch, Project project, long start, StageTimer timer) {
        Engine engine = engines.engine;
        timer.since("start", start, project.questions().size() + " questions read, " + engine.dialect().id() + " ready");
        Ahead ahead = Ahead.start(background, engine, project.questions(), config.minGroupSize());
        CheckedData data = loadAndValidate(background, engine, project.model(), scratch, timer);
        // Every statement, the questions' and the layer's, as this run's parameters fill it: the SQL that runs.
        Statements.Bound sql = ahead.statements(data.parameters());
        Engine answering = timer.time("layer", () -> layer(background, engine, sql, data, project.model()),
                e -> String.join(", ", Layer.standard().names()) + layerWhere()
                        + (engine.sideBySide() ? "" : "; one statement at a time on every thread, the data being large for DuckDB's memory"));
        engines.answering = answering;
        List<Slices.Slice> cut = cut(background, engine, sql, data, project, timer);
        // The questions are code from the repository, not a shell: from here on the engine reads no file, loads no
        // extension and takes no setting, and every statement must be one query, before any of them runs.
        engine.lock();
        QueryStage.checkOnlyQueries(Background.join(ahead.kindChecked()));
        // Which questions the data can answer is part of the query stage: each question's when: statement runs there.
        long answeringStarts = System.nanoTime();
        Answerable answerable = answerable(answering, project.questions(), data, sql);
        List<Answer> answers = answer(answering, answerable, data, project.model(), ahead, timer, answeringStarts);
        // The privacy rules run to a fixed point over every result at once (0.2 s on the default data), so they are a
        // stage of their own in the timings.
        List<Answer> safe = timer.time("privacy", () -> Disclosure.protect(answers, config.minGroupSize(), data.regionOf()),
                s -> "groups under " + config.minGroupSize() + " hidden or merged in " + s.size() + " questions");
        List<Slices.Slice> slices = followingTheWhole(engine, cut, answers, safe, project);
        List<Answer> shown = PriceRounding.round(safe, data.parameters().prices(), config.minGroupSize());
        List<RenderedChart> charts = timer.time("chart", () -> ChartStage.render(background, shown, project.targets().lines(shown)),
                c -> c.size() + " charts");
        // A KPI figure whose month the question's monthly table hides (against the flows between months) is hidden too.
        Report report = hideKpis(Report.assemble(Report.DEFAULT_TITLE, data.parameters(), shown, charts, answerable.leftOut(),
                data.report(), DataRange.of(engine, data.loaded()), DataRange.perTable(engine, data.loaded()),
                DataRange.perPopulation(engine, data.loaded()), layerTablesRead(shown, charts, sql, answerable.filled())), AcrossSlices.kpisOfHiddenMonths(answers, safe),
                "not shown: its month's table hides it, or another figure there would give a hidden one back");
        Optional<Memory> memory = remember(report, project.history(), project.targets());
        SlicesAnswered slicesAnswered = answerSlices(engine, slices, data, project, report, new AcrossSlices.Answers(answers, safe), ahead, timer);
        return new Answered(report, memory, slicesAnswered, data, ahead);
    }

    /**
     * What the project declares: the data model, the questions, the targets, the earlier editions, and who gets which
     * slice's PDF.
     */
    private record Project(DataModel model, List<Question> questions, Targets targets, History history, Recipients recipients) {
    }

    /** Reads the project while the engine starts; a problem in it stops the engine too. */
    private Project readProject(CompletableFuture<Engine> starting) {
        try {
            DataModel model = DataModel.standard();
            List<Question> questions = Catalog.read(config.questionsDir(), Layer.standard().withModelTables(model.tableNames()),
                    Layer.standard().withMemberTables(model.memberTables()));
            return new Project(model, questions, Targets.read(config.targets(), questions),
                    config.history().map(History::read).orElseGet(History::none),
                    config.recipients().map(Recipients::read).orElseGet(Recipients::none));
        } catch (RuntimeException e) {
            starting.thenAccept(Engine::close);
            throw e;
        }
    }

    /**
     * The run's background, and the work started on it ahead of the stage that needs it while the data loads (one
     * core waits on the largest file then): the classes the charts draw with ("chart-fonts"), the PDF's fonts
     * ("pdf-fonts"), every statement expanded for the engine's dialect with the questions' text checked
     * ("text-check"), and each statement's kind (one query, or something else) checked by the engine's parser on a
     * session of its own ("kind-check"). The checks read the parameters' names only: the kind check binds placeholder
     * values.
     */
    private record Ahead(Background background, PdfReport.Fonts pdfFonts, CompletableFuture<Statements> expanded,
                         CompletableFuture<List<dev.marquee.model.Problem>> kindChecked) {
        static Ahead start(Background background, Engine engine, List<Question> questions, int minGroupSize) {
            ChartStage.preload(background);
            Parameters placeholders = new Parameters(LocalDate.EPOCH, minGroupSize, Parameters.DEFAULT_AT_RISK_DAYS);
            CompletableFuture<Statements> expanded = background.start("text-check",
                    () -> Statements.expand(engine.dialect(), questions, Layer.standard().definitions()));
            return new Ahead(background, PdfReport.loadFonts(background), expanded, background.start("kind-check",
                    () -> QueryStage.notOnlyQueries(engine, questions, Background.join(expanded).bind(placeholders))));
        }

        /** The statements as these parameters fill them, bound once: the whole report and every slice share them. */
        Statements.Bound statements(Parameters parameters) {
            return Background.join(expanded).bind(parameters);
        }
    }

    /**
     * The questions the data can answer, with the charts it can draw, and what is left out and why.
     *
     * @param filled the tables with rows, the data's and the layer's
     */
    private record Answerable(List<Question> questions, List<LeftOut> leftOut, Set<String> filled) {
    }

    /**
     * A question is left out when a table it requires is missing or empty, or its {@code when:} fails; of the others,
     * only the charts whose columns some file filled are drawn. Each left out is listed with the reason.
     */
    private static Answerable answerable(Engine engine, List<Question> questions, CheckedData data, Statements.Bound sql) {
        return answerable(engine, questions, data, data.report().tables().stream().map(t -> t.table()).collect(Collectors.toSet()), sql);
    }

    private static Answerable answerable(Engine engine, List<Question> questions, CheckedData data, Set<String> tables,
                                         Statements.Bound sql) {
        tables.addAll(filled(engine, Layer.standard().names()));
        List<LeftOut> leftOut = new java.util.ArrayList<>(QueryStage.leftOut(questions, tables));
        Set<Question> excluded = new HashSet<>(leftOut.stream().map(LeftOut::question).toList());
        List<Question> withTables = questions.stream().filter(q -> !excluded.contains(q)).toList();
        leftOut.addAll(QueryStage.unmet(engine, withTables, sql));
        excluded.addAll(leftOut.stream().map(LeftOut::question).toList());
        ChartNeeds.Outcome drawable = ChartNeeds.apply(engine, withTables.stream().filter(q -> !excluded.contains(q)).toList());
        leftOut.addAll(drawable.leftOut());
        return new Answerable(drawable.questions(), leftOut, tables);
    }

    /**
     * The query stage, with the churn models fitted beside it on a session of their own (the questions' second session
     * joins once the models are fitted), then the outlook stage. The query stage's time counts from
     * {@code stageStarts}, when the caller began finding the questions the data can answer.
     */
    private List<Answer> answer(Engine engine, Answerable answerable, CheckedData data, DataModel model, Ahead ahead, StageTimer timer,
                                long stageStarts) {
        List<Question> questions = answerable.questions();
        Background background = ahead.background();
        Statements.Bound sql = ahead.statements(data.parameters());
        Questioned questioned = timer.time("query", stageStarts, () -> {
                    QueryStage.checkText(Background.join(ahead.expanded()), questions);
                    OutlookStage.Models models = OutlookStage.startModels(background, engine, questions, sql);
                    try {
                        return new Questioned(QueryStage.run(background, engine, questions, sql, model.memberIdentifiers(),
                                models.fitted()), models);
                    } catch (RuntimeException e) {
                        models.close();
                        throw e;
                    }
                }, q -> q.answers().size() + " questions, " + q.answers().stream().mapToInt(x -> x.results().size()).sum() + " queries"
                        + (answerable.leftOut().isEmpty() ? "" : ", " + answerable.leftOut().size() + " left out for lack of data"));
        try (OutlookStage.Models models = questioned.models()) {
            // No forecast is fitted to exact sums of prices (see PriceRounding).
            List<Answer> rounded = PriceRounding.forecastInputs(questioned.answers(), data.parameters().prices(), config.minGroupSize());
            return timer.time("outlook", () -> OutlookStage.extend(background, rounded, models),
                    a -> a.stream().mapToInt(x -> x.question().forecasts().size()).sum() + " forecasts, "
                            + a.stream().filter(x -> x.question().model().isPresent()).count() + " models");
        }
    }

    /**
     * With {@code --slices}: one schema per value of the dimension (or group of values a slices file names), cut from
     * the loaded data and the layer before the engine is locked (see Slices), and the slices file's values and the
     * recipients' slices checked against the values the dimension has. A slice of fewer than k members is not
     * published: every figure of its report would describe fewer than k members.
     */
    private List<Slices.Slice> cut(Background background, Engine engine, Statements.Bound sql, CheckedData data, Project project,
                                   StageTimer timer) {
        if (config.slices().isEmpty()) {
            return List.of();
        }
        dev.marquee.slice.Dimension dimension = config.slices().get();
        project.recipients().check(dimension, Slices.known(engine, dimension));
        List<Slices.Slice> slices = timer.time("slices", () -> Slices.build(background, engine, dimension, project.model(),
                        project.model().tableNames().stream().filter(t -> data.loaded().has(t)).collect(Collectors.toSet()),
                        sql, config.minGroupSize()),
                s -> s.stream().filter(Slices.Slice::published).count() + " " + dimension.noun() + " slices cut from the loaded "
                        + "data and the layer" + (s.stream().allMatch(Slices.Slice::published) ? ""
                        : ", " + s.stream().filter(x -> !x.published()).count() + " not published (fewer than "
                        + config.minGroupSize() + " members, or withheld with those so that they hold " + config.minGroupSize()
                        + " together)"));
        return slices;
    }

    /**
     * The slices the whole report's own protection allows (see Slices#followingTheWhole), said when it withholds more,
     * and the recipients whose slice is not published told so.
     */
    private List<Slices.Slice> followingTheWhole(Engine engine, List<Slices.Slice> cut, List<Answer> answers, List<Answer> safe,
                                                 Project project) {
        if (cut.isEmpty()) {
            return cut;
        }
        List<Slices.Slice> slices = Slices.followingTheWhole(engine, cut,
                Disclosure.notShownByName(answers, safe, cut.get(0).dimension().column()), config.minGroupSize());
        long more = slices.stream().filter(s -> !s.published()).count() - cut.stream().filter(s -> !s.published()).count();
        if (more > 0) {
            out.println("slices   " + more + " more not published: the whole report does not show their members by name, "
                    + "or they are withheld with those");
        }
        project.recipients().notes(slices).forEach(this::note);
        return slices;
    }

    /**
     * The slices (published or not), and of each published one, in order, its answers and what the check across slices
     * decided for it; none without --slices.
     */
    private record SlicesAnswered(List<Slices.Slice> slices, List<SliceAnswers> answered, List<AcrossSlices.Decision> decided) {
        static final SlicesAnswered NONE = new SlicesAnswered(List.of(), List.of(), List.of());

        List<Slices.Slice> published() {
            return published(slices);
        }

        static List<Slices.Slice> published(List<Slices.Slice> slices) {
            return slices.stream().filter(Slices.Slice::published).toList();
        }
    }

    /**
     * Each slice's answers, answered and protected as the whole report's are: every slice is answered and its answers
     * kept (small tables); then they are compared with the whole report's and with each other's, and what differencing
     * would reveal is hidden (see AcrossSlices).
     */
    private SlicesAnswered answerSlices(Engine database, List<Slices.Slice> slices, CheckedData data, Project project, Report whole,
                                        AcrossSlices.Answers wholeAnswers, Ahead ahead, StageTimer timer) {
        if (slices.isEmpty()) {
            return SlicesAnswered.NONE;
        }
        Set<String> wholeLeftOut = whole.leftOut().stream().map(LeftOut::title).collect(Collectors.toSet());
        List<Slices.Slice> published = SlicesAnswered.published(slices);
        List<SliceAnswers> answered = new java.util.ArrayList<>();
        for (Slices.Slice slice : published) {
            answered.add(timer.time("answer", () -> sliceAnswers(database, slice, data, project, wholeLeftOut, ahead, quiet()),
                    a -> slice.dimension().label() + ": " + slice.value() + ", " + a.answers().computed().stream()
                            .mapToInt(x -> x.results().size()).sum() + " results"));
        }
        List<AcrossSlices.Decision> decided = timer.time("across", () -> AcrossSlices.protect(ahead.background(), wholeAnswers,
                        answered.stream().map(SliceAnswers::answers).toList(), config.minGroupSize(), data.regionOf(),
                        published.stream().map(s -> s.sharedValues(data.regionOf())).toList()),
                d -> d.stream().mapToInt(AcrossSlices.Decision::hiddenRows).sum() + " table rows and "
                        + d.stream().mapToInt(x -> x.hiddenKpis().size()).sum() + " KPI figures hidden across slices against differencing");
        return new SlicesAnswered(slices, answered, decided);
    }

    /**
     * Each published slice's report, with the slice named in its title, written as its own site and PDF under
     * {@code slices/<slug>/}: each slice is charted and written, its pages while the next slice is charted (one slice's
     * pages and one PDF at a time, the PDF of one slice beside the pages of the next). Then the recipients' manifest. A
     * slice has no editions and no targets: those are the whole business's.
     */
    private void writeSlices(SlicesAnswered slices, CheckedData data, Project project, Report whole, Ahead ahead, StagedSite site,
                             StageTimer timer) {
        if (slices.slices().isEmpty()) {
            return;
        }
        List<Slices.Slice> published = slices.published();
        Project sliced = new Project(project.model(), project.questions(), Targets.none(), History.none(), Recipients.none());
        // Each slice's pages and its PDF are written in two queues, one slice after another in each: a slice's PDF, the
        // longest part, is written beside the next slice's pages and the charting of the one after, so a core does not
        // wait for it. Two PDFs are never written at once: two written at once differed between runs.
        CompletableFuture<Void> pages = CompletableFuture.completedFuture(null);
        java.util.ArrayDeque<CompletableFuture<Void>> pdfs = new java.util.ArrayDeque<>();
        try {
            for (int i = 0; i < published.size(); i++) {
                Slices.Slice slice = published.get(i);
                SliceAnswers answers = slices.answered().get(i);
                AcrossSlices.Decision decision = slices.decided().get(i);
                Report report = timer.time("slice", () -> hideKpis(sliceReport(slice, data, answers, decision.published(), ahead),
                                decision.hiddenKpis()),
                        r -> slice.dimension().label() + ": " + slice.value() + ", " + r.sections().stream()
                                .mapToInt(s -> s.charts().size()).sum() + " charts for " + slice.folder());
                Background.join(pages);
                if (pdfs.size() == SLICE_PDFS_QUEUED) {
                    // Slices charted far ahead of their PDFs would pile up in memory.
                    Background.join(pdfs.removeFirst());
                }
                Slicing slicing = Slicing.slice(slice.dimension().noun(), slice.dimension().all(), slice.folder().split("/").length,
                        whole.kpis(), slice.whoCounts());
                Presentation shown = Presentation.of(report, Optional.empty(), sliced.targets(), slicing);
                dev.marquee.publish.Output folder = site.under(slice.folder());
                pages = ahead.background().run("slice-pages", () -> SiteRenderer.write(shown, folder));
                CompletableFuture<Void> previous = pdfs.isEmpty() ? CompletableFuture.completedFuture(null) : pdfs.getLast();
                pdfs.addLast(ahead.background().run("slice-pdf", () -> {
                    Background.join(previous);
                    PdfReport.write(shown, folder, SiteRenderer.PDF_NAME, ahead.pdfFonts());
                }));
            }
        } finally {
            Background.join(pages);
            while (!pdfs.isEmpty()) {
                Background.join(pdfs.removeFirst());
            }
        }
        if (!project.recipients().isEmpty()) {
            site.write(Slices.FOLDER + "/" + Recipients.MANIFEST, project.recipients().manifest(slices.slices(), SiteRenderer.PDF_NAME));
        }
    }

    /** A slice's report with the KPI figures differencing requires hidden, each saying why. */
    private Report hideKpis(Report report, java.util.Set<String> hide) {
        return hideKpis(report, hide, AcrossSlices.HIDDEN + config.minGroupSize() + " members be worked out from the whole report");
    }

    private static Report hideKpis(Report report, java.util.Set<String> hide, String why) {
        if (hide.isEmpty()) {
            return report;
        }
        return report.withKpis(report.kpis().stream().map(kpi -> kpi.hiding(hide.stream().filter(h -> h.startsWith(kpi.id() + "/"))
                .map(h -> h.substring(kpi.id().length() + 1)).collect(Collectors.toSet()), why)).toList());
    }

    /** The whole report's links to its published slices' sites and PDFs. */
    private Slicing links(SlicesAnswered slices) {
        List<Slices.Slice> published = slices.published();
        return published.isEmpty() ? Slicing.NONE : Slicing.of(published.get(0).dimension().noun(), published.stream()
                .map(s -> new Slicing.Link(s.dimension().label() + ": " + dev.marquee.format.SafeText.label(s.value()), s.folder() + "/index.html",
                        s.folder() + "/" + SiteRenderer.PDF_NAME)).toList(), slices.slices().size() - published.size(), config.minGroupSize());
    }

    /** Slices' PDFs waiting to be written, at most, while the next slices are charted (see writeSlices). */
    private static final int SLICE_PDFS_QUEUED = 2;

    /** A slice's stages print nothing of their own (the run prints one line a slice); one timer per thread. */
    private static StageTimer quiet() {
        return new StageTimer(new PrintStream(java.io.OutputStream.nullOutputStream()));
    }

    /**
     * A slice's answers, as computed and as published after the slice's own suppression, with what its report needs
     * of its session: the questions it could answer and the dates its data covers.
     */
    private record SliceAnswers(Answerable answerable, AcrossSlices.Answers answers, Report.DateRange range,
                                java.util.Map<String, Report.DateRange> ranges,
                                java.util.Map<String, java.util.Map<String, Report.DateRange>> populationRanges) {
    }

    private SliceAnswers sliceAnswers(Engine database, Slices.Slice slice, CheckedData data, Project project,
                                      Set<String> wholeLeftOut, Ahead ahead, StageTimer quiet) {
        try (Engine engine = Slices.open(database, slice)) {
            long answeringStarts = System.nanoTime();
            Answerable found = answerable(engine, project.questions(), data,
                    filled(engine, data.report().tables().stream().map(t -> t.table()).toList()),
                    ahead.statements(data.parameters()));
            Answerable answerable = new Answerable(found.questions(), Slices.explain(found.leftOut(), slice, wholeLeftOut), found.filled());
            List<Answer> computed = answer(engine, answerable, data, project.model(), ahead, quiet, answeringStarts);
            java.util.Map<String, String> days = DataRange.sliceDays(data.loaded());
            return new SliceAnswers(answerable, new AcrossSlices.Answers(computed, Disclosure.protect(computed, config.minGroupSize(),
                    data.regionOf())), DataRange.of(engine, data.loaded(), days), DataRange.perTable(engine, data.loaded(), days),
                    DataRange.perPopulation(engine, data.loaded()));
        }
    }

    /** One slice's report: its published answers charted and assembled as the whole report's are. */
    private static Report sliceReport(Slices.Slice slice, CheckedData data, SliceAnswers answers, List<Answer> published, Ahead ahead) {
        List<Answer> safe = PriceRounding.round(published, data.parameters().prices(), data.parameters().minGroupSize());
        List<RenderedChart> charts = ChartStage.render(ahead.background(), safe, Targets.none().lines(safe)).stream()
                // A chart whose every bar is merged into one group stays, as in the whole report: its page says why there is
                // no chart (the Europe slice's MRR by plan had gone without a word).
                .filter(chart -> !slice.showsOneValue(chart.spec(), data.regionOf()))
                .toList();
        return Report.assemble(slice.title(Report.DEFAULT_TITLE), data.parameters(), safe, charts, answers.answerable().leftOut(),
                data.report(), answers.range(), answers.ranges(), answers.populationRanges(),
                layerTablesRead(safe, charts, ahead.statements(data.parameters()), answers.answerable().filled()));
    }

    /**
     * The layer tables the SQL shown beside the charts reads, for the methodology page, built by the SQL this run bound:
     * a statement of a chart left out for lack of data is shown nowhere, so its tables are not listed.
     */
    private static List<Layer.Shown> layerTablesRead(List<Answer> answers, List<RenderedChart> charts, Statements.Bound sql,
                                                     Set<String> filled) {
        List<String> shown = charts.stream().flatMap(chart -> answers.stream()
                        .filter(a -> a.question().slug().equals(chart.questionSlug()))
                        .map(a -> a.sql().get(chart.spec().query())))
                .filter(java.util.Objects::nonNull).toList();
        return Layer.standard().readBy(shown, sql, filled);
    }

    /** The report as readers see it, laid out as the pages and the PDF side by side. */
    private static void write(Report report, Optional<Memory> memory, Project project, Slicing slicing, dev.marquee.publish.Output site,
                              Ahead ahead, StageTimer timer) {
        Presentation shown = Presentation.of(report, memory, project.targets(), slicing);
        timer.together(ahead.background(),
                new StageTimer.Work("site", () -> SiteRenderer.write(shown, site), report.sections().size() + 2 + " pages"),
                new StageTimer.Work("pdf", () -> PdfReport.write(shown, site, SiteRenderer.PDF_NAME, ahead.pdfFonts()), SiteRenderer.PDF_NAME));
    }

    /**
     * The edition's record, checked against the targets and compared with the earlier editions; none for an undated
     * snapshot, which has no date to file it under.
     */
    private Optional<Memory> remember(Report report, History history, Targets targets) {
        if (!report.parameters().dated()) {
            if (!history.isEmpty()) {
                // Published over the history, it would leave the archive behind.
                throw new ReportException(ReportException.CONFIG_PROBLEM, "the data has no date, so this report is an undated "
                        + "snapshot, not an edition: it cannot follow the editions of --history " + config.history().orElseThrow()
                        + "; leave --history out");
            }
            return Optional.empty();
        }
        Memory memory = Memory.of(Edition.of(report), history, targets, config.archiveKeep());
        targets.notes(memory.current()).forEach(this::note);
        return Optional.of(memory);
    }

    /** Loads and validates only; fails with every problem listed when the data would not make a report. */
    public ValidationReport validate() {
        config.checkInputsExist();
        StageTimer timer = new StageTimer(out);
        try (RunFolder scratch = scratchFolder(); Background background = Background.open(); Engine engine = openEngine(scratch.path())) {
            removeStaleScratch();
            return loadAndValidate(background, engine, DataModel.standard(), scratch.path(), timer).report();
        }
    }

    /**
     * Loads and validates, then writes the validated tables as Parquet for another engine (see ParquetExport) into a
     * staging folder that replaces {@code outDir} at the end, as a site does.
     */
    public List<String> export(Path outDir) {
        config.checkInputsExist();
        Path target = OutputFolder.check("--out", outDir, OutputFolder.EXPORT, readFolders());
        StageTimer timer = new StageTimer(out);
        try (StagedSite staged = StagedSite.beside(target, OutputFolder.EXPORT); RunFolder scratch = scratchFolder();
             Background background = Background.open(); Engine engine = DuckDbEngine.inMemory(scratch.path(), config.memoryLimit())) {
            removeStaleScratch();
            CheckedData data = loadAndValidate(background, engine, DataModel.standard(), scratch.path(), timer);
            List<String> written = timer.time("export", () -> ParquetExport.write(engine, data.loaded().tables(), staged.folder(),
                            target.getFileName().toString()),
                    t -> t.size() + " tables as Parquet in " + outDir + " (and trino.sql)");
            staged.publish();
            return written;
        }
    }

    /** The folders a run reads: an output folder must be none of them, nor hold one. */
    private List<OutputFolder.Kept> readFolders() {
        List<OutputFolder.Kept> folders = new java.util.ArrayList<>(List.of(new OutputFolder.Kept(config.dataDir(), "the data folder (--data)"),
                new OutputFolder.Kept(config.questionsDir(), "the questions folder (--questions)"),
                new OutputFolder.Kept(config.tempDir(), "the temporary folder (--temp-dir)")));
        // The history may be the output folder itself: it is read before the new site replaces it. An output folder
        // inside it would write into the edition being read.
        config.history().filter(h -> !h.equals(config.outDir())).ifPresent(h -> {
            if (config.outDir().startsWith(h)) {
                throw new ReportException(ReportException.CONFIG_PROBLEM, "--out " + config.outDir() + " is inside --history " + h
                        + ": build into the history folder itself (it is replaced when the run succeeds) or beside it");
            }
            folders.add(new OutputFolder.Kept(h, "the previous edition (--history)"));
        });
        return folders;
    }

    /** @param regionOf each country's region, as the regions table the questions read gives it */
    private record CheckedData(LoadResult loaded, ValidationReport report, Parameters parameters, java.util.Map<String, String> regionOf) {
    }

    /** The regions table as loaded (the built-in one unless the data folder brings its own); none on a remote engine without it. */
    private static java.util.Map<String, String> regionOf(Engine engine, LoadResult loaded) {
        java.util.Map<String, String> regions = new java.util.HashMap<>();
        if (loaded.has("regions")) {
            for (List<Object> row : engine.query("SELECT country, region FROM regions").rows()) {
                regions.put(String.valueOf(row.get(0)), String.valueOf(row.get(1)));
            }
        }
        return regions;
    }

    /** The questions' answers, and their churn models, still being fitted on a session of their own. */
    private record Questioned(List<Answer> answers, OutlookStage.Models models) {
    }

    private CheckedData loadAndValidate(Background background, Engine engine, DataModel model, Path scratch, StageTimer timer) {
        LoadResult loaded = timer.time("load", () -> config.engine().isPresent()
                        ? RemoteTables.discover(engine, model, EngineUrl.redacted(config.engine().get()))
                        : DataLoader.load(background, config.dataDir(), model, engine, scratch),
                l -> l.tables().stream().filter(t -> !t.isBuiltIn()).count() + " tables, " + String.format(java.util.Locale.ROOT, "%,d",
                        l.tables().stream().filter(t -> !t.isBuiltIn()).mapToLong(t -> t.rowsRead()).sum()) + " rows from "
                        + config.engine().map(EngineUrl::redacted).orElse(config.dataDir().toString()));
        // Side by side on two sessions, or one statement at a time on every thread when the data is large for memory.
        engine.fitToLoadedData();
        java.util.Optional<LocalDate> latest = DataLoader.latestActivityDate(engine, loaded);
        checkAsOf(latest);
        java.util.Optional<LocalDate> day = config.asOf().or(() -> latest);
        if (day.isEmpty()) {
            List<dev.marquee.model.Problem> fatal = loaded.problems().stream()
                    .filter(p -> p.severity() == dev.marquee.model.Problem.Severity.FATAL).toList();
            if (!fatal.isEmpty()) {
                throw ReportException.of(ReportException.DATA_PROBLEM, theData() + " cannot be used",
                        fatal.stream().map(config::shown).toList());
            }
            if (loaded.tables().stream().allMatch(t -> t.isBuiltIn())) {
                throw new ReportException(ReportException.DATA_PROBLEM, config.engine().isPresent()
                        ? "No table of the data model was found at " + EngineUrl.redacted(config.engine().get())
                                + ": expected the tables " + model.tableNames() + " (see marquee export)"
                        : "No data file was found in " + config.dataDir() + ": expected files named after the tables "
                                + model.tableNames() + " or one of the public files the README lists (write an example with: "
                                + "marquee sample-data)");
            }
        }
        // Data without any date (a churn table alone) is reported as an undated snapshot, with no period comparison.
        Parameters parameters = day.map(d -> new Parameters(d, config.minGroupSize(), Parameters.DEFAULT_AT_RISK_DAYS))
                .orElseGet(() -> Parameters.undated(config.minGroupSize(), Parameters.DEFAULT_AT_RISK_DAYS));
        LocalDate asOf = parameters.asOf();
        ValidationReport report = timer.time("validate", () -> config.engine().isPresent()
                        ? RemoteValidator.validate(engine, loaded, asOf, config.maxBadRowShare())
                        : Validator.validate(background, engine, loaded, asOf, config.maxBadRowShare()),
                r -> String.format(java.util.Locale.ROOT, "%,d rows set aside, %d problems, %s", r.rowsSetAside(),
                        r.fatal().size(), parameters.dated() ? "as of " + asOf : "undated: a snapshot"));
        if (!report.fatal().isEmpty()) {
            List<dev.marquee.model.Problem> shown = new java.util.ArrayList<>(report.fatal());
            shown.addAll(0, report.setAsideSample().stream().limit(20).toList());
            throw ReportException.of(ReportException.DATA_PROBLEM, theData() + " cannot be used; nothing was written",
                    shown.stream().map(config::shown).toList());
        }
        List<String> priceColumns = model.tables().stream().filter(t -> loaded.has(t.name()))
                .flatMap(t -> t.columns().stream().filter(c -> c.price()).map(c -> t.name() + "." + c.name())).toList();
        List<String> withSource = model.tables().stream().filter(t -> priceColumns.stream().anyMatch(c -> c.startsWith(t.name() + "."))
                && t.column("source").isPresent()).map(t -> t.name()).toList();
        PriceSteps prices = PriceSteps.measure(engine, priceColumns, withSource, parameters.eventSource(), config.minGroupSize());
        return new CheckedData(loaded, report, parameters.withPrices(prices),
                regionOf(engine, loaded));
    }

    /**
     * The member and title layer over the validated data: built into embedded DuckDB once; on a remote engine, whose
     * schema holds the data model only, built once in the scratch schema when the run has one, or else read by each
     * statement as common table expressions. The engine returned is closed at the end of the run: that drops the
     * tables built in the scratch schema.
     */
    private Engine layer(Background background, Engine engine, Statements.Bound sql, CheckedData data, DataModel model) {
        Layer layer = Layer.standard();
        List<dev.marquee.model.TableSpec> absent = model.tables().stream().filter(t -> !data.loaded().has(t.name())).toList();
        if (config.scratchSchema().isPresent()) {
            return layer.storedOn(background, engine, sql, absent, config.scratchSchema().get(), this::note);
        }
        if (config.engine().isPresent()) {
            return layer.inlinedOn(engine, sql, absent);
        }
        layer.build(background, engine, sql);
        return engine;
    }

    /** A line of the run's output the user should read, though the run goes on. */
    private void note(String text) {
        out.println("note     " + dev.marquee.format.SafeText.message(text));
    }

    /** Where the layer stage put the layer tables, for its line of the timings. */
    private String layerWhere() {
        if (config.scratchSchema().isPresent()) {
            return " built in " + config.scratchSchema().get() + " from the validated data";
        }
        return config.engine().isPresent() ? ": each statement computes those it reads" : " from the validated data";
    }

    /**
     * Those of {@code tables} that hold a row: a question that requires an empty one is left out (a layer table no source
     * filled; in a slice, a member table its members have no rows in, or the whole service's figures).
     */
    private static Set<String> filled(Engine engine, java.util.Collection<String> tables) {
        Set<String> filled = new HashSet<>();
        for (String table : tables) {
            // One row is enough: a slice's events are a view of its members' rows, which a count would read through.
            if (((Number) engine.scalar("SELECT count(*) FROM (SELECT 1 FROM " + table + " LIMIT 1) AS one")).longValue() > 0) {
                filled.add(table);
            }
        }
        return filled;
    }

    /** The data folder as the user named it, since problems name files within it (e.g. users.csv). */
    private String theData() {
        return config.engine().isPresent() ? "The data" : "The data in " + config.dataDir();
    }

    /**
     * A report dated long after its data would chart years of empty months (at 9999-12-31, more than DuckDB's memory):
     * --as-of may be at most a year after the latest activity.
     */
    private void checkAsOf(java.util.Optional<LocalDate> latest) {
        if (config.asOf().isPresent() && latest.isPresent() && config.asOf().get().isAfter(latest.get().plusYears(1))) {
            throw new ReportException(ReportException.CONFIG_PROBLEM, "--as-of must be at most a year after the latest activity "
                    + "in the data (" + latest.get() + "), so from " + Config.FIRST_DAY + " to " + latest.get().plusYears(1)
                    + ", got " + config.asOf().get() + "; leave --as-of out to date the report " + latest.get());
        }
    }

    /** Embedded DuckDB, or the remote engine the configuration names, with credentials from the environment. */
    private Engine openEngine(Path scratch) {
        if (config.engine().isPresent()) {
            try {
                return TrinoEngine.connect(config.engine().get(), System.getenv(TrinoEngine.USER_VARIABLE),
                        System.getenv(TrinoEngine.PASSWORD_VARIABLE));
            } catch (dev.marquee.engine.EngineException e) {
                throw new ReportException(ReportException.CONFIG_PROBLEM, e.getMessage());
            }
        }
        return DuckDbEngine.inMemory(scratch, config.memoryLimit());
    }

    /** The scratch folders that killed runs left under the temporary folder. */
    private void removeStaleScratch() {
        RunFolder.removeStale(config.tempDir(), SCRATCH_PREFIX + "*");
    }

    /** The run's scratch folder under the temporary folder. */
    private RunFolder scratchFolder() {
        try {
            return RunFolder.create(config.tempDir(), SCRATCH_PREFIX);
        } catch (IOException e) {
            throw new ReportException(ReportException.CONFIG_PROBLEM, "cannot make a scratch folder in the temporary folder "
                    + config.tempDir() + ": " + e.getClass().getSimpleName() + " " + e.getMessage() + ". Pass --temp-dir DIR");
        }
    }

    /** First and last activity day in the data. */
    static final class DataRange {
        private DataRange() {
        }

        /**
         * Per table, the first and last day its date and timestamp columns hold (a report period's start and end, a
         * member's join and last activity); a title's release date says when it was made, not what the data covers.
         */
        static java.util.Map<String, Report.DateRange> perTable(Engine engine, LoadResult loaded) {
            return perTable(engine, loaded, java.util.Map.of());
        }

        /** @param daysOf per table, a query of the days it holds ({@code day}) to read instead of its own rows */
        static java.util.Map<String, Report.DateRange> perTable(Engine engine, LoadResult loaded, java.util.Map<String, String> daysOf) {
            java.util.Map<String, Report.DateRange> ranges = new java.util.TreeMap<>();
            for (var table : loaded.tables()) {
                List<String> columns = activityColumns(table.spec());
                if (columns.isEmpty()) {
                    continue;
                }
                String ends = daysOf.containsKey(table.name()) ? firstAndLast(daysOf.get(table.name()))
                        : columns.stream().map(c -> firstAndLast(engine, c, table.name())).collect(java.util.stream.Collectors.joining(" UNION ALL "));
                var row = engine.query("SELECT min(first_day), max(last_day) FROM (" + ends + ") AS ends").rows().get(0);
                if (row.get(0) != null) {
                    ranges.put(table.name(), new Report.DateRange((LocalDate) row.get(0), (LocalDate) row.get(1), table.spec().personal()));
                }
            }
            return ranges;
        }

        /**
         * Per member-level table (members' own rows with a {@code source} column: each file its own population), the first
         * and last day each of its files' date columns hold, by file (both null for a file without dates). Where files sit
         * side by side, each runs to its own date, which the table's range over all of them does not tell.
         */
        static java.util.Map<String, java.util.Map<String, Report.DateRange>> perPopulation(Engine engine, LoadResult loaded) {
            java.util.Map<String, java.util.Map<String, Report.DateRange>> ranges = new java.util.TreeMap<>();
            for (var table : loaded.tables()) {
                List<String> columns = activityColumns(table.spec());
                if (columns.isEmpty() || !table.spec().personal() || table.spec().column("source").isEmpty()) {
                    continue;
                }
                String days = columns.stream().map(c -> "SELECT source, CAST(" + c + " AS DATE) AS day FROM " + table.name())
                        .collect(java.util.stream.Collectors.joining(" UNION ALL "));
                java.util.Map<String, Report.DateRange> files = new java.util.TreeMap<>();
                for (var row : engine.query("SELECT source, min(day), max(day) FROM (" + days + ") AS days GROUP BY source ORDER BY source")
                        .rows()) {
                    if (row.get(0) != null) {
                        files.put(String.valueOf(row.get(0)), new Report.DateRange((LocalDate) row.get(1), (LocalDate) row.get(2), true));
                    }
                }
                ranges.put(table.name(), files);
            }
            return ranges;
        }

        /**
         * A column's first and last day ({@code first_day}, {@code last_day}). On DuckDB, its least and greatest value
         * made a date: DuckDB reads every timestamp's date in one time zone, so the dates rise with the values, and 100M
         * timestamps are not each made a date. Trino reads a zoned timestamp's date in the value's own zone, where the
         * earliest instant need not have the earliest date, so each value is made a date there.
         */
        private static String firstAndLast(Engine engine, String column, String table) {
            return engine.dialect() == dev.marquee.engine.Dialect.DUCKDB
                    ? "SELECT CAST(min(" + column + ") AS DATE) AS first_day, CAST(max(" + column + ") AS DATE) AS last_day FROM " + table
                    : firstAndLast("SELECT CAST(" + column + " AS DATE) AS day FROM " + table);
        }

        /** The first and last of a query's days ({@code day}), as {@link #firstAndLast(Engine, String, String)} gives a column's. */
        private static String firstAndLast(String days) {
            return "SELECT min(day) AS first_day, max(day) AS last_day FROM (" + days + ") AS days";
        }

        /** A table's date and timestamp columns but a release date, which says when a title was made, not what the data covers. */
        private static List<String> activityColumns(dev.marquee.model.TableSpec table) {
            return table.columns().stream().filter(c -> c.isTemporal() && !c.name().contains("release")).map(c -> c.name()).toList();
        }

        static Report.DateRange of(Engine engine, LoadResult loaded) {
            return of(engine, loaded, java.util.Map.of());
        }

        /** @param daysOf as for {@link #perTable(Engine, LoadResult, java.util.Map)} */
        static Report.DateRange of(Engine engine, LoadResult loaded, java.util.Map<String, String> daysOf) {
            if (!loaded.has("viewing_sessions")) {
                LocalDate last = DataLoader.latestActivityDate(engine, loaded).orElse(null);
                return new Report.DateRange(null, last);
            }
            var row = engine.query(daysOf.containsKey("viewing_sessions") ? firstAndLast(daysOf.get("viewing_sessions"))
                    : firstAndLast(engine, "started_at", "viewing_sessions")).rows().get(0);
            return new Report.DateRange((LocalDate) row.get(0), (LocalDate) row.get(1));
        }

        /** A slice's days of viewing: from each member's first and last day, not the events (see Slices#READ_ONCE). */
        static java.util.Map<String, String> sliceDays(LoadResult loaded) {
            return loaded.has("viewing_sessions") ? java.util.Map.of("viewing_sessions", "SELECT first_day AS day FROM "
                    + Slices.VIEWING_DAYS + " UNION ALL SELECT last_day AS day FROM " + Slices.VIEWING_DAYS) : java.util.Map.of();
        }
    }
}
