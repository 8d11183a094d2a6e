package dev.marquee.layer;

import dev.marquee.engine.Engine;
import dev.marquee.engine.Sessions;
import dev.marquee.model.ColumnSpec;
import dev.marquee.model.DataModel;
import dev.marquee.model.TableSpec;
import dev.marquee.run.Background;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Member ids that are all whole numbers written plainly ("1", "20417", never "007" or " 5") are stored as numbers
 * before the layer is built. The data model reads every id as text, since a file may use UUIDs; but the layer's
 * tables group millions of rows by member, and DuckDB groups and joins numbers faster than text: at ten million
 * events the layer and the questions took about a sixth less time (BENCHMARKS.md). An id converts only where turning
 * it back into text gives the same text, so two ids stay two ids, and the tables convert together or not at all, so
 * a member id is joined to a member id of the same type.
 *
 * <p>Run on validated data: where a users file was loaded, validation set aside every row whose member id is not in
 * it, so a table whose ids reference it (the viewing events, ten million rows, among them) is not read again; its ids
 * are the users' ids. Without one (the users table is then empty), each table's own ids are read.
 */
public final class MemberIds {

    static final String COLUMN = "user_id";
    private static final String USERS = "users";
    private static final String USERS_ID = USERS + "." + COLUMN;

    private MemberIds() {
    }

    /**
     * Stores the member ids of the current schema's tables as numbers when every one of them is a number written
     * plainly; returns the tables converted, none when some id is not.
     */
    public static List<String> storeAsNumbers(Background background, Engine engine) {
        // Largest first (estimated_size is the table's rows), for the conversion below.
        List<String> largestFirst = engine.query("SELECT c.table_name FROM duckdb_columns() AS c JOIN duckdb_tables() AS t"
                        + " ON t.database_name = c.database_name AND t.schema_name = c.schema_name AND t.table_name = c.table_name"
                        + " WHERE c.database_name = current_database() AND c.schema_name = current_schema()"
                        + " AND c.column_name = '" + COLUMN + "' AND c.data_type = 'VARCHAR' ORDER BY t.estimated_size DESC, c.table_name")
                .rows().stream().map(row -> (String) row.get(0)).toList();
        List<String> tables = largestFirst.stream().sorted().toList();
        if (tables.isEmpty()) {
            return List.of();
        }
        boolean usersLoaded = tables.contains(USERS)
                && ((Number) engine.scalar("SELECT count(*) FROM (SELECT 1 FROM " + USERS + " LIMIT 1) AS one")).longValue() > 0;
        Set<String> referencingUsers = DataModel.standard().tables().stream()
                .filter(t -> t.column(COLUMN).flatMap(ColumnSpec::references).filter(USERS_ID::equals).isPresent())
                .map(TableSpec::name).collect(Collectors.toSet());
        String notPlainNumbers = tables.stream()
                .filter(table -> !(usersLoaded && referencingUsers.contains(table)))
                .map(table -> "SELECT count(*) AS ids FROM " + table + " WHERE " + COLUMN
                        + " IS DISTINCT FROM CAST(TRY_CAST(" + COLUMN + " AS BIGINT) AS VARCHAR)")
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
