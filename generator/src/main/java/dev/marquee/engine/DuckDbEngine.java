package dev.marquee.engine;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Embedded, in-memory DuckDB. A new Statement per command: DuckDB closes a Statement that throws. */
public final class DuckDbEngine implements Engine {

    static final String SPILL_FOLDER = "duckdb-spill";

    /**
     * Statements run side by side while the loaded tables take at most this share of the memory limit. Two big
     * statements at once hold two big hash tables, so with too little memory beside the tables one at a time on both
     * cores is faster. Measured at 100M viewing events (tables 7.1 GB; BENCHMARKS.md, nineteenth session): side by side
     * was faster with the default 15 GB limit (tables 0.47 of it: 104.7 and 107.8 s against 120.0 and 123.3 s, the same
     * output) and a 12 GB one (0.59: 117.3 s against 134.7 s), slower with 9 GB (0.79: 149.1 s against 143.0 s). The layer of
     * 2026-12-04, which grouped 61M member × title × month rows, was faster one at a time at a third of the limit.
     */
    static final double SIDE_BY_SIDE_MAX_SHARE_OF_MEMORY = 0.65;
    private static final Pattern SIZE = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*(bytes|[KMGTP]i?B)");

    private final Connection connection;
    /** Shared by every session of the database: the lock is the database's. */
    private final AtomicBoolean locked;
    /** Shared by every session of the database: whether statements run one at a time, each on every thread. */
    private final AtomicBoolean oneAtATime;

    private DuckDbEngine(Connection connection, AtomicBoolean locked, AtomicBoolean oneAtATime) {
        this.connection = connection;
        this.locked = locked;
        this.oneAtATime = oneAtATime;
    }

    /**
     * Sets up the driver and loads its native library on two background threads, so that a connection opened later
     * does not wait for them. The driver's set-up registers an event with Java Flight Recorder, which initialises
     * JFR (0.1-0.2 s); the 70 MB library loads meanwhile instead of after it. Harmless when no connection follows.
     */
    public static void preload(dev.marquee.run.Background background) {
        background.initialise("duckdb-driver", org.duckdb.DuckDBDriver.class);
        background.initialise("duckdb-library", "org.duckdb.DuckDBNative", org.duckdb.DuckDBDriver.class.getClassLoader());
    }

    /**
     * An in-memory database that spills to a folder of its own in {@code tempDir} instead of failing when it outgrows
     * {@code memoryLimit} (e.g. "2GB").
     */
    public static DuckDbEngine inMemory(Path tempDir, String memoryLimit) {
        try {
            Connection connection = DriverManager.getConnection("jdbc:duckdb:");
            DuckDbEngine engine = new DuckDbEngine(connection, new AtomicBoolean(), new AtomicBoolean());
            // A folder that holds nothing but the spill files: once locked, it is the one folder DuckDB still reaches.
            Path spill = tempDir.toAbsolutePath().resolve(SPILL_FOLDER);
            engine.execute("SET temp_directory = '" + spill.toString().replace("'", "''") + "'");
            engine.execute("SET memory_limit = '" + memoryLimit + "'");
            // Buffers freed within the limit stay with DuckDB's block allocator for the next statement instead of going
            // back to the system, to be cleared again by the kernel at their next first touch: at 100M events, about a
            // tenth of the page faults and 4 s of the run's 120 (BENCHMARKS.md). Set once, as it can never be lowered.
            engine.execute("SET block_allocator_memory = '" + memoryLimit + "'");
            engine.execute("SET preserve_insertion_order = true");
            // For every session, including those opened once the configuration is locked.
            engine.execute("SET GLOBAL TimeZone = 'UTC'");
            engine.execute("SET autoinstall_known_extensions = false");
            engine.execute("SET autoload_known_extensions = false");
            return engine;
        } catch (SQLException e) {
            throw new EngineException("DuckDB could not start: " + e.getMessage(), e);
        }
    }

    /** Another connection to the same in-memory database: its tables, settings and memory limit are shared. */
    @Override
    public Optional<Engine> newSession() {
        try {
            return Optional.of(new DuckDbEngine(((org.duckdb.DuckDBConnection) connection).duplicate(), locked, oneAtATime));
        } catch (SQLException e) {
            throw new EngineException("DuckDB could not open another connection: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean sideBySide() {
        return !oneAtATime.get();
    }

    /**
     * One statement at a time, on every thread, when the loaded tables take more than
     * {@link #SIDE_BY_SIDE_MAX_SHARE_OF_MEMORY} of the memory limit; side by side otherwise, and when the limit is not a size this
     * reads (a later DuckDB writing it another way), as before this choice existed.
     */
    @Override
    public void fitToLoadedData() {
        long tables = ((Number) scalar("SELECT coalesce(sum(memory_usage_bytes), 0) FROM duckdb_memory() WHERE tag = 'IN_MEMORY_TABLE'")).longValue();
        OptionalLong limit = bytes(String.valueOf(scalar("SELECT current_setting('memory_limit')")));
        oneAtATime.set(limit.isPresent() && tables > SIDE_BY_SIDE_MAX_SHARE_OF_MEMORY * limit.getAsLong());
    }

    @Override
    public Map<String, Long> tableRows() {
        Map<String, Long> rows = new HashMap<>();
        for (List<Object> row : query("SELECT table_name, estimated_size FROM duckdb_tables()"
                + " WHERE database_name = current_database() AND schema_name = current_schema()").rows()) {
            rows.put((String) row.get(0), ((Number) row.get(1)).longValue());
        }
        return rows;
    }

    /** A size as DuckDB writes one ("14.1 GiB", "953.6 MiB", "0 bytes"), in bytes; empty when it is not one. */
    static OptionalLong bytes(String size) {
        Matcher matcher = SIZE.matcher(size);
        if (!matcher.matches()) {
            return OptionalLong.empty();
        }
        String unit = matcher.group(2);
        int power = unit.equals("bytes") ? 0 : "KMGTP".indexOf(unit.charAt(0)) + 1;
        return OptionalLong.of((long) (Double.parseDouble(matcher.group(1))
                * Math.pow(unit.contains("i") || unit.equals("bytes") ? 1024 : 1000, power)));
    }

    /**
     * The setting is the database's, so it applies to every session. DuckDB's thread pool costs more than it gives
     * when two sessions already keep both cores busy: a default run spent 0.7 s more CPU with it, and at 10M events
     * the query stage took a fifth longer.
     */
    @Override
    public Consumer<Engine> oneThreadPerStatement() {
        if (locked.get()) {
            // The setting cannot change any more; lock() left one thread per statement.
            return session -> {
            };
        }
        long threads = ((Number) scalar("SELECT current_setting('threads')")).longValue();
        execute("SET threads = 1");
        return session -> session.execute("SET threads = " + threads);
    }

    /**
     * Switches off DuckDB's access to files, extensions and the network ({@code enable_external_access}, which cannot
     * be switched on again while the database runs), then locks every setting. What the run still needs keeps
     * working: the tables are in memory, new sessions share the database and its settings, and spilling goes on in
     * the spill folder, which DuckDB keeps allowed (it is the one folder a locked database still reaches, and it holds
     * nothing but spill files). The statements that follow run side by side, so each keeps to one thread.
     */
    @Override
    public void lock() {
        if (locked.get()) {
            return;
        }
        if (sideBySide()) {
            execute("SET threads = 1");
        }
        execute("SET enable_external_access = false");
        execute("SET lock_configuration = true");
        locked.set(true);
    }

    /**
     * DuckDB's parser, asked through {@code json_serialize_sql}, which reads the text without planning or running it
     * and serializes SELECT statements only. The text is a bound parameter, so it is never run: a prepared statement
     * would run all but the last of several statements.
     */
    @Override
    public Optional<String> notOneQuery(String sql) {
        // Without empty, null and default fields the JSON is a third shorter and a third quicker to write and read.
        try (PreparedStatement statement = connection.prepareStatement("SELECT j ->> 'error', j ->> 'error_message', "
                + "json_array_length(j -> 'statements') FROM (SELECT json_serialize_sql(CAST(? AS VARCHAR), skip_empty := true, "
                + "skip_null := true, skip_default := true) AS j)")) {
            statement.setString(1, sql);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                if ("true".equals(rs.getString(1))) {
                    String message = String.valueOf(rs.getString(2));
                    // Text that does not parse runs nowhere (the whole text is parsed before any of it runs); planning
                    // it reports the error with its line, together with the other questions' problems.
                    return message.startsWith("Only SELECT") ? Optional.of("is not a query (DuckDB reads it as another kind of statement)")
                            : Optional.empty();
                }
                long count = rs.getLong(3);
                return count == 1 ? Optional.empty() : Optional.of("holds " + count + " statements, not one query");
            }
        } catch (SQLException e) {
            throw new EngineException(e.getMessage(), e);
        }
    }

    @Override
    public Dialect dialect() {
        return Dialect.DUCKDB;
    }

    @Override
    public void execute(String sql) {
        JdbcResults.execute(connection, sql);
    }

    @Override
    public Table query(String sql) {
        return JdbcResults.query(connection, sql);
    }

    @Override
    public void stream(String sql, RowHandler handler) {
        JdbcResults.stream(connection, sql, handler);
    }

    @Override
    public List<Column> describe(String sql) {
        return JdbcResults.describe(connection, sql).orElseThrow(() -> new EngineException("cannot describe: " + sql, null));
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new EngineException(e.getMessage(), e);
        }
    }
}
