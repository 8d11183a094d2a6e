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
 * {@code {{name}}} and {@code {{ name(expression) }}} placeholders located, so that binding the run's parameters only
 * fills the slots between the pieces of text. An unknown function or parameter is a problem, written as NULL.
 *
 * @param text  the statement's text around its placeholders: one more piece than there are slots
 * @param slots the parameter each placeholder names, in order
 */
record SqlTemplate(QuerySource source, List<String> text, List<Slot> slots, List<Problem> problems) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-z_][a-z0-9_]*)\\s*(?:\\((.*?)\\)\\s*)?}}", Pattern.DOTALL);

    /** A placeholder: a parameter's name, and the expression it is given where it is a function of a row (else null). */
    record Slot(String name, String argument) {
    }

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
        List<Slot> slots = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        int at = 0;
        while (matcher.find()) {
            String name = matcher.group(1);
            String argument = matcher.group(2) == null ? null : matcher.group(2).trim();
            piece.append(sql, at, matcher.start());
            at = matcher.end();
            if (argument == null ? Parameters.NAMES.contains(name) : Parameters.FUNCTIONS.contains(name) && !argument.isEmpty()) {
                text.add(piece.toString());
                piece.setLength(0);
                slots.add(new Slot(name, argument));
            } else {
                int line = query.fileLine(lineOf(sql, matcher.start()));
                problems.add(Problem.fatal(query.file().toString(), line, "", "unknown-parameter",
                        (argument == null ? "{{" + name + "}}" : "{{ " + name + "(" + argument + ") }}")
                                + " is not a parameter; the parameters are " + Parameters.NAMES
                                + " and " + Parameters.FUNCTIONS.stream().map(f -> f + "(source)").toList()));
                piece.append("NULL");
            }
        }
        text.add(piece.append(sql, at, sql.length()).toString());
        return new SqlTemplate(query, text, slots, problems);
    }

    /** The SQL with every slot filled with its parameter's literal. */
    String bind(Parameters parameters, Map<String, String> literals) {
        StringBuilder sql = new StringBuilder(text.get(0));
        for (int i = 0; i < slots.size(); i++) {
            Slot slot = slots.get(i);
            sql.append(slot.argument() == null ? literals.get(slot.name()) : parameters.literal(slot.name(), slot.argument()))
                    .append(text.get(i + 1));
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
