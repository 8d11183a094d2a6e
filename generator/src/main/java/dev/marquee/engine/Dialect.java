package dev.marquee.engine;

import java.util.Locale;

/** The SQL dialects a question's cross-engine functions are expanded for. */
public enum Dialect {
    DUCKDB, TRINO;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
