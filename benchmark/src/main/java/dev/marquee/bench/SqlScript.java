package dev.marquee.bench;

import dev.marquee.engine.TrinoEngine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs the statements of a SQL file (separated by ";" at a line end) on a Trino server: scripts/trino-benchmark.sh
 * registers the exported tables with it.
 */
public final class SqlScript {

    private SqlScript() {
    }

    public static void main(String[] args) throws IOException {
        try (TrinoEngine engine = TrinoEngine.connect(args[0], System.getenv(TrinoEngine.USER_VARIABLE),
                System.getenv(TrinoEngine.PASSWORD_VARIABLE))) {
            for (String statement : Files.readString(Path.of(args[1])).split(";\n")) {
                String sql = statement.replaceAll("(?m)^--.*$", "").trim();
                if (!sql.isEmpty()) {
                    engine.execute(sql);
                }
            }
        }
    }
}
