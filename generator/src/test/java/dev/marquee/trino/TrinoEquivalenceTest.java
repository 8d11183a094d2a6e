package dev.marquee.trino;

import dev.marquee.Fixtures;
import dev.marquee.Pipeline;
import dev.marquee.run.ReportException;
import dev.marquee.config.Config;
import dev.marquee.engine.Table;
import dev.marquee.engine.TrinoEngine;
import dev.marquee.query.Answer;
import dev.marquee.report.Report;
import dev.marquee.report.Section;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The same questions on a real Trino server and on embedded DuckDB give the same answers. Runs when
 * MARQUEE_TRINO_TESTS=1 (.ci/run sets it after fetching the server); skipped with a message otherwise.
 */
class TrinoEquivalenceTest {

    private static final double RELATIVE_TOLERANCE = 1e-9;
    /** Excerpts of the six public files: the member-level files, the engagement report and the catalogues. */
    private static final Path SHAPES = Fixtures.FIXTURES.resolve("shapes");
    /**
     * The schema the layer is built in for the reports that name it (--scratch-schema): the tiny fixture's and the
     * sample's. The excerpts' report computes the layer in each statement, the default on a remote engine.
     */
    private static final String SCRATCH = "scratch";
    private static Path work;
    private static TrinoServer server;

    @BeforeAll
    static void registerTheDatasets() throws Exception {
        TrinoServer.assumeEnabled();
        work = Fixtures.scratch("marquee-trino-");
        server = TrinoServer.shared();
        Path lake = server.lake();
        for (String[] dataset : new String[][]{{"tiny", Fixtures.TINY.toString()}, {"sample", "data"}, {"shapes", SHAPES.toString()}}) {
            Fixtures.Run export = Fixtures.marquee("export", "--format", "parquet", "--data", dataset[1], "--out",
                    lake.resolve(dataset[0]).toString());
            assertEquals(0, export.exitCode(), export.err());
            server.register(dataset[0]);
        }
        // The schema the tiny fixture and the sample build the layer in, with a table of the user's that must survive.
        try (TrinoEngine trino = TrinoEngine.connect(server.url("tiny"), "test", null)) {
            trino.execute("CREATE SCHEMA hive." + SCRATCH);
            trino.execute("CREATE TABLE hive." + SCRATCH + ".marquee_notes AS SELECT 'kept' AS note");
        }
    }

    private static Report build(Config config) {
        return new Pipeline(config, new PrintStream(new ByteArrayOutputStream())).build();
    }

    /**
     * Builds the report on both engines, checks they give the same answers, and returns Trino's; with
     * {@code layerStored}, Trino builds the layer in the scratch schema, and the test checks that the run dropped every
     * table it made there and nothing else.
     */
    private static Report assertSameAnswers(String data, String schema, LocalDate asOf, int k, boolean layerStored) {
        Config duck = Config.defaults().withDataDir(Path.of(data)).withOutDir(work.resolve("duck-" + schema))
                .withAsOf(asOf).withMinGroupSize(k).withMaxBadRowShare(1.0);
        long start = System.nanoTime();
        Report expected = build(duck);
        double duckSeconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        Config onTrino = duck.withOutDir(work.resolve("trino-" + schema)).withEngine(server.url(schema));
        Report actual = build(layerStored ? onTrino.withScratchSchema("hive." + SCRATCH) : onTrino);
        double trinoSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "report on %s: DuckDB %.1f s, Trino %.1f s (the layer %s)%n", schema, duckSeconds,
                trinoSeconds, layerStored ? "built in hive." + SCRATCH : "computed by each statement");
        if (layerStored) {
            assertEquals(List.of("marquee_notes"), tablesIn(SCRATCH), "the run's layer tables are dropped, the user's table kept");
        }

        assertEquals(expected.sections().size(), actual.sections().size());
        for (int s = 0; s < expected.sections().size(); s++) {
            Section left = expected.sections().get(s);
            Answer right = actual.sections().get(s).answer();
            for (var entry : left.answer().results().entrySet()) {
                assertSameTable(left.slug() + "." + entry.getKey(), entry.getValue(), right.result(entry.getKey()));
            }
        }
        assertEquals(expected.kpis(), actual.kpis());
        return actual;
    }

    private static List<String> tablesIn(String schema) {
        try (TrinoEngine trino = TrinoEngine.connect(server.url(schema), "test", null)) {
            return trino.query("SHOW TABLES FROM hive." + schema).rows().stream().map(row -> (String) row.get(0)).sorted().toList();
        }
    }

    static void assertSameTable(String name, Table expected, Table actual) {
        assertEquals(expected.columnNames(), actual.columnNames(), name);
        assertEquals(expected.rowCount(), actual.rowCount(), name + " rows");
        for (int r = 0; r < expected.rowCount(); r++) {
            for (int c = 0; c < expected.columns().size(); c++) {
                Object e = expected.rows().get(r).get(c);
                Object a = actual.rows().get(r).get(c);
                String where = name + " row " + r + " column " + expected.columns().get(c).name();
                if (e instanceof Number en && a instanceof Number an) {
                    double ed = en instanceof BigDecimal b ? b.doubleValue() : en.doubleValue();
                    double ad = an instanceof BigDecimal b ? b.doubleValue() : an.doubleValue();
                    if (Math.abs(ed - ad) > RELATIVE_TOLERANCE * Math.max(1, Math.abs(ed))) {
                        fail(where + ": DuckDB " + e + ", Trino " + a);
                    }
                } else {
                    assertEquals(e, a, where);
                }
            }
        }
    }

    @Test
    void everyQuestion_onTheTinyFixture_givesTheSameAnswerOnBothEngines_andThoseWithoutTheirTablesAreLeftOutWithANote() {
        Report onTrino = assertSameAnswers(Fixtures.TINY.toString(), "tiny", LocalDate.of(2024, 3, 1), 1, true);

        // The tiny schema has no subscriptions or payments: questions that need them are left out, not failed, and the layer
        // tables built from them in the scratch schema are empty tables of the model's columns.
        assertTrue(onTrino.leftOut().stream().anyMatch(l -> l.missing().contains("subscriptions")), onTrino.leftOut().toString());
    }

    @Test
    void everyQuestion_onTheSampleData_givesTheSameAnswerOnBothEngines() {
        assertSameAnswers("data", "sample", LocalDate.of(2024, 12, 31), 10, true);
    }

    /**
     * The member and title layer's other sources: the questions of member-level files, engagement reports and
     * catalogues, which the tiny fixture and the sample data (event files only) leave out. Each file's own date.
     */
    @Test
    void everyQuestion_onThePublicFilesExcerpts_givesTheSameAnswerOnBothEngines() {
        Report onTrino = assertSameAnswers(SHAPES.toString(), "shapes", null, 1, false);

        assertTrue(onTrino.sections().stream().anyMatch(s -> s.slug().equals("churn-drivers")), "the churn table's question ran");
    }

    @Test
    void aScratchSchemaThatDoesNotExist_failsTheRunNamingIt_andWritesNothing() {
        Path site = work.resolve("site-without-scratch");

        Fixtures.Run run = Fixtures.marquee("build", "--engine", server.url("tiny"), "--scratch-schema", "hive.nowhere",
                "--as-of", "2024-03-01", "--out", site.toString());

        assertEquals(ReportException.CONFIG_PROBLEM, run.exitCode(), run.err());
        assertTrue(run.err().startsWith("marquee: The member and title layer could not be built in --scratch-schema hive.nowhere "
                + "(1 problem):"), run.err());
        assertTrue(run.err().contains("1. layer/member_title.sql: ") && run.err().contains("nowhere not found"), run.err());
        assertFalse(Files.exists(site));
    }

    /** SIGTERM (or Ctrl-C) stops the JVM without the run's own clean-up; its shutdown hook drops the layer tables. */
    @Test
    void aRunStoppedBySigterm_dropsTheLayerTablesItBuilt() throws Exception {
        Path site = work.resolve("site-stopped");
        Process run = MarqueeProcess.command("build", "--engine", server.url("tiny"), "--scratch-schema", "hive." + SCRATCH,
                "--as-of", "2024-03-01", "--out", site.toString()).redirectErrorStream(true).start();
        try (java.io.BufferedReader lines = new java.io.BufferedReader(
                new java.io.InputStreamReader(run.getInputStream(), java.nio.charset.StandardCharsets.UTF_8))) {
            String line;
            do {
                line = lines.readLine();
            } while (line != null && !line.startsWith("layer "));
            assertTrue(line != null, "the run reached its layer stage");
            // The query stage takes seconds on Trino: the tables are there while it runs.
            assertEquals(dev.marquee.layer.Layer.standard().names().size() + 1, tablesIn(SCRATCH).size(),
                    "every layer table beside the user's");

            run.destroy();
            assertTrue(run.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "the run stopped");
        } finally {
            run.destroyForcibly();
        }

        assertEquals(List.of("marquee_notes"), tablesIn(SCRATCH));
        assertFalse(Files.exists(site));
    }

    @Test
    void everyCrossEngineFunction_givesTheSameAnswerOnBothEngines() throws Exception {
        java.util.Map<String, String> scalarArgs = java.util.Map.of("date", "DATE '2024-02-29'", "days", "1",
                "value", "x", "fraction", "0.5", "separator", "','");
        String values = "(VALUES (1.0), (2.0), (3.0), (4.0), (10.0)) AS t(x)";
        try (dev.marquee.engine.TrinoEngine trino = dev.marquee.engine.TrinoEngine.connect(server.url("tiny"), "test", null);
             dev.marquee.engine.DuckDbEngine duck = dev.marquee.engine.DuckDbEngine.inMemory(work, "1GB")) {
            for (var function : dev.marquee.query.SqlFunctions.all().values()) {
                String sql;
                switch (function.name()) {
                    case "month_series" -> sql = "SELECT count(*) FROM (SELECT 1) AS o CROSS JOIN {f} AS g(m)";
                    case "split_list" -> sql = "SELECT count(*) FROM (SELECT 'a|b|c' AS text) AS o CROSS JOIN {f} AS g(item)";
                    case "median", "percentile" -> sql = "SELECT CAST({f} AS DOUBLE) FROM " + values;
                    case "string_list" -> sql = "SELECT {f} FROM (VALUES ('b'), ('a'), ('c')) AS t(x)";
                    case "replace_all" -> sql = "SELECT {f} FROM (SELECT 'the, end! of it' AS text) AS o";
                    // 1 | 4 | 5 = 5; NULL is skipped.
                    case "bits_or" -> sql = "SELECT {f} FROM (VALUES (CAST(1 AS BIGINT)), (CAST(4 AS BIGINT)), "
                            + "(CAST(5 AS BIGINT)), (CAST(NULL AS BIGINT))) AS t(x)";
                    case "not_materialized" -> sql = "WITH c AS {f} (SELECT 1 AS x) SELECT count(*) FROM c AS a CROSS JOIN c AS b";
                    default -> sql = "SELECT CAST({f} AS VARCHAR)";
                }
                java.util.Map<String, String> args = new java.util.HashMap<>(scalarArgs);
                args.put("first", "DATE '2024-01-01'");
                args.put("last", "DATE '2024-03-01'");
                args.put("text", "o.text");
                args.put("separator", function.name().equals("split_list") ? "'|'" : "','");
                args.put("pattern", "'[^a-z ]'");
                args.put("replacement", "''");
                args.put("position", "62");
                // 6 & 3 = 2.
                args.put("left", "CAST(6 AS BIGINT)");
                args.put("right", "CAST(3 AS BIGINT)");
                if (function.name().equals("bits_or_counted_of_three")) {
                    // 1 | NULL | 5 = 5, two bits set; NULL is the empty set.
                    args.put("first", "CAST(1 AS BIGINT)");
                    args.put("second", "CAST(NULL AS BIGINT)");
                    args.put("third", "CAST(5 AS BIGINT)");
                }
                Object duckValue = duck.scalar(sql.replace("{f}", expand(function, dev.marquee.engine.Dialect.DUCKDB, args)));
                Object trinoValue = trino.scalar(sql.replace("{f}", expand(function, dev.marquee.engine.Dialect.TRINO, args)));
                if (duckValue instanceof Number d && trinoValue instanceof Number t) {
                    // median and percentile are approximate in Trino (the methodology says so): within 10% here.
                    double tolerance = function.approximateIn().isEmpty() ? 1e-9 : 0.1 * Math.abs(d.doubleValue());
                    assertEquals(d.doubleValue(), t.doubleValue(), tolerance, function.name());
                } else {
                    assertEquals(String.valueOf(duckValue), String.valueOf(trinoValue), function.name());
                }
            }
        }
    }

    private static String expand(dev.marquee.query.SqlFunctions.Function function, dev.marquee.engine.Dialect dialect,
                                 java.util.Map<String, String> args) {
        String body = function.bodies().get(dialect);
        for (String arg : function.args()) {
            body = body.replace("{" + arg + "}", args.get(arg));
        }
        return body;
    }

    @Test
    void unknownSchema_isAClearErrorNotAStackTrace() {
        Fixtures.Run run = Fixtures.marquee("build", "--engine", server.url("no_such_schema"), "--out", work.resolve("x").toString());

        assertEquals(ReportException.DATA_PROBLEM, run.exitCode(), run.err());
        assertTrue(run.err().startsWith("marquee: No table of the data model was found"), run.err());
        assertTrue(!run.err().contains("\tat "), "no stack trace");
    }
}
