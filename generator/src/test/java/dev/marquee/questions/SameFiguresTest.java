package dev.marquee.questions;

import dev.marquee.BuiltLayer;
import dev.marquee.Fixtures;
import dev.marquee.catalog.QuerySource;
import dev.marquee.catalog.Question;
import dev.marquee.config.Config;
import dev.marquee.engine.DuckDbEngine;
import dev.marquee.engine.Column;
import dev.marquee.engine.Engine;
import dev.marquee.engine.Table;
import dev.marquee.query.Parameters;
import dev.marquee.query.Statements;
import dev.marquee.sample.SampleData;
import dev.marquee.sample.SampleOptions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same figures, to the last digit, however the layer computes them (issue #18): every statement below, and the
 * viewing layer tables, compared with the results recorded in {@code src/test/resources/golden/} before the layer read
 * the viewing events once per grain.
 *
 * <p>Two cases: the hand-built fixture of fixtures/questions as of 2024-03-31 (k = 2, as {@link BusinessQuestionsTest}
 * builds it), and a sample generated here into a temporary folder (seed 42, 30,000 sessions, 2022–2024, as of its last
 * day). Each result is one CSV file, {@code golden/<case>/<question>/<statement>.csv}, with a header of the column
 * names; a number is written as Java prints it ({@code Double.toString}: every digit of the double DuckDB returned),
 * so the comparison is exact, and NULL as {@code \N}. The engine runs on one thread, as each statement of a report
 * does, so floating-point sums add up in the same order on every run. A statement without ORDER BY (the churn model's features) is compared
 * with its rows sorted.
 *
 * <p>Every statement of every question is recorded, but only those in {@link #COMPARED} (the statements that read the
 * viewing layer tables, and the layer tables themselves) are compared: other statements may change their figures on
 * purpose without this test failing. To record the results again (after a change that is meant to change figures,
 * reviewed in the diff), run it locally with the system property {@code golden.update}:
 *
 * <pre>cd generator &amp;&amp; mvn -B -q test-compile surefire:test -Dtest=SameFiguresTest -Dgolden.update=true</pre>
 */
class SameFiguresTest {

    private static final Path GOLDEN = Fixtures.ROOT.resolve("generator/src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");
    private static final String NULL = "\\N";

    /** The results compared, as question/statement; "layer/<table>" is a layer table's whole content. */
    private static final Set<String> COMPARED = Set.of(
            "layer/member", "layer/title_period",
            "watch-time/monthly_hours", "watch-time/summary", "watch-time/distribution", "watch-time/heavy_watchers",
            "watch-time/by_favourite_genre", "watch-time/by_device", "watch-time/by_age_band", "watch-time/recency",
            "watch-time/completion_by_type", "watch-time/kpis",
            "top-titles/by_hours", "top-titles/by_completion", "top-titles/by_type",
            "outlook/monthly_watch_hours", "outlook/churn_features", "outlook/co_viewing", "outlook/genre_affinity",
            "plans-devices/device_mix", "plans-devices/main_device_mix",
            "churn/at_risk",
            // The statements that read member_month instead of joining the subscriptions to every month.
            "churn/by_region", "churn/by_country", "churn/monthly_by_region", "churn/monthly_by_country",
            "churn/retention_curve", "churn/cohorts", "revenue/monthly", "signups/subscribers",
            "outlook/active_members", "outlook/monthly_mrr",
            // Payers counted as member-month rows instead of distinct members.
            "revenue/collected",
            // The genre rankings read the ratings added up per genre once (genre_rating).
            "genre-ratings/by_genre", "genre-ratings/lowest");

    /**
     * Statements that add up DOUBLE values in an order no SQL defines: the rows of the member table (hours per age band,
     * per favourite genre) or of a grouped result (each country's devices, for their shares). The engine adds them in
     * the order its plan gives, so the last one or two digits of the 17 follow the plan; they are compared to twelve
     * significant digits, the precision the report keeps of every DOUBLE ({@link Table#stable}), and every other
     * value of theirs exactly.
     */
    private static final Set<String> SUMS_IN_PLAN_ORDER = Set.of("watch-time/by_age_band", "watch-time/by_favourite_genre",
            "plans-devices/device_mix");

    /** Statements whose rows come in no defined order. */
    private static final Set<String> UNORDERED = Set.of("outlook/churn_features");

    /**
     * The layer tables recorded, each in an order that makes its rows unique. Member ids are ordered as text, as they
     * were recorded, whether the layer stores them as text or as numbers (MemberIds).
     */
    private static final Map<String, String> LAYER_TABLES = Map.of(
            "member", "SELECT * FROM member ORDER BY source, CAST(user_id AS VARCHAR)",
            "title_period", "SELECT * FROM title_period ORDER BY source, title_id, title, period_start");

    @TempDir
    Path temp;

    @Test
    void theFixture_givesTheRecordedFigures() throws IOException {
        check("fixture", Fixtures.FIXTURES.resolve("questions"), new Parameters(LocalDate.of(2024, 3, 31), 2, Parameters.DEFAULT_AT_RISK_DAYS));
    }

    private static final SampleOptions SAMPLE = new SampleOptions(42, 30_000, LocalDate.of(2022, 1, 1), LocalDate.of(2024, 12, 31));
    private static final Parameters SAMPLE_AS_OF = new Parameters(SAMPLE.end(), Config.defaults().minGroupSize(), Parameters.DEFAULT_AT_RISK_DAYS);

    @Test
    void aGeneratedSample_givesTheRecordedFigures() throws IOException {
        Path data = temp.resolve("sample");
        SampleData.write(data, SAMPLE);
        assertEquals("VARCHAR", check("sample", data, SAMPLE_AS_OF));
    }

    /** The same sample from Parquet, whose events' titles and devices the loader stores as ENUMs (Dictionaries). */
    @Test
    void theSampleFromParquet_givesTheSameFigures() throws IOException {
        Path data = temp.resolve("sample");
        SampleData.write(data, SAMPLE);
        String stored = check("sample", Fixtures.asParquet(data), SAMPLE_AS_OF);
        assertTrue(stored.startsWith("ENUM("), stored);
    }

    /**
     * Every result of {@code data} against those recorded as {@code name}.
     *
     * @return how the engine stored the events' title ids, by which a test knows which way it compared
     */
    private String check(String name, Path data, Parameters parameters) throws IOException {
        Computed computed = results(data, parameters);
        Map<String, String> results = computed.results();
        Path folder = GOLDEN.resolve(name);
        if (UPDATE) {
            for (Map.Entry<String, String> result : results.entrySet()) {
                Path file = folder.resolve(result.getKey() + ".csv");
                Files.createDirectories(file.getParent());
                Files.writeString(file, result.getValue(), StandardCharsets.UTF_8);
            }
        }
        List<String> differing = new ArrayList<>();
        for (String compared : COMPARED.stream().sorted().toList()) {
            Path file = folder.resolve(compared + ".csv");
            assertTrue(Files.exists(file), "no golden file " + file + " (record it with -Dgolden.update=true)");
            assertTrue(results.containsKey(compared), "no result " + compared);
            if (!comparable(compared, Files.readString(file, StandardCharsets.UTF_8)).equals(comparable(compared, results.get(compared)))) {
                differing.add(compared);
            }
        }
        for (String compared : differing) {
            assertEquals(comparable(compared, Files.readString(folder.resolve(compared + ".csv"), StandardCharsets.UTF_8)),
                    comparable(compared, results.get(compared)), name + ": " + compared + " differs (of " + differing + ")");
        }
        return computed.titleIdType();
    }

    /** The text compared: as recorded, or with every decimal number to twelve significant digits (see {@link #SUMS_IN_PLAN_ORDER}). */
    private static String comparable(String result, String csv) {
        if (!SUMS_IN_PLAN_ORDER.contains(result)) {
            return csv;
        }
        StringBuilder text = new StringBuilder();
        for (String line : csv.split("\n", -1)) {
            List<String> cells = new ArrayList<>();
            for (String cell : line.split(",", -1)) {
                cells.add(cell.matches("-?[0-9]+\\.[0-9]+(E-?[0-9]+)?") ? Double.toString(Table.stable(Double.parseDouble(cell))) : cell);
            }
            text.append(String.join(",", cells)).append('\n');
        }
        return text.toString();
    }

    /**
     * Every layer table's and every statement's result as CSV text, by "layer/<table>" or "question/statement", and the
     * type the engine stored the events' title ids as.
     */
    private record Computed(Map<String, String> results, String titleIdType) {
    }

    private Computed results(Path data, Parameters parameters) throws IOException {
        Path scratch = Files.createTempDirectory(temp, "scratch-");
        Map<String, String> results = new LinkedHashMap<>();
        try (DuckDbEngine engine = DuckDbEngine.inMemory(scratch, "1GB")) {
            // One thread, as each statement of a report runs: floating-point sums add up in one order, run after run.
            engine.execute("SET threads = 1");
            BuiltLayer built = BuiltLayer.of(engine, data, parameters, scratch);
            for (Map.Entry<String, String> table : LAYER_TABLES.entrySet()) {
                results.put("layer/" + table.getKey(), csv(engine, table.getValue(), false));
            }
            for (Question question : built.questions()) {
                for (QuerySource query : question.queries()) {
                    String key = question.slug() + "/" + query.name();
                    results.put(key, csv(engine, built.sql().sql(query), UNORDERED.contains(key)));
                }
            }
            return new Computed(results, (String) engine.scalar("SELECT data_type FROM duckdb_columns()"
                    + " WHERE table_name = 'viewing_sessions' AND column_name = 'title_id'"));
        }
    }

    /**
     * A result as CSV text. Read as streamed, so that a DOUBLE arrives as the engine computed it (a {@link Table}
     * rounds it to twelve digits); a DECIMAL arrives as the nearest double, which tells every two of its values apart.
     */
    private static String csv(DuckDbEngine engine, String sql, boolean sorted) {
        List<String> header = new ArrayList<>();
        List<String> rows = new ArrayList<>();
        engine.stream(sql, new Engine.RowHandler() {
            @Override
            public void columns(List<Column> columns) {
                columns.forEach(c -> header.add(c.name()));
            }

            @Override
            public void row(Object[] values) {
                List<String> cells = new ArrayList<>();
                for (Object value : values) {
                    cells.add(cell(value));
                }
                rows.add(String.join(",", cells));
            }
        });
        if (sorted) {
            rows.sort(null);
        }
        StringBuilder text = new StringBuilder(String.join(",", header)).append('\n');
        rows.forEach(r -> text.append(r).append('\n'));
        return text.toString();
    }

    private static String cell(Object value) {
        String text;
        if (value == null) {
            return NULL;
        } else if (value instanceof Double d) {
            text = Double.toString(d);
        } else {
            text = value.toString();
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
