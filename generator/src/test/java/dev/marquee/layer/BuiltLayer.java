package dev.marquee.layer;

import dev.marquee.Fixtures;
import dev.marquee.engine.DuckDbEngine;
import dev.marquee.load.DataLoader;
import dev.marquee.model.DataModel;
import dev.marquee.query.Parameters;
import dev.marquee.query.Statements;
import dev.marquee.run.Background;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The layer tests' engine: a data folder loaded (without validation) and the standard layer built on it. A test class
 * that reads one layer in all its tests registers it as a static {@code @RegisterExtension} field ({@link #asOf}): it is
 * built before the class's first test and closed after its last.
 */
final class BuiltLayer implements BeforeAllCallback, AfterAllCallback {

    private final Map<String, String> files;
    private final LocalDate asOf;
    private DuckDbEngine engine;

    private BuiltLayer(Map<String, String> files, LocalDate asOf) {
        this.files = files;
        this.asOf = asOf;
    }

    /** The layer as of {@code asOf} over {@code files} (each file's name and its text), for a test class. */
    static BuiltLayer asOf(LocalDate asOf, Map<String, String> files) {
        return new BuiltLayer(files, asOf);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        engine = of(files, asOf);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        engine.close();
    }

    DuckDbEngine engine() {
        return engine;
    }

    /** A query's rows on this layer, as {@link #rows(DuckDbEngine, String)} gives them. */
    List<String> rows(String sql) {
        return rows(engine, sql);
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
