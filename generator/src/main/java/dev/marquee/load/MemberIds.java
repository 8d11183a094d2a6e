package dev.marquee.load;

import dev.marquee.engine.Engine;
import dev.marquee.engine.EngineException;
import dev.marquee.engine.Sessions;
import dev.marquee.model.ColumnSpec;
import dev.marquee.model.DataModel;
import dev.marquee.model.TableSpec;
import dev.marquee.run.Background;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Member ids that are all whole numbers written plainly ("1", "20417", never "007" or " 5") are stored as numbers.
 * The data model reads every id as text, since a file may use UUIDs; but the layer's tables group millions of rows by
 * member, and DuckDB groups and joins numbers faster than text: at ten million events the layer and the questions took
 * about a sixth less time (BENCHMARKS.md). An id converts only where turning it back into text gives the same text, so
 * two ids stay two ids, and a set-aside row's id is quoted as the file wrote it. The tables convert together or not at
 * all, so a member id is joined to a member id of the same type.
 *
 * <p>Two steps. A model table's file is loaded with its ids as numbers at once ({@link #asNumbers}), the statement
 * failing at the first id that is not plain and the file then loaded as text ({@link #load}); once every file is loaded
 * the tables are made to agree ({@link #agree}). That spares the events a second pass: at 100M events, loading the ids as text and
 * rewriting them took 5.0 and 2.9 s, loading them as numbers 4.3 s, and validation's reference check on them took
 * 0.8 s against 1.8 s. Then, after validation, ids that were text only because of rows it set aside (a member the
 * users file does not have, "u1") are stored as numbers ({@link #storeAsNumbers}).
 */
public final class MemberIds {

    static final String COLUMN = "user_id";
    private static final String USERS = "users";
    private static final String USERS_ID = USERS + "." + COLUMN;
    /** The error a load statement raises at the first id that is not plain; the loader then loads the file as text. */
    private static final String NOT_PLAIN = "member ids are not all plain whole numbers";

    private MemberIds() {
    }

    /** Whether {@code column} holds member ids, which a loader reads as numbers where it can. */
    private static boolean isMemberId(ColumnSpec column) {
        return column.name().equals(COLUMN) && column.sqlType().equals("VARCHAR");
    }

    /** True where the text {@code id} reads back the same once a number; true for no id (NULL) as well. */
    private static String isPlain(String id) {
        return id + " IS NOT DISTINCT FROM CAST(TRY_CAST(" + id + " AS BIGINT) AS VARCHAR)";
    }

    /**
     * A text expression's member id as a BIGINT, for a load statement: the statement fails at the first id that is
     * not a plain whole number, with {@link #NOT_PLAIN}.
     */
    private static String asNumbers(String textId) {
        return "CASE WHEN " + isPlain(textId) + " THEN TRY_CAST(" + textId + " AS BIGINT) ELSE error('" + NOT_PLAIN + "') END";
    }

    /**
     * Creates {@code table} from {@code from} with the given columns (each model column and the expression of its
     * value), its member ids as numbers; when an id is not plain, with them as text, as the file wrote them. The failed
     * statement leaves nothing behind (DuckDB rolls it back, CSV rejects included).
     */
    static void load(Engine engine, String table, Map<ColumnSpec, String> columns, String from) {
        String withText = create(table, columns, from, false);
        String withNumbers = create(table, columns, from, true);
        if (withNumbers.equals(withText)) {
            engine.execute(withText);
            return;
        }
        try {
            engine.execute(withNumbers);
        } catch (EngineException e) {
            if (e.getMessage() == null || !e.getMessage().contains(NOT_PLAIN)) {
                throw e;
            }
            engine.execute(withText);
        }
    }

    private static String create(String table, Map<ColumnSpec, String> columns, String from, boolean idsAsNumbers) {
        return "CREATE OR REPLACE TABLE " + table + " AS SELECT " + columns.entrySet().stream()
                .map(c -> (idsAsNumbers && isMemberId(c.getKey()) ? asNumbers(c.getValue()) : c.getValue()) + " AS " + c.getKey().name())
                .collect(Collectors.joining(", ")) + " " + from;
    }

    /**
     * Stores every table's ids as text, as the files wrote them: before a public file's rows are appended to the
     * tables, whose ids a number column would silently read as numbers ("007" as 7).
     */
    static void storeAsText(Engine engine) {
        for (List<Object> table : memberIdTypes(engine)) {
            if (table.get(1).equals("BIGINT")) {
                engine.execute("ALTER TABLE " + table.get(0) + " ALTER " + COLUMN + " TYPE VARCHAR USING CAST(" + COLUMN + " AS VARCHAR)");
            }
        }
    }

    /**
     * After every file is loaded, the tables holding rows decide: when all of them hold their ids as numbers, the empty
     * tables the loader made take numbers too; when one holds text, every table stores its ids as text.
     */
    static void agree(Engine engine) {
        List<List<Object>> tables = memberIdTypes(engine);
        if (tables.stream().anyMatch(t -> t.get(1).equals("VARCHAR") && hasRows(engine, (String) t.get(0)))) {
            storeAsText(engine);
            return;
        }
        for (List<Object> table : tables) {
            if (table.get(1).equals("VARCHAR")) {
                engine.execute("ALTER TABLE " + table.get(0) + " ALTER " + COLUMN + " TYPE BIGINT");
            }
        }
    }

    /** The current schema's tables with a member id column, and its type, largest first (estimated_size is the rows). */
    private static List<List<Object>> memberIdTypes(Engine engine) {
        return engine.query("SELECT c.table_name, c.data_type FROM duckdb_columns() AS c JOIN duckdb_tables() AS t"
                + " ON t.database_name = c.database_name AND t.schema_name = c.schema_name AND t.table_name = c.table_name"
                + " WHERE c.database_name = current_database() AND c.schema_name = current_schema()"
                + " AND c.column_name = '" + COLUMN + "' ORDER BY t.estimated_size DESC, c.table_name").rows();
    }

    private static boolean hasRows(Engine engine, String table) {
        return ((Number) engine.scalar("SELECT count(*) FROM (SELECT 1 FROM " + table + " LIMIT 1) AS one")).longValue() > 0;
    }

    /**
     * After validation: stores the member ids of the current schema's tables as numbers when every one of them is a
     * number written plainly; returns the tables converted, none when some id is not. Where the files' ids were
     * numbers this finds them stored so already.
     *
     * <p>Where a users file was loaded, validation set aside every row whose member id is not in it, so a table whose
     * ids reference it (the viewing events, ten million rows, among them) is not read again; its ids are the users'
     * ids. Without one (the users table is then empty), each table's own ids are read.
     */
    public static List<String> storeAsNumbers(Background background, Engine engine) {
        List<String> largestFirst = memberIdTypes(engine).stream().filter(t -> t.get(1).equals("VARCHAR"))
                .map(t -> (String) t.get(0)).toList();
        List<String> tables = largestFirst.stream().sorted().toList();
        if (tables.isEmpty()) {
            return List.of();
        }
        boolean usersLoaded = tables.contains(USERS) && hasRows(engine, USERS);
        Set<String> referencingUsers = DataModel.standard().tables().stream()
                .filter(t -> t.column(COLUMN).flatMap(ColumnSpec::references).filter(USERS_ID::equals).isPresent())
                .map(TableSpec::name).collect(Collectors.toSet());
        String notPlainNumbers = tables.stream()
                .filter(table -> !(usersLoaded && referencingUsers.contains(table)))
                .map(table -> "SELECT count(*) AS ids FROM " + table + " WHERE NOT (" + isPlain(COLUMN) + ")")
                .collect(Collectors.joining(" UNION ALL ", "SELECT sum(ids) FROM (", ") AS counted"));
        if (((Number) engine.scalar(notPlainNumbers)).longValue() > 0) {
            return List.of();
        }
        // DuckDB rewrites a column on one thread, whatever its setting: on two sessions, the viewing events (0.45 s at ten
        // million) take one core while the other converts the rest.
        // TRY_CAST: DuckDB converts the rows validation deleted too (they stay in storage until a checkpoint), whose ids
        // were never checked; a plain CAST failed the run on a set-aside row's "u1".
        Sessions.shareEveryThread(background, engine, largestFirst.size(), (session, i) -> session.execute("ALTER TABLE "
                + largestFirst.get(i) + " ALTER " + COLUMN + " TYPE BIGINT USING TRY_CAST(" + COLUMN + " AS BIGINT)"));
        return tables;
    }
}
