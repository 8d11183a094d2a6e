package dev.marquee.engine;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/** Embedded, in-memory DuckDB. A new Statement per command: DuckDB closes a Statement that throws. */
public final class DuckDbEngine implements Engine {

    static final String SPILL_FOLDER = "duckdb-spill";

    private final Connection connection;
    /** Shared by every session of the database: the lock is the database's. */
    private final AtomicBoolean locked;

    private DuckDbEngine(Connection connection, AtomicBoolean locked) {
        this.connection = connection;
        this.locked = locked;
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
            DuckDbEngine engine = new DuckDbEngine(connection, new AtomicBoolean());
            // A folder that holds nothing but the spill files: once locked, it is the one folder DuckDB still reaches.
            Path spill = tempDir.toAbsolutePath().resolve(SPILL_FOLDER);
            engine.execute("SET temp_directory = '" + spill.toString().replace("'", "''") + "'");
            engine.execute("SET memory_limit = '" + memoryLimit + "'");
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
            return Optional.of(new DuckDbEngine(((org.duckdb.DuckDBConnection) connection).duplicate(), locked));
        } catch (SQLException e) {
            throw new EngineException("DuckDB could not open another connection: " + e.getMessage(), e);
        }
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
        execute("SET threads = 1");
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
