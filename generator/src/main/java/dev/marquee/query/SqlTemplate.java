package dev.marquee.query;

import dev.marquee.catalog.QuerySource;
import dev.marquee.engine.Dialect;
import dev.marquee.model.Problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statement expanded for one dialect, once per run: its cross-engine functions written out (SqlFunctions) and its
 * {@code {{name}}} placeholders located, so that binding the run's parameters only fills the slots between the pieces
 * of text. An unknown function or parameter is a problem, written as NULL.
 *
 * @param text  the statement's text around its placeholders: one more piece than there are slots
 * @param slots the parameter each placeholder names, in order
 */
record SqlTemplate(QuerySource source, List<String> text, List<String> slots, List<Problem> problems) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-z_][a-z0-9_]*)\\s*}}");

    SqlTemplate {
        text = List.copyOf(text);
        slots = List.copyOf(slots);
        problems = List.copyOf(problems);
    }

    static SqlTemplate expand(QuerySource query, Dialect dialect) {
        List<Problem> problems = new ArrayList<>();
        String sql = SqlFunctions.expand(query, query.sql(), dialect, problems);
        Matcher matcher = PLACEHOLDER.matcher(sql);
        List<String> text = new ArrayList<>();
        List<String> slots = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        int at = 0;
        while (matcher.find()) {
            String name = matcher.group(1);
            piece.append(sql, at, matcher.start());
            at = matcher.end();
            if (Parameters.NAMES.contains(name)) {
                text.add(piece.toString());
                piece.setLength(0);
                slots.add(name);
            } else {
                int line = query.fileLine(lineOf(sql, matcher.start()));
                problems.add(Problem.fatal(query.file().toString(), line, "", "unknown-parameter",
                        "{{" + name + "}} is not a parameter; the parameters are " + Parameters.NAMES));
                piece.append("NULL");
            }
        }
        text.add(piece.append(sql, at, sql.length()).toString());
        return new SqlTemplate(query, text, slots, problems);
    }

    /** The SQL with every slot filled with its parameter's literal. */
    String bind(Map<String, String> literals) {
        StringBuilder sql = new StringBuilder(text.get(0));
        for (int i = 0; i < slots.size(); i++) {
            sql.append(literals.get(slots.get(i))).append(text.get(i + 1));
        }
        return sql.toString();
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
