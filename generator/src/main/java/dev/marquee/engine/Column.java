package dev.marquee.engine;

import java.util.Objects;

/** A result column: its name and the kind of value it holds. */
public record Column(String name, ColumnType type) {
    public Column {
        Objects.requireNonNull(name);
        Objects.requireNonNull(type);
    }
}
