package dev.marquee.engine;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Embedded, in-memory DuckDB. A new Statement per command: DuckDB closes a Statement that throws. */
public final class DuckDbEngine implements Engine {

    private final Connection connection;

    private DuckDbEngine(Connection connection) {
        this.connection = connection;
    }

    /**
     * Sets up the driver and loads its native library on two background threads, so that a connection opened later
     * does not wait for them. The driver's set-up registers an event with Java Flight Recorder, which initialises
     * JFR (0.1-0.2 s); the 70 MB library loads meanwhile instead of after it. Harmless when no connection follows.
     */
    public static void preload() {
        dev.marquee.Background.initialise(org.duckdb.DuckDBDriver.class, "duckdb-driver");
        dev.marquee.Background.initialise("org.duckdb.DuckDBNative", org.duckdb.DuckDBDriver.class.getClassLoader(), "duckdb-library");
    }

    /**
     * An in-memory database that spills to {@code tempDir} instead of failing when it outgrows {@code memoryLimit}
     * (e.g. "2GB").
     */
    public static DuckDbEngine inMemory(Path tempDir, String memoryLimit) {
        try {
            Connection connection = DriverManager.getConnection("jdbc:duckdb:");
            DuckDbEngine engine = new DuckDbEngine(connection);
            engine.execute("SET temp_directory = '" + tempDir.toAbsolutePath().toString().replace("'", "''") + "'");
            engine.execute("SET memory_limit = '" + memoryLimit + "'");
            engine.execute("SET preserve_insertion_order = true");
            engine.execute("SET TimeZone = 'UTC'");
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
            DuckDbEngine session = new DuckDbEngine(((org.duckdb.DuckDBConnection) connection).duplicate());
            session.execute("SET TimeZone = 'UTC'");
            return Optional.of(session);
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
        long threads = ((Number) scalar("SELECT current_setting('threads')")).longValue();
        execute("SET threads = 1");
        return session -> session.execute("SET threads = " + threads);
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

    /** See {@link JdbcResults#stable(double)}. */
    static Double stable(double value) {
        return JdbcResults.stable(value);
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
