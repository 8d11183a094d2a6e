package dev.marquee.load;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A public file layout the generator recognises by its header, declared as data in {@code shapes/<name>.yaml}: the
 * header columns that identify it and, per data-model table, the SQL that maps the staged file (a table named
 * {@code raw}, every column text) onto that table's columns. Adding a shape is adding a file.
 *
 * @param signature normalised header names that must all be present
 * @param mappings  model table → SELECT over {@code raw} returning the table's columns, in the file's order
 * @param report    for an engagement report, what readers call it before its period ("What We Watched")
 * @param readings  how the mapping reads what the file leaves open or gets wrong, said on the Data page
 */
record Shape(String id, String name, List<String> signature, List<Map.Entry<String, String>> mappings, String report,
             List<Reading> readings) {

    Shape {
        signature = List.copyOf(signature);
        mappings = List.copyOf(mappings);
        readings = List.copyOf(readings);
    }

    /**
     * A way the mapping reads the file that its reader should know of: a value in the wrong column taken for what it
     * is ("74 min" in the rating column, read as the runtime), or what the file does not say (the currency of its fees).
     *
     * @param column  the file's column, as its header names it after normalising
     * @param where   a condition over the staged file's rows ({@code raw}, as in a mapping) that picks the rows read so;
     *                empty when the reading is of the whole file
     * @param message what the rows give and how they are read, after "1 row" or "12 rows" when there is a condition
     */
    record Reading(String column, String where, String message) {
    }

    boolean matches(List<String> normalizedHeader) {
        return normalizedHeader.containsAll(signature);
    }

    @SuppressWarnings("unchecked")
    static List<Shape> standard() {
        List<Shape> shapes = new ArrayList<>();
        try (InputStream index = Shape.class.getResourceAsStream("/shapes/index.txt")) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(index, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                try (InputStream in = Shape.class.getResourceAsStream("/shapes/" + line.trim())) {
                    Map<String, Object> spec = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
                    Map<String, String> tables = (Map<String, String>) spec.get("tables");
                    List<Reading> readings = ((List<Map<String, String>>) spec.getOrDefault("readings", List.of())).stream()
                            .map(r -> new Reading(r.get("column"), r.getOrDefault("where", ""), r.get("message"))).toList();
                    shapes.add(new Shape(line.trim().replace(".yaml", ""), (String) spec.get("name"),
                            (List<String>) spec.get("signature"), new ArrayList<>(tables.entrySet()),
                            (String) spec.getOrDefault("report", spec.get("name")), readings));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return shapes;
    }
}
