package dev.marquee.query;

import dev.marquee.catalog.QuerySource;
import dev.marquee.engine.Dialect;
import dev.marquee.model.Problem;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cross-engine functions of {@code engines/functions.yaml}: {@code {{ median(x) }}} in a question becomes each
 * engine's own SQL. Arguments are split at top-level commas, so they may hold calls and quoted text.
 */
public final class SqlFunctions {

    /** One declared function: its argument names and its SQL per dialect. */
    public record Function(String name, List<String> args, Map<Dialect, String> bodies, List<Dialect> approximateIn,
                           String description) {
    }

    private static final Map<String, Function> FUNCTIONS = load();

    private SqlFunctions() {
    }

    public static Map<String, Function> all() {
        return FUNCTIONS;
    }

    /** Replaces every {@code {{ name(args) }}}; unknown names and wrong argument counts become problems. */
    static String expand(QuerySource query, String sql, Dialect dialect, List<Problem> problems) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (true) {
            int open = sql.indexOf("{{", at);
            if (open < 0) {
                out.append(sql, at, sql.length());
                return out.toString();
            }
            int close = sql.indexOf("}}", open);
            int paren = sql.indexOf('(', open);
            if (close < 0 || paren < 0 || paren > close) {
                // A parameter such as {{as_of}}: left for SqlTemplate.
                int end = close < 0 ? sql.length() : close + 2;
                out.append(sql, at, end);
                at = end;
                continue;
            }
            String name = sql.substring(open + 2, paren).trim();
            if (Parameters.FUNCTIONS.contains(name)) {
                // A parameter of a row, such as {{ price_step(m.source) }}: left for SqlTemplate.
                out.append(sql, at, close + 2);
                at = close + 2;
                continue;
            }
            int last = sql.lastIndexOf(')', close);
            List<String> args = splitArguments(sql.substring(paren + 1, last));
            Function function = FUNCTIONS.get(name);
            int line = query.fileLine(SqlTemplate.lineOf(sql, open));
            out.append(sql, at, open);
            if (function == null) {
                problems.add(Problem.fatal(query.file().toString(), line, "", "unknown-function",
                        "{{ " + name + "(...) }} is not a cross-engine function; they are " + FUNCTIONS.keySet()
                                + " (engines/functions.yaml)"));
                out.append("NULL");
            } else if (function.args().size() != args.size()) {
                problems.add(Problem.fatal(query.file().toString(), line, "", "wrong-arguments",
                        "{{ " + name + " }} takes " + function.args().size() + " arguments " + function.args() + ", got " + args.size()));
                out.append("NULL");
            } else {
                String body = function.bodies().get(dialect);
                for (int i = 0; i < args.size(); i++) {
                    body = body.replace("{" + function.args().get(i) + "}", args.get(i));
                }
                out.append(body);
            }
            at = close + 2;
        }
    }

    static List<String> splitArguments(String text) {
        List<String> args = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        StringBuilder current = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                args.add(current.toString().trim());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        if (!current.toString().isBlank() || !args.isEmpty()) {
            args.add(current.toString().trim());
        }
        return args;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Function> load() {
        try (InputStream in = SqlFunctions.class.getResourceAsStream("/engines/functions.yaml")) {
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            Map<String, Function> functions = new LinkedHashMap<>();
            root.forEach((name, value) -> {
                Map<String, Object> spec = (Map<String, Object>) value;
                Map<Dialect, String> bodies = new LinkedHashMap<>();
                for (Dialect dialect : Dialect.values()) {
                    Object body = spec.get(dialect.id());
                    if (body == null) {
                        throw new IllegalStateException("engines/functions.yaml: " + name + " has no " + dialect.id() + " form");
                    }
                    bodies.put(dialect, body.toString());
                }
                List<Dialect> approximate = ((List<Object>) spec.getOrDefault("approximate_in", List.of())).stream()
                        .map(d -> Dialect.valueOf(d.toString().toUpperCase(java.util.Locale.ROOT))).toList();
                functions.put(name, new Function(name, (List<String>) spec.get("args"), bodies, approximate,
                        String.valueOf(spec.getOrDefault("description", ""))));
            });
            return functions;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
