package dev.marquee.layer;

import dev.marquee.engine.Column;
import dev.marquee.engine.Dialect;
import dev.marquee.engine.Engine;
import dev.marquee.engine.Table;

import java.util.List;
import java.util.function.UnaryOperator;

/** An engine whose statements read the layer as common table expressions (see {@link Layer#inlinedOn}). */
final class InlinedLayer implements Engine {

    private final Engine engine;
    private final UnaryOperator<String> inline;

    InlinedLayer(Engine engine, UnaryOperator<String> inline) {
        this.engine = engine;
        this.inline = inline;
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

    /** Closed by whoever opened the engine it wraps. */
    @Override
    public void close() {
    }
}
