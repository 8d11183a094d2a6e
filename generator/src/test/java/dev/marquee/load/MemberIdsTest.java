package dev.marquee.load;

import dev.marquee.BuiltLayer;
import dev.marquee.Fixtures;
import dev.marquee.catalog.QuerySource;
import dev.marquee.catalog.Question;
import dev.marquee.engine.DuckDbEngine;
import dev.marquee.query.Parameters;
import dev.marquee.model.DataModel;
import dev.marquee.model.Problem;
import dev.marquee.run.Background;
import dev.marquee.validate.ValidationReport;
import dev.marquee.validate.Validator;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Member ids stored as numbers only where every id of every table is a plain whole number, from the load on, quoted as
 * the files wrote them, and the questions' figures the same whichever way the ids are stored.
 */
class MemberIdsTest {

    private static final Parameters AS_OF = new Parameters(LocalDate.of(2024, 3, 31), 2, 15);
    /** The hand-built fixture whose member ids are 1 to 6, and its CSV files. */
    private static final Path FIXTURE = Fixtures.FIXTURES.resolve("questions");
    private static final List<Path> FIXTURE_FILES = csvFiles(FIXTURE);

    private static List<Path> csvFiles(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".csv")).sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static DuckDbEngine engine() throws java.io.IOException {
        return DuckDbEngine.inMemory(Fixtures.scratch("marquee-ids-"), "1GB");
    }

    /** The files of {@code data} loaded, validated and their layer built as of the fixture's date. */
    private static BuiltLayer layer(DuckDbEngine engine, Path data) throws Exception {
        return BuiltLayer.of(engine, data, AS_OF, Fixtures.scratch("marquee-ids-"));
    }

    private static DuckDbEngine engineWith(String usersIds, String eventsIds) throws Exception {
        DuckDbEngine engine = engine();
        engine.execute("CREATE TABLE users AS SELECT * FROM (VALUES " + usersIds + ") AS t(user_id)");
        engine.execute("CREATE TABLE viewing_sessions AS SELECT * FROM (VALUES " + eventsIds + ") AS t(user_id)");
        engine.execute("CREATE TABLE titles AS SELECT 't1' AS title_id");
        return engine;
    }

    private static List<String> storeAsNumbers(DuckDbEngine engine) {
        try (Background background = Background.open()) {
            return MemberIds.storeAsNumbers(background, engine);
        }
    }

    private static String type(DuckDbEngine engine, String table) {
        return (String) engine.scalar("SELECT data_type FROM duckdb_columns() WHERE table_name = '" + table
                + "' AND column_name = 'user_id'");
    }

    @Test
    void plainWholeNumbersInEveryTable_becomeNumbers_andStayDistinct() throws Exception {
        try (DuckDbEngine engine = engineWith("('1'), ('2'), ('10'), ('-3'), (NULL)", "('10'), ('2'), ('2')")) {
            assertEquals(List.of("users", "viewing_sessions"), storeAsNumbers(engine));
            assertEquals("BIGINT", type(engine, "users"));
            assertEquals("BIGINT", type(engine, "viewing_sessions"));
            assertEquals(4L, ((Number) engine.scalar("SELECT count(DISTINCT user_id) FROM users")).longValue());
            assertEquals(3L, ((Number) engine.scalar("SELECT count(*) FROM viewing_sessions JOIN users USING (user_id)")).longValue());
            assertEquals(List.of(), storeAsNumbers(engine), "nothing left to convert");
        }
    }

    @Test
    void anIdThatIsNotAPlainWholeNumber_keepsEveryTableAsText() throws Exception {
        // "007" and "7" are two members as text and would be one as numbers; the others do not read back the same.
        for (String odd : List.of("'007'", "' 5'", "'5.0'", "'+5'", "'-0'", "'1e3'", "'99999999999999999999'",
                "'8c1f0a52-3d1e-4a5e-9b7d-2f0c1e4d5a6b'", "''")) {
            try (DuckDbEngine engine = engineWith("('7'), (" + odd + ")", "('7')")) {
                assertEquals(List.of(), storeAsNumbers(engine), odd);
                assertEquals("VARCHAR", type(engine, "users"), odd);
                assertEquals("VARCHAR", type(engine, "viewing_sessions"), odd);
            }
        }
    }

    /**
     * With a users file, validation has tied every other table's ids to its ids, so only the users are read. Without
     * one (no table, or the empty one the loader makes), each table's own ids decide.
     */
    @Test
    void withoutAUsersTable_eachTablesOwnIdsAreChecked() throws Exception {
        for (String ids : List.of("('007')", "('u1')")) {
            try (DuckDbEngine engine = engineWith("('7')", "('7'), " + ids)) {
                engine.execute("DROP TABLE users");
                assertEquals(List.of(), storeAsNumbers(engine), ids);
                assertEquals("VARCHAR", type(engine, "viewing_sessions"), ids);
            }
        }
        try (DuckDbEngine engine = engineWith("('7')", "('7'), ('8')")) {
            engine.execute("DROP TABLE users");
            assertEquals(List.of("viewing_sessions"), storeAsNumbers(engine));
        }
        // No users file: the loader makes the table, empty, and validation has tied no id to it.
        try (DuckDbEngine engine = engineWith("('7')", "('7'), ('u8')")) {
            engine.execute("DELETE FROM users");
            assertEquals(List.of(), storeAsNumbers(engine));
            assertEquals("VARCHAR", type(engine, "viewing_sessions"));
        }
    }

    /** Validation deletes the rows it sets aside; DuckDB still converts them, so their ids must not fail the run. */
    @Test
    void aRowSetAsideWithAnIdThatIsNotANumber_doesNotStopTheOthersConverting() throws Exception {
        try (DuckDbEngine engine = engineWith("('1'), ('2'), ('x7')", "('2'), ('u1'), (' 5')")) {
            engine.execute("DELETE FROM users WHERE user_id = 'x7'");
            engine.execute("DELETE FROM viewing_sessions WHERE user_id IN ('u1', ' 5')");
            assertEquals(List.of("users", "viewing_sessions"), storeAsNumbers(engine));
            assertEquals(List.of(1L, 2L), engine.query("SELECT user_id FROM users ORDER BY user_id").rows().stream()
                    .map(row -> ((Number) row.get(0)).longValue()).toList());
            assertEquals(1L, ((Number) engine.scalar("SELECT count(*) FROM viewing_sessions WHERE user_id = 2")).longValue());
        }
    }

    @Test
    void aViewIsNeitherCheckedNorAltered() throws Exception {
        try (DuckDbEngine engine = engineWith("('1'), ('2')", "('2')")) {
            engine.execute("CREATE VIEW named AS SELECT 'x' || user_id AS user_id FROM users");
            assertEquals(List.of("users", "viewing_sessions"), storeAsNumbers(engine));
            assertEquals(2L, ((Number) engine.scalar("SELECT count(*) FROM named")).longValue());
        }
    }

    /** The data folder loaded, not validated: the types the loader left the ids in. */
    private static LoadResult load(DuckDbEngine engine, Path data) throws Exception {
        try (Background background = Background.open()) {
            return DataLoader.load(background, data, DataModel.standard(), engine, Fixtures.scratch("marquee-ids-"));
        }
    }

    private static ValidationReport validate(DuckDbEngine engine, LoadResult loaded) {
        try (Background background = Background.open()) {
            return Validator.validate(background, engine, loaded, AS_OF.asOf(), 0.5);
        }
    }

    private static Path fixtureWith(String eventsAppended) throws Exception {
        return Fixtures.questionsWithSessions(Fixtures.scratch("marquee-load-ids-"), eventsAppended);
    }

    /** Every table with member ids, and the type it holds them in, after the load alone. */
    private static Map<String, String> idTypes(DuckDbEngine engine) {
        Map<String, String> types = new java.util.TreeMap<>();
        engine.query("SELECT table_name, data_type FROM duckdb_columns() WHERE column_name = 'user_id' AND database_name = 'memory'"
                + " AND schema_name = 'main'").rows().forEach(row -> types.put((String) row.get(0), (String) row.get(1)));
        return types;
    }

    /**
     * Plain ids are numbers from the load on, in CSV and in Parquet files alike, so validation compares numbers; the
     * empty tables the loader makes for the absent files agree with them.
     */
    @Test
    void plainIds_areLoadedAsNumbers_fromCsvAndParquet() throws Exception {
        Path parquet = Fixtures.asParquet(FIXTURE, "payments", "ratings", "subscriptions", "titles");
        for (Path data : List.of(FIXTURE, parquet)) {
            try (DuckDbEngine engine = engine()) {
                load(engine, data);
                Map<String, String> types = idTypes(engine);
                assertTrue(types.keySet().containsAll(List.of("member_profiles", "payments", "ratings", "subscriptions", "users",
                        "viewing_sessions")), types.toString());
                types.forEach((table, type) -> assertEquals("BIGINT", type, data + ": " + table));
                assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), engine.query("SELECT user_id FROM users ORDER BY user_id").rows().stream()
                        .map(row -> ((Number) row.get(0)).longValue()).toList());
            }
        }
    }

    /**
     * A Parquet file whose member ids are typed numbers: whole numbers (negative ones and 0 too) load as numbers;
     * doubles read back as "1.0", which is not how the model's text would write 1, so every table keeps them as text.
     */
    @Test
    void parquetIdsTypedAsNumbers_loadAsNumbersOnlyWhenWhole() throws Exception {
        for (String type : List.of("BIGINT", "INTEGER", "DOUBLE")) {
            Path data = Fixtures.scratch("marquee-typed-ids-");
            try (DuckDbEngine engine = engine()) {
                engine.execute("COPY (SELECT CAST(i AS " + type + ") AS user_id, DATE '2024-01-10' AS signup_date, 'Japan' AS country"
                        + " FROM (VALUES (-2), (0), (7)) AS t(i)) TO '" + data.resolve("users.parquet") + "' (FORMAT parquet)");
            }
            try (DuckDbEngine engine = engine()) {
                load(engine, data);
                boolean whole = !type.equals("DOUBLE");
                idTypes(engine).forEach((table, stored) -> assertEquals(whole ? "BIGINT" : "VARCHAR", stored, type + ": " + table));
                assertEquals(whole ? "-2,0,7" : "-2.0,0.0,7.0", engine.scalar("SELECT string_agg(CAST(user_id AS VARCHAR), ',' ORDER BY rowid) FROM users"), type);
            }
        }
    }

    /**
     * One id that is not plain, in one file, loads that file as text (the failed attempt leaves nothing behind), and
     * every other table agrees: validation then quotes the id exactly as the file wrote it, and its line.
     */
    @Test
    void oneIdThatIsNotPlain_loadsEveryTableAsText_andIsQuotedAsWritten() throws Exception {
        for (String odd : List.of("007", "u1", "+5", "5.0", "99999999999999999999", "8c1f0a52-3d1e-4a5e-9b7d-2f0c1e4d5a6b")) {
            try (DuckDbEngine engine = engine()) {
                LoadResult loaded = load(engine, fixtureWith(odd + ",t1,2024-01-12 20:00:00,10,TV,true\n"));
                idTypes(engine).forEach((table, type) -> assertEquals("VARCHAR", type, odd + ": " + table));
                assertEquals(8L, ((Number) engine.scalar("SELECT count(*) FROM viewing_sessions")).longValue(), odd);
                assertEquals("1", engine.scalar("SELECT min(user_id) FROM users"), odd);
                ValidationReport report = validate(engine, loaded);
                Problem problem = report.problems().stream().filter(p -> p.rule().equals("unknown-reference")).findFirst().orElseThrow();
                assertEquals(odd, problem.value());
                assertEquals(9L, problem.line(), odd);
            }
        }
    }

    /**
     * With ids stored as numbers, validation's rules still hold: a member the users file does not have is quoted as
     * written, with its line, and a blank id is set aside as blank, not taken for a number.
     */
    @Test
    void withIdsAsNumbers_validationQuotesUnknownMembersAndSetsBlankIdsAside() throws Exception {
        try (DuckDbEngine engine = engine()) {
            LoadResult loaded = load(engine, fixtureWith("99,t1,2024-01-12 20:00:00,10,TV,true\n,t1,2024-01-13 20:00:00,10,TV,true\n"));
            assertEquals("BIGINT", idTypes(engine).get("viewing_sessions"));
            ValidationReport report = validate(engine, loaded);
            assertEquals(List.of("blank-required user_id line 10 value ''", "unknown-reference user_id line 9 value '99'"),
                    report.problems().stream().filter(p -> p.severity() == Problem.Severity.SET_ASIDE)
                            .map(p -> p.rule() + " " + p.column() + " line " + p.line() + " value '" + p.value() + "'").sorted().toList());
            assertEquals(7L, ((Number) engine.scalar("SELECT count(*) FROM viewing_sessions")).longValue());
        }
    }

    /**
     * A public file's members are appended to a table a model file has loaded: its ids are text ("nu-1"), and a number
     * column would have refused them or read "007" as 7, so every table goes back to text first.
     */
    @Test
    void aPublicFileAppendedToATableLoadedWithNumbers_keepsEveryIdAsWritten() throws Exception {
        Path data = Fixtures.scratch("marquee-profiles-");
        Files.writeString(data.resolve("member_profiles.csv"), "user_id,source\n1,crm\n2,crm\n");
        Files.copy(Fixtures.EXCERPTS.resolve("netflix_users.csv"), data.resolve("netflix_users.csv"));
        try (DuckDbEngine engine = engine()) {
            LoadResult loaded = load(engine, data);
            assertTrue(loaded.problems().stream().noneMatch(p -> p.severity() == Problem.Severity.FATAL), loaded.problems().toString());
            idTypes(engine).forEach((table, type) -> assertEquals("VARCHAR", type, table));
            assertEquals(List.of("1", "2", "nu-1"), engine.query("SELECT user_id FROM member_profiles WHERE user_id IN ('1', '2', 'nu-1')"
                    + " ORDER BY user_id").rows().stream().map(row -> (String) row.get(0)).toList());
        }
    }

    /** The export writes the model's text ids, ordered as text, whatever type the loader held them in. */
    @Test
    void theExport_writesIdsAsText() throws Exception {
        Path data = fixtureWith("");
        Files.writeString(data.resolve("users.csv"), "10,2024-01-10,United States,30,Female,Basic\n", java.nio.file.StandardOpenOption.APPEND);
        Path out = Fixtures.scratch("marquee-export-ids-").resolve("lake");
        Fixtures.Run run = Fixtures.marquee("export", "--format", "parquet", "--data", data.toString(), "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        try (DuckDbEngine engine = engine()) {
            assertEquals(List.of("VARCHAR", "1,10,2,3,4,5,6"), engine.query("SELECT typeof(user_id), string_agg(user_id, ',') FROM read_parquet('"
                    + out.resolve("users/part_0.parquet") + "') GROUP BY ALL").rows().get(0));
        }
    }

    /** The fixture and one viewing session of a member the users file does not have, "x9": validation sets it aside. */
    @Test
    void aSessionSetAsideByValidation_withAnIdThatIsNotANumber_leavesTheOthersConverted() throws Exception {
        try (DuckDbEngine engine = engine()) {
            layer(engine, fixtureWith("x9,t1,2024-01-12 20:00:00,10,TV,true\n"));
            assertEquals("BIGINT", type(engine, "viewing_sessions"));
            assertEquals(7L, ((Number) engine.scalar("SELECT count(*) FROM viewing_sessions")).longValue());
        }
    }

    /** Viewing sessions without a users file, their ids not numbers: the layer is built, the ids kept as text. */
    @Test
    void eventsWithoutAUsersFile_andIdsThatAreNotNumbers_buildTheLayer() throws Exception {
        Path data = Fixtures.scratch("marquee-no-users-");
        Files.copy(FIXTURE.resolve("titles.csv"), data.resolve("titles.csv"));
        prefixMemberIds(FIXTURE.resolve("viewing_sessions.csv"), data.resolve("viewing_sessions.csv"));
        try (DuckDbEngine engine = engine()) {
            layer(engine, data);
            assertEquals("VARCHAR", type(engine, "viewing_sessions"));
            assertEquals(5L, ((Number) engine.scalar("SELECT count(DISTINCT user_id) FROM member_title")).longValue());
        }
    }

    /**
     * The fixture of fixtures/questions twice: as it is (ids 1 to 6, stored as numbers) and with every member id
     * written "m1" to "m6" (kept as text). Every statement of every question gives the same rows both ways. Rows are
     * compared as sets: the churn model's rows are ordered by member id, and "m10" sorts before "m2".
     */
    @Test
    void everyStatement_givesTheSameRows_withIdsAsNumbersOrAsText() throws Exception {
        Path text = Fixtures.scratch("marquee-text-ids-");
        for (Path file : FIXTURE_FILES) {
            prefixMemberIds(file, text.resolve(file.getFileName()));
        }
        Map<String, List<String>> asNumbers = answers(FIXTURE, "BIGINT");
        Map<String, List<String>> asText = answers(text, "VARCHAR");
        assertEquals(asNumbers.keySet(), asText.keySet());
        assertFalse(asNumbers.isEmpty());
        asNumbers.forEach((statement, rows) -> assertEquals(rows, asText.get(statement), statement));
    }

    private static Map<String, List<String>> answers(Path data, String idType) throws Exception {
        Map<String, List<String>> answers = new LinkedHashMap<>();
        try (DuckDbEngine engine = engine()) {
            BuiltLayer built = layer(engine, data);
            assertEquals(idType, type(engine, "member"), data + ": the member table's ids");
            for (Question question : built.questions()) {
                for (QuerySource query : question.queries()) {
                    List<String> rows = new ArrayList<>(engine.query(built.sql().sql(query)).rows().stream()
                            .map(Object::toString).toList());
                    rows.sort(null);
                    answers.put(question.slug() + "/" + query.name(), rows);
                }
            }
        }
        return answers;
    }

    private static void prefixMemberIds(Path from, Path to) throws Exception {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build();
        try (Reader reader = Files.newBufferedReader(from); CSVParser parser = format.parse(reader);
             Writer writer = Files.newBufferedWriter(to);
             CSVPrinter printer = CSVFormat.DEFAULT.builder().setHeader(parser.getHeaderNames().toArray(String[]::new))
                     .build().print(writer)) {
            int id = parser.getHeaderNames().indexOf("user_id");
            for (CSVRecord record : parser) {
                List<String> values = new ArrayList<>(record.toList());
                if (id >= 0 && !values.get(id).isEmpty()) {
                    values.set(id, "m" + values.get(id));
                }
                printer.printRecord(values);
            }
        }
    }
}
