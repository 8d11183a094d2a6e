package dev.marquee.catalog;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A YAML mapping that remembers where each key was written, so problems point at the line.
 * Loose front matter becomes strict records in {@link Catalog}; this class only reads. The other YAML files of a
 * project (targets.yaml) and the JSON records Marquee writes (JSON is YAML) are read with it too.
 */
public final class FrontMatter {

    private final Map<String, Node> entries;
    private final Map<String, Integer> lines;
    private final int line;
    private final int lineOffset;

    private FrontMatter(MappingNode node, int lineOffset) throws FrontMatterException {
        this.entries = new LinkedHashMap<>();
        this.lines = new LinkedHashMap<>();
        this.lineOffset = lineOffset;
        this.line = node.getStartMark().getLine() + 1 + lineOffset;
        for (NodeTuple tuple : node.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key) {
                if (entries.containsKey(key.getValue())) {
                    // YAML keeps the last of two, so the first would be ignored without a word.
                    throw new FrontMatterException(key.getStartMark().getLine() + 1 + lineOffset, "'" + key.getValue()
                            + "' is given twice (also on line " + lines.get(key.getValue()) + ")");
                }
                entries.put(key.getValue(), tuple.getValueNode());
                lines.put(key.getValue(), key.getStartMark().getLine() + 1 + lineOffset);
            }
        }
    }

    /** Parses YAML text whose first line is line {@code firstLine} of its file. */
    static FrontMatter parse(String yaml, int firstLine) throws FrontMatterException {
        return parse(yaml, firstLine, "front matter");
    }

    /** Parses a whole YAML (or JSON) document, called {@code what} in messages. */
    public static FrontMatter parse(String yaml, int firstLine, String what) throws FrontMatterException {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            int at = e.getProblemMark() == null ? firstLine : e.getProblemMark().getLine() + firstLine;
            throw new FrontMatterException(at, what + " is not valid YAML: " + e.getProblem());
        }
        if (!(root instanceof MappingNode mapping)) {
            throw new FrontMatterException(firstLine, what + " must be a mapping of keys to values");
        }
        return new FrontMatter(mapping, firstLine - 1);
    }

    public int line() {
        return line;
    }

    public int line(String key) {
        return lines.getOrDefault(key, line);
    }

    public List<String> keys() {
        return List.copyOf(entries.keySet());
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    public Optional<String> string(String key) throws FrontMatterException {
        Node node = entries.get(key);
        if (node == null) {
            return Optional.empty();
        }
        if (node instanceof ScalarNode scalar) {
            return Optional.of(scalar.getValue().trim());
        }
        throw new FrontMatterException(line(key), "'" + key + "' must be a single value");
    }

    /** A list written either as {@code [a, b]} or as one scalar {@code a}. */
    public List<String> strings(String key) throws FrontMatterException {
        List<String> values = new ArrayList<>();
        for (Item item : items(key)) {
            values.add(item.value());
        }
        return values;
    }

    /** A value of a list and the line it is written on. */
    public record Item(String value, int line) {
    }

    /** The same list, each value with its line. */
    public List<Item> items(String key) throws FrontMatterException {
        Node node = entries.get(key);
        if (node == null) {
            return List.of();
        }
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue().isBlank() ? List.of() : List.of(new Item(scalar.getValue().trim(), lineOf(scalar)));
        }
        if (node instanceof SequenceNode sequence) {
            List<Item> values = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                if (!(item instanceof ScalarNode scalar)) {
                    throw new FrontMatterException(lineOf(item), "'" + key + "' must be a list of single values");
                }
                values.add(new Item(scalar.getValue().trim(), lineOf(scalar)));
            }
            return values;
        }
        throw new FrontMatterException(line(key), "'" + key + "' must be a list");
    }

    private int lineOf(Node node) {
        return node.getStartMark().getLine() + 1 + lineOffset;
    }

    /** A mapping under {@code key}, e.g. {@code units: {mrr: usd}}; empty when the key is absent. */
    public Optional<FrontMatter> mapping(String key) throws FrontMatterException {
        Node node = entries.get(key);
        if (node == null) {
            return Optional.empty();
        }
        if (!(node instanceof MappingNode mapping)) {
            throw new FrontMatterException(line(key), "'" + key + "' must be a mapping of keys to values, such as {column: unit}");
        }
        return Optional.of(new FrontMatter(mapping, lineOffset));
    }

    public List<FrontMatter> mappings(String key) throws FrontMatterException {
        Node node = entries.get(key);
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof SequenceNode sequence)) {
            throw new FrontMatterException(line(key), "'" + key + "' must be a list of entries, each starting with '- '");
        }
        List<FrontMatter> values = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            if (!(item instanceof MappingNode mapping)) {
                throw new FrontMatterException(item.getStartMark().getLine() + 1 + lineOffset,
                        "each entry of '" + key + "' must be a mapping of keys to values");
            }
            values.add(new FrontMatter(mapping, lineOffset));
        }
        return values;
    }

    public static final class FrontMatterException extends Exception {
        private static final long serialVersionUID = 1L;
        final int line;

        public FrontMatterException(int line, String message) {
            super(message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }
}
