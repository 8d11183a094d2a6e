package dev.marquee.catalog;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a question's SQL file into named statements. A line {@code -- name: monthly_hours} starts a statement;
 * a file without such lines is one statement named after the question.
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
        StringBuilder body = new StringBuilder();
        boolean named = false;
        for (int i = 0; i < lines.length; i++) {
            Matcher matcher = NAME_LINE.matcher(lines[i].trim());
            if (matcher.matches()) {
                if (named || hasSql(body)) {
                    add(statements, file, name, body, start);
                }
                name = matcher.group(1);
                named = true;
                start = i + 2;
                body.setLength(0);
            } else {
                body.append(lines[i]).append('\n');
            }
        }
        add(statements, file, name, body, start);
        return statements;
    }

    /** True when the text holds more than blank lines and {@code --} comments. */
    static boolean hasSql(CharSequence text) {
        return text.toString().lines().map(String::strip).anyMatch(line -> !line.isEmpty() && !line.startsWith("--"));
    }

    private static void add(List<QuerySource> statements, Path file, String name, StringBuilder body, int start) {
        String sql = body.toString().strip();
        if (sql.endsWith(";")) {
            sql = sql.substring(0, sql.length() - 1).strip();
        }
        // Leading blank lines move the statement's first line down.
        int leading = 0;
        for (String line : body.toString().split("\n", -1)) {
            if (!line.isBlank()) {
                break;
            }
            leading++;
        }
        statements.add(new QuerySource(name, sql, file, start + leading));
    }
}
