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
 */
record Shape(String id, String name, List<String> signature, List<Map.Entry<String, String>> mappings, String report) {

    Shape {
        signature = List.copyOf(signature);
        mappings = List.copyOf(mappings);
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
                    shapes.add(new Shape(line.trim().replace(".yaml", ""), (String) spec.get("name"),
                            (List<String>) spec.get("signature"), new ArrayList<>(tables.entrySet()),
                            (String) spec.getOrDefault("report", spec.get("name"))));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return shapes;
    }
}
