package dev.marquee.bench;

import dev.marquee.run.StageTimer;
import dev.marquee.catalog.Catalog;
import dev.marquee.catalog.QuerySource;
import dev.marquee.catalog.Question;
import dev.marquee.config.Config;
import dev.marquee.engine.Column;
import dev.marquee.engine.DuckDbEngine;
import dev.marquee.engine.Engine;
import dev.marquee.load.DataLoader;
import dev.marquee.load.LoadResult;
import dev.marquee.model.DataModel;
import dev.marquee.query.Parameters;
import dev.marquee.query.QueryStage;
import dev.marquee.query.Statements;
import dev.marquee.run.Background;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * The query engine alone, for comparison: the same files loaded into DuckDB the same way, the member and title
 * layer built on them as the report builds it, and every statement of every question run once, one after another, exactly as the report expands it. No validation, forecasts, charts,
 * pages or PDF. A statement whose rows the report streams (the churn model's) is streamed and counted here.
 */
@Command(name = "baseline", hidden = true, description = "Load the data into DuckDB and run every question's SQL, nothing else.")
final class Baseline implements Callable<Integer> {

    @Option(names = "--data", required = true)
    Path data;

    @Option(names = "--questions", defaultValue = "questions")
    Path questionsDir;

    @Option(names = "--memory-limit")
    String memoryLimit;

    @Option(names = "--scan-only", description = "Only read the viewing events once, every column, and print the time: the floor of any report.")
    boolean scanOnly;

    @Option(names = "--per-statement", description = "Build the layer tables one by one and time each, and each statement, "
            + "on one session, then list them slowest first: where the layer and query stages spend their time.")
    boolean perStatement;

    @Option(names = "--save-database", description = "After the layer is built, copy the loaded tables and the layer into this "
            + "DuckDB file, and every statement as the report binds it into the folder beside it (FILE.sql/), to try a statement's alternatives on the same data (EXPLAIN ANALYZE in a DuckDB session).")
    Path saveDatabase;

    private final PrintStream out;

    Baseline() {
        this(System.out);
    }

    Baseline(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws IOException {
        long start = System.nanoTime();
        StageTimer timer = new StageTimer(out);
        Config config = memoryLimit == null ? Config.defaults() : Config.defaults().withMemoryLimit(memoryLimit);
        DataModel model = DataModel.standard();
        List<Question> questions = Catalog.read(questionsDir, dev.marquee.layer.Layer.standard().withModelTables(model.tableNames()),
                dev.marquee.layer.Layer.standard().withMemberTables(model.memberTables()));
        Path scratch = Files.createTempDirectory(config.tempDir(), "marquee-baseline-");
        try (Engine engine = DuckDbEngine.inMemory(scratch, config.memoryLimit()); Background background = Background.open()) {
            timer.since("start", start, questions.size() + " questions read, duckdb ready");
            if (scanOnly) {
                String events = eventsReader(data);
                // Hashing each whole row makes DuckDB decode every value: counts and sums of a Parquet file come from
                // its statistics, and would read almost nothing. The hashes are unsigned 64-bit numbers, which a Java
                // long does not hold: their XOR comes back as text.
                timer.time("scan", () -> engine.scalar("SELECT count(*), CAST(bit_xor(hash(e)) AS VARCHAR) FROM " + events + " AS e"),
                        n -> "the viewing events, every value of every column, read once");
                timer.printSummary(start);
                return 0;
            }
            LoadResult loaded = timer.time("load", () -> DataLoader.load(background, data, model, engine, scratch),
                    l -> l.tables().size() + " tables");
            engine.fitToLoadedData();
            LocalDate asOf = DataLoader.latestActivityDate(engine, loaded).orElseThrow();
            Parameters parameters = new Parameters(asOf, Config.DEFAULT_MIN_GROUP_SIZE, Parameters.DEFAULT_AT_RISK_DAYS);
            dev.marquee.layer.Layer layer = dev.marquee.layer.Layer.standard();
            Statements.Bound sql = Statements.expand(engine.dialect(), questions, layer.definitions()).bind(parameters);
            List<Timed> timed = new java.util.ArrayList<>();
            timer.time("layer", () -> {
                if (perStatement) {
                    // As Layer.build does. Nothing is validated here, and MemberIds takes the ids of tables that
                    // reference users to be users' ids, as validation makes them: time data the report accepts.
                    long converted = System.nanoTime();
                    dev.marquee.load.MemberIds.storeAsNumbers(background, engine);
                    timed.add(new Timed("layer/(member ids as numbers)", System.nanoTime() - converted));
                    for (dev.marquee.layer.Layer.Table table : layer.tables()) {
                        long t = System.nanoTime();
                        engine.execute("CREATE OR REPLACE TABLE " + table.name() + " AS " + sql.sql(table.definition()));
                        timed.add(new Timed("layer/" + table.name(), System.nanoTime() - t));
                    }
                } else {
                    layer.build(background, engine, sql);
                }
                return layer.names();
            }, names -> String.join(", ", names));
            if (saveDatabase != null) {
                timer.time("save", () -> {
                    engine.execute("ATTACH '" + saveDatabase.toAbsolutePath().toString().replace("'", "''") + "' AS saved");
                    engine.execute("COPY FROM DATABASE memory TO saved");
                    engine.execute("DETACH saved");
                    Path statements = Path.of(saveDatabase + ".sql");
                    try {
                        Files.createDirectories(statements);
                        for (dev.marquee.layer.Layer.Table table : layer.tables()) {
                            Files.writeString(statements.resolve("layer-" + table.name() + ".sql"), sql.sql(table.definition()));
                        }
                        for (Question question : questions) {
                            for (QuerySource query : question.queries()) {
                                Files.writeString(statements.resolve(question.slug() + "-" + query.name() + ".sql"), sql.sql(query));
                            }
                        }
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    return saveDatabase;
                }, file -> "loaded tables and layer copied to " + file);
            }
            Set<String> tables = loaded.tables().stream().map(t -> t.name()).collect(Collectors.toSet());
            // The layer tables some file filled, as the report counts them: a question that requires one is answered.
            layer.names().stream().filter(t -> ((Number) engine.scalar("SELECT count(*) FROM " + t)).longValue() > 0)
                    .forEach(tables::add);
            Set<Question> leftOut = QueryStage.leftOut(questions, tables).stream().map(l -> l.question()).collect(Collectors.toSet());
            List<Question> answerable = questions.stream().filter(q -> !leftOut.contains(q)).toList();
            timer.time("query", () -> runAll(engine, answerable, sql, timed),
                    n -> answerable.size() + " questions, " + n + " queries");
            timer.printSummary(start);
            if (perStatement) {
                printSlowestFirst(timed);
            }
            return 0;
        } finally {
            SampleSets.deleteFiles(scratch);
        }
    }

    /** The viewing events file of the folder, as DuckDB reads it in place. */
    static String eventsReader(Path data) {
        for (String suffix : List.of(".parquet", ".csv.gz", ".csv")) {
            Path file = data.resolve("viewing_sessions" + suffix);
            if (Files.isRegularFile(file)) {
                String path = "'" + file.toAbsolutePath().toString().replace("'", "''") + "'";
                return suffix.equals(".parquet") ? "read_parquet(" + path + ")" : "read_csv(" + path + ", header = true)";
            }
        }
        throw new IllegalArgumentException("no viewing_sessions.parquet, .csv.gz or .csv in " + data);
    }

    /** One statement's wall time. */
    record Timed(String name, long nanos) {
    }

    private void printSlowestFirst(List<Timed> timed) {
        long total = timed.stream().mapToLong(Timed::nanos).sum();
        out.println();
        out.println("| statement | s | share |");
        out.println("|---|---|---|");
        timed.stream().sorted(java.util.Comparator.comparingLong(Timed::nanos).reversed())
                .forEach(t -> out.printf(java.util.Locale.ROOT, "| %s | %.2f | %.0f%% |%n", t.name(), t.nanos() / 1e9, 100.0 * t.nanos() / total));
        out.printf(java.util.Locale.ROOT, "| all %d | %.2f | |%n", timed.size(), total / 1e9);
    }

    private static int runAll(Engine engine, List<Question> questions, Statements.Bound bound, List<Timed> timed) {
        int statements = 0;
        for (Question question : questions) {
            for (QuerySource query : question.queries()) {
                String sql = bound.sql(query);
                long t = System.nanoTime();
                if (question.model().map(m -> m.query().equals(query.name())).orElse(false)) {
                    engine.stream(sql, new Engine.RowHandler() {
                        @Override
                        public void columns(List<Column> columns) {
                        }

                        @Override
                        public void row(Object[] values) {
                        }
                    });
                } else {
                    engine.query(sql);
                }
                timed.add(new Timed(question.slug() + "/" + query.name(), System.nanoTime() - t));
                statements++;
            }
        }
        return statements;
    }
}
