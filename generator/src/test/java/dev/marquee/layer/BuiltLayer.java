package dev.marquee.layer;

import dev.marquee.Fixtures;
import dev.marquee.engine.DuckDbEngine;
import dev.marquee.load.DataLoader;
import dev.marquee.model.DataModel;
import dev.marquee.query.Parameters;
import dev.marquee.query.Statements;
import dev.marquee.run.Background;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The layer tests' engine: a data folder loaded (without validation) and the standard layer built on it. */
final class BuiltLayer {

    private BuiltLayer() {
    }

    /** An in-memory engine holding {@code data}'s tables and the layer as of {@code asOf}; the caller closes it. */
    static DuckDbEngine of(Path data, LocalDate asOf) throws Exception {
        Path scratch = Fixtures.scratch("marquee-layer-");
        DuckDbEngine engine = DuckDbEngine.inMemory(scratch, "1GB");
        try (Background background = Background.open()) {
            DataLoader.load(background, data, DataModel.standard(), engine, scratch);
            Layer.standard().build(background, engine, Statements.expand(engine.dialect(), List.of(), Layer.standard().definitions())
                    .bind(new Parameters(asOf, 2, 15)));
        } catch (Exception | Error e) {
            engine.close();
            throw e;
        }
        return engine;
    }

    /** The same, on a data folder of its own holding {@code files} (each file's name and its text). */
    static DuckDbEngine of(Map<String, String> files, LocalDate asOf) throws Exception {
        Path data = Fixtures.scratch("marquee-layer-data-");
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.writeString(data.resolve(file.getKey()), file.getValue());
        }
        return of(data, asOf);
    }

    /** A query's rows, each its values as text, separated by spaces: "1 TV 170.50 3". */
    static List<String> rows(DuckDbEngine engine, String sql) {
        return engine.query(sql).rows().stream().map(row -> String.join(" ", row.stream().map(String::valueOf).toList())).toList();
    }
}
