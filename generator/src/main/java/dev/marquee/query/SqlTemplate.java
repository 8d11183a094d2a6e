package dev.marquee.query;

import dev.marquee.catalog.QuerySource;
import dev.marquee.model.Problem;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Replaces {@code {{name}}} placeholders in a question's SQL with the run's parameters. */
final class SqlTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-z_][a-z0-9_]*)\\s*}}");

    private SqlTemplate() {
    }

    /**
     * The SQL for one engine: cross-engine functions expanded for its dialect, then every parameter replaced by its
     * literal; unknown names are added to {@code problems}.
     */
    static String expand(QuerySource query, Map<String, String> literals, dev.marquee.engine.Dialect dialect, List<Problem> problems) {
        String sql = SqlFunctions.expand(query, query.sql(), dialect, problems);
        Matcher matcher = PLACEHOLDER.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String literal = literals.get(name);
            if (literal == null) {
                int line = query.fileLine(lineOf(sql, matcher.start()));
                problems.add(Problem.fatal(query.file().toString(), line, "", "unknown-parameter",
                        "{{" + name + "}} is not a parameter; the parameters are " + literals.keySet()));
                literal = "NULL";
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(literal));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
