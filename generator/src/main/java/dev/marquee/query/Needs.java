package dev.marquee.query;

import dev.marquee.format.Wording;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * What a left-out question or chart needs, in a reader's words ({@code model/needs.yaml}): a reader of the Kaggle
 * userbase is told that the watch-time charts need "viewing sessions", not "viewing_sessions.started_at".
 */
public final class Needs {

    private static final String MEMBER = "member.";
    private static final Needs STANDARD = load();

    private final Map<String, String> tables;
    private final Map<String, String> columns;

    private Needs(Map<String, String> tables, Map<String, String> columns) {
        this.tables = Map.copyOf(tables);
        this.columns = Map.copyOf(columns);
    }

    /**
     * The needs ({@code viewing_sessions}, {@code member.watch_hours}) in words, each said once: "a, b and c". Where
     * one need is said in general ("viewing sessions"), the narrower ones of it ("viewing sessions with their devices")
     * go: "viewing sessions and viewing sessions with ..." says nothing the Data page's line per chart does not.
     */
    public static String inWords(List<String> needs) {
        List<String> words = needs.stream().map(STANDARD::word).distinct().toList();
        return Wording.series(words.stream().filter(w -> words.stream().noneMatch(general -> w.startsWith(general + " "))).toList());
    }

    /** Whether the vocabulary names this table or {@code table.column} itself, rather than by a fallback. */
    static boolean named(String need) {
        return STANDARD.tables.containsKey(need) || STANDARD.columns.containsKey(need);
    }

    private String word(String need) {
        String named = columns.get(need);
        if (named != null) {
            return named;
        }
        int dot = need.indexOf('.');
        if (need.startsWith(MEMBER)) {
            return "members' " + need.substring(MEMBER.length()).replace('_', ' ');
        }
        String table = dot < 0 ? need : need.substring(0, dot);
        return tables.getOrDefault(table, table.replace('_', ' '));
    }

    @SuppressWarnings("unchecked")
    private static Needs load() {
        try (InputStream in = Needs.class.getResourceAsStream("/model/needs.yaml")) {
            if (in == null) {
                throw new IllegalStateException("model/needs.yaml is missing from the class path");
            }
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            return new Needs((Map<String, String>) root.get("tables"), (Map<String, String>) root.get("columns"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
