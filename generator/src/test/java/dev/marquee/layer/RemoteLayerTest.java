package dev.marquee.layer;

import dev.marquee.Fixtures;
import dev.marquee.engine.DuckDbEngine;
import dev.marquee.engine.Engine;
import dev.marquee.engine.Table;
import dev.marquee.load.DataLoader;
import dev.marquee.model.DataModel;
import dev.marquee.query.Parameters;
import dev.marquee.query.Statements;
import dev.marquee.run.Background;
import dev.marquee.run.ReportException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The two ways a remote engine's statements read the layer, on a real DuckDB used as a remote schema is: each statement
 * computing the layer tables it reads (the default), and the layer built once in a scratch schema (--scratch-schema).
 * Both read the same rows as the layer built in the database the usual way, and a run drops every table it made in the
 * scratch schema, and no other. TrinoEquivalenceTest runs whole reports both ways on Trino.
 */
class RemoteLayerTest {

    private static final Parameters AS_OF = new Parameters(LocalDate.of(2024, 3, 31), 2, 15);
    private Path scratch;
    private DuckDbEngine engine;
    private Statements.Bound definitions;

    @BeforeEach
    void loadTheFixture() throws Exception {
        scratch = Fixtures.scratch("marquee-stored-layer-");
        engine = load(scratch);
        definitions = Statements.expand(engine.dialect(), List.of(), Layer.standard().definitions()).bind(AS_OF);
        engine.execute("CREATE SCHEMA scratch");
        engine.execute("CREATE TABLE scratch.marquee_notes AS SELECT 'kept' AS note");
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private static DuckDbEngine load(Path scratch) throws Exception {
        DuckDbEngine engine = DuckDbEngine.inMemory(scratch, "1GB");
        try (Background background = Background.open()) {
            DataLoader.load(background, Fixtures.FIXTURES.resolve("questions"), DataModel.standard(), engine, scratch);
        }
        return engine;
    }

    private List<String> tablesIn(String schema) {
        return engine.query("SELECT table_name FROM information_schema.tables WHERE table_schema = '" + schema
                + "' ORDER BY table_name").rows().stream().map(row -> (String) row.get(0)).toList();
    }

    /** Every layer table's rows, from the layer built in a database of its own the usual way. */
    private List<Table> builtTheUsualWay() throws Exception {
        List<Table> expected = new ArrayList<>();
        try (DuckDbEngine built = load(Files.createDirectories(scratch.resolve("built"))); Background background = Background.open()) {
            Layer.standard().build(background, built, definitions);
            for (String name : Layer.standard().names()) {
                expected.add(built.query("SELECT * FROM " + name));
            }
        }
        return expected;
    }

    @Test
    void everyLayerTable_computedByTheStatementThatReadsIt_hasTheRowsOfTheLayerBuiltInTheDatabase() throws Exception {
        List<String> names = Layer.standard().names();
        List<Table> expected = builtTheUsualWay();

        Engine inlined = Layer.standard().inlinedOn(engine, definitions, List.of());

        for (int t = 0; t < names.size(); t++) {
            Table actual = inlined.query("SELECT * FROM " + names.get(t));
            assertEquals(expected.get(t).columnNames(), actual.columnNames(), names.get(t));
            assertEquals(text(expected.get(t)), text(actual), names.get(t));
        }
        assertTrue(tablesIn("main").stream().noneMatch(names::contains), "no layer table is built");
        assertTrue(expected.get(names.indexOf("member")).rowCount() > 0, "the fixture fills the member table");
    }

    @Test
    void everyLayerTable_builtInTheScratchSchema_hasTheRowsOfTheLayerBuiltInTheDatabase_andClosingDropsOnlyTheRunsTables() throws Exception {
        List<String> names = Layer.standard().names();
        List<Table> expected = builtTheUsualWay();
        List<String> notes = new ArrayList<>();

        try (Background background = Background.open()) {
            Engine stored = Layer.standard().storedOn(background, engine, definitions, List.of(), "memory.scratch", notes::add);

            List<String> made = tablesIn("scratch").stream().filter(t -> !t.equals("marquee_notes")).toList();
            assertEquals(names.size(), made.size(), made.toString());
            String run = made.get(0).substring(0, "marquee_".length() + 12);
            assertTrue(run.matches("marquee_[0-9a-f]{12}"), run);
            assertEquals(names.stream().map(n -> run + "_" + n).sorted().toList(), made);
            assertTrue(tablesIn("main").stream().noneMatch(names::contains), "nothing built outside the scratch schema");
            for (int t = 0; t < names.size(); t++) {
                Table actual = stored.query("SELECT * FROM " + names.get(t) + "");
                assertEquals(expected.get(t).columnNames(), actual.columnNames(), names.get(t));
                // Compared as text: the layer built in the database holds member ids that are all numbers as numbers.
                assertEquals(text(expected.get(t)), text(actual), names.get(t));
            }
            assertTrue(expected.get(names.indexOf("member")).rowCount() > 0, "the fixture fills the member table");

            stored.close();
        }

        assertEquals(List.of("marquee_notes"), tablesIn("scratch"));
        assertEquals(List.of(), notes);
    }

    private static List<List<String>> text(Table table) {
        return table.rows().stream().map(row -> row.stream().map(String::valueOf).toList())
                .sorted(java.util.Comparator.comparing(Object::toString)).toList();
    }

    @Test
    void aTableThatFails_isReportedWithItsFile_afterTheTablesBuiltBeforeItAreDropped() {
        List<Layer.Table> tables = new ArrayList<>(Layer.standard().tables());
        int member = Layer.standard().names().indexOf("member");
        Layer.Table broken = tables.get(member);
        tables.set(member, new Layer.Table("member", new dev.marquee.catalog.QuerySource("member",
                "SELECT no_such_column FROM member_month", broken.definition().file(), 1), broken.personal(), broken.wholeInSlices()));
        Layer layer = new Layer(tables);
        Statements.Bound bound = Statements.expand(engine.dialect(), List.of(), layer.definitions()).bind(AS_OF);

        try (Background background = Background.open()) {
            ReportException failure = assertThrows(ReportException.class,
                    () -> layer.storedOn(background, engine, bound, List.of(), "memory.scratch", note -> { }));

            assertEquals(ReportException.CONFIG_PROBLEM, failure.exitCode());
            assertTrue(failure.getMessage().contains("1. layer/member.sql: ") && failure.getMessage().contains("no_such_column"),
                    failure.getMessage());
        }
        assertEquals(List.of("marquee_notes"), tablesIn("scratch"), "the six tables built before member are dropped");
    }

    @Test
    void aSchemaThatDoesNotExist_failsNamingItAndTheLayerFile_andLeavesNoTable() {
        try (Background background = Background.open()) {
            ReportException failure = assertThrows(ReportException.class, () -> Layer.standard()
                    .storedOn(background, engine, definitions, List.of(), "memory.nowhere", note -> { }));

            assertEquals(ReportException.CONFIG_PROBLEM, failure.exitCode());
            assertTrue(failure.getMessage().startsWith("The member and title layer could not be built in --scratch-schema "
                    + "memory.nowhere"), failure.getMessage());
            assertTrue(failure.getMessage().contains("1. layer/member_title.sql: "), failure.getMessage());
        }
        assertEquals(0L, ((Number) engine.scalar("SELECT count(*) FROM information_schema.tables WHERE table_name LIKE 'marquee\\_%' "
                + "ESCAPE '\\' AND table_name <> 'marquee_notes'")).longValue());
    }
}
