package dev.marquee.slice;

import dev.marquee.engine.Column;
import dev.marquee.engine.Dialect;
import dev.marquee.engine.Engine;
import dev.marquee.engine.Table;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A session of the one database whose unqualified table names resolve in a slice's schema first, then in {@code main}:
 * the member tables and the member-grain layer tables are the slice's (cut to its members), the title tables the
 * slice rebuilt from them, and everything else (titles, reference tables) the whole data's. DuckDB keeps
 * {@code search_path} a session's own setting, which {@code lock_configuration} does not freeze, so a slice's sessions
 * are opened after the database is locked and each sets it first. Every session {@link #newSession()} hands out (the
 * query stage's second session, the churn model's) is such a session too.
 */
final class SliceEngine implements Engine {

    private final Engine database;
    private final String schema;
    private final Engine session;

    private SliceEngine(Engine database, String schema, Engine session) {
        this.database = database;
        this.schema = schema;
        this.session = session;
    }

    /** A new session of {@code database} that reads {@code schema} before {@code main}; the caller closes it. */
    static SliceEngine open(Engine database, String schema) {
        Engine session = database.newSession().orElseThrow(() -> new IllegalStateException("slices need an engine with sessions"));
        try {
            session.execute("SET search_path = '" + schema + ",main'");
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
        return new SliceEngine(database, schema, session);
    }

    @Override
    public Dialect dialect() {
        return session.dialect();
    }

    @Override
    public void execute(String sql) {
        session.execute(sql);
    }

    @Override
    public Table query(String sql) {
        return session.query(sql);
    }

    @Override
    public void stream(String sql, RowHandler handler) {
        session.stream(sql, handler);
    }

    @Override
    public List<Column> describe(String sql) {
        return session.describe(sql);
    }

    @Override
    public Optional<String> notOneQuery(String sql) {
        return session.notOneQuery(sql);
    }

    @Override
    public Optional<Engine> newSession() {
        return Optional.of(open(database, schema));
    }

    @Override
    public boolean sideBySide() {
        return session.sideBySide();
    }

    @Override
    public Consumer<Engine> oneThreadPerStatement() {
        return session.oneThreadPerStatement();
    }

    /** The database was locked before any slice is read; a slice takes no setting of its own but its search path. */
    @Override
    public void lock() {
        database.lock();
    }

    @Override
    public void close() {
        session.close();
    }
}
