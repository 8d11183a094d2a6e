package dev.marquee.catalog;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One named statement of a question's SQL file.
 *
 * @param firstLine 1-based line of the statement's first line in {@code file}, so engine errors point at the file
 */
public record QuerySource(String name, String sql, Path file, int firstLine) {
    public QuerySource {
        Objects.requireNonNull(name);
        Objects.requireNonNull(sql);
        Objects.requireNonNull(file);
    }

    /** The file line of a 1-based line within the statement. */
    public int fileLine(int lineInStatement) {
        return firstLine + Math.max(0, lineInStatement - 1);
    }
}
