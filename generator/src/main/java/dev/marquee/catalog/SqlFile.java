package dev.marquee.catalog;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a question's SQL file into named statements. A line {@code -- name: monthly_hours} starts a statement
 * (the comment lines right above it are the statement's own); a file without such lines is one statement named after
 * the question.
 */
final class SqlFile {

    private static final Pattern NAME_LINE = Pattern.compile("^--\\s*name:\\s*([A-Za-z0-9_]+)\\s*$");

    private SqlFile() {
    }

    static List<QuerySource> split(Path file, String text, String defaultName) {
        String[] lines = text.split("\r?\n", -1);
        List<QuerySource> statements = new ArrayList<>();
        String name = defaultName;
        int start = 1;
        List<String> body = new ArrayList<>();
        boolean named = false;
        for (int i = 0; i < lines.length; i++) {
            Matcher matcher = NAME_LINE.matcher(lines[i].trim());
            if (matcher.matches()) {
                // The comment right above a name line describes the statement it names, not the one before.
                int comment = body.size();
                while (comment > 0 && body.get(comment - 1).strip().startsWith("--")) {
                    comment--;
                }
                List<String> carried = new ArrayList<>(body.subList(comment, body.size()));
                List<String> previous = body.subList(0, comment);
                if (named || hasSql(String.join("\n", previous))) {
                    add(statements, file, name, previous, start);
                }
                name = matcher.group(1);
                named = true;
                start = carried.isEmpty() ? i + 2 : i + 1 - carried.size();
                body = carried;
                if (!carried.isEmpty()) {
                    body.add(""); // the name line's place, so the statement's lines keep their file line numbers
                }
            } else {
                body.add(lines[i]);
            }
        }
        add(statements, file, name, body, start);
        return statements;
    }

    /** True when the text holds more than blank lines and {@code --} comments. */
    static boolean hasSql(CharSequence text) {
        return text.toString().lines().map(String::strip).anyMatch(line -> !line.isEmpty() && !line.startsWith("--"));
    }

    /** @param start the file's line number of the body's first line */
    private static void add(List<QuerySource> statements, Path file, String name, List<String> body, int start) {
        String sql = String.join("\n", body).strip();
        if (sql.endsWith(";")) {
            sql = sql.substring(0, sql.length() - 1).strip();
        }
        // Leading blank lines move the statement's first line down.
        int leading = 0;
        while (leading < body.size() && body.get(leading).isBlank()) {
            leading++;
        }
        statements.add(new QuerySource(name, sql, file, start + leading));
    }
}
