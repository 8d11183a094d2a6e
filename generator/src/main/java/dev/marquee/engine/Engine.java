package dev.marquee.engine;

import java.util.List;
import java.util.Optional;

/**
 * The SQL engine the questions run on. Embedded DuckDB is the default; the pipeline sees only this.
 * Every failure is an {@link EngineException} with the engine's message.
 */
public interface Engine extends AutoCloseable {

    /** Which expansion of the cross-engine functions this engine runs. */
    Dialect dialect();

    /** Runs a statement that returns no rows. */
    void execute(String sql);

    /** Runs a query and returns its (small) result. */
    Table query(String sql);

    /**
     * Runs a query and hands each row to {@code handler} as it arrives, for results too large to keep (a row per
     * member). The array is reused between rows.
     */
    void stream(String sql, RowHandler handler);

    /** Receives the columns, then each row of a streamed result. */
    interface RowHandler {
        void columns(List<Column> columns);

        void row(Object[] values);
    }

    /** The columns a query would return, without running it. */
    List<Column> describe(String sql);

    /**
     * From now on the engine only answers queries over the data it holds: it reads and writes no file, loads no
     * extension and takes no new setting. Called once the data is loaded and validated, before any question runs; it
     * cannot be undone. A remote engine changes nothing here: what it may reach is its account's.
     */
    default void lock() {
    }

    /**
     * Why the engine's own parser does not read this text as exactly one query (one SELECT), or empty when it does.
     * Asked before a question's statement is planned or run. Empty by default: an engine whose grammar and protocol
     * take one statement per request, and whose only statements that start with SELECT or WITH are queries (Trino),
     * is covered by the check of the text every engine gets.
     */
    default Optional<String> notOneQuery(String sql) {
        return Optional.empty();
    }

    /**
     * Another session on the same data, for running statements side by side; the caller closes it. Empty when the
     * engine has no such thing, and statements then run one at a time.
     */
    default Optional<Engine> newSession() {
        return Optional.empty();
    }

    /**
     * Whether statements run side by side on sessions of their own ({@link #newSession()}) or one at a time, each on all
     * the engine's threads. True unless {@link #fitToLoadedData()} found the data too large for two at once.
     */
    default boolean sideBySide() {
        return true;
    }

    /**
     * Chooses, once the data is loaded and before the work on it starts, whether statements run side by side
     * ({@link #sideBySide()}). Engines without sessions, and remote ones, change nothing.
     */
    default void fitToLoadedData() {
    }

    /**
     * Runs each statement on one thread from now on, for work spread over sessions that are the parallelism
     * themselves; returns what gives the threads back, to be called with a session that is not running a statement.
     * Engines without sessions change nothing.
     */
    default java.util.function.Consumer<Engine> oneThreadPerStatement() {
        return session -> {
        };
    }

    /**
     * The rows of each table of the current schema by name, as the engine estimates them without counting, for
     * choosing which work to start first; empty when the engine does not tell.
     */
    default java.util.Map<String, Long> tableRows() {
        return java.util.Map.of();
    }

    /** Convenience for a single value. */
    default Object scalar(String sql) {
        Table result = query(sql);
        return result.isEmpty() ? null : result.rows().get(0).get(0);
    }

    @Override
    void close();
}
