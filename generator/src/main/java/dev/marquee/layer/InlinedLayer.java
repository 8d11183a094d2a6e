package dev.marquee.layer;

import dev.marquee.engine.Column;
import dev.marquee.engine.Dialect;
import dev.marquee.engine.Engine;
import dev.marquee.engine.Table;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * An engine whose statements read the layer as common table expressions (see {@link Layer#inlinedOn}), or select it from
 * the tables built for the run ({@link Layer#storedOn}), which closing it drops.
 */
final class InlinedLayer implements Engine {

    private final Engine engine;
    private final UnaryOperator<String> inline;
    private final Runnable dropStored;

    InlinedLayer(Engine engine, UnaryOperator<String> inline, Runnable dropStored) {
        this.engine = engine;
        this.inline = inline;
        this.dropStored = dropStored;
    }

    @Override
    public Dialect dialect() {
        return engine.dialect();
    }

    @Override
    public void execute(String sql) {
        engine.execute(inline.apply(sql));
    }

    @Override
    public Table query(String sql) {
        return engine.query(inline.apply(sql));
    }

    @Override
    public void stream(String sql, RowHandler handler) {
        engine.stream(inline.apply(sql), handler);
    }

    @Override
    public List<Column> describe(String sql) {
        return engine.describe(inline.apply(sql));
    }

    /** Drops the layer tables built for the run, if any; the engine it wraps is closed by whoever opened it. */
    @Override
    public void close() {
        dropStored.run();
    }
}
