package dev.marquee.query;

import dev.marquee.catalog.QuerySource;
import dev.marquee.model.Problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A question's statement as words and punctuation, outside comments, quoted text and {@code {{ ... }}} placeholders:
 * enough to tell, on any engine, that it is one query (SELECT, or WITH … AS (…) SELECT) and to find the line where
 * it names a column. Engines that accept more (DuckDB's WITH … INSERT, several statements in one text) also confirm
 * it with their own parser ({@link dev.marquee.engine.Engine#notOneQuery}).
 */
final class QueryShape {

    /** A word (keyword or identifier, unquoted), a quoted identifier's name, or one character of punctuation. */
    record Token(String text, Kind kind, int line) {
        boolean is(String keyword) {
            return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
        }

        boolean isName() {
            return kind != Kind.PUNCTUATION;
        }

        boolean isPunctuation(char c) {
            return kind == Kind.PUNCTUATION && text.charAt(0) == c;
        }
    }

    enum Kind { WORD, QUOTED, PUNCTUATION }

    /** What is wrong with a statement, and on which of its lines. */
    private record Found(String what, int line) {
    }

    static final String ONLY_QUERIES = ": a question may only read the data, with one SELECT (or WITH … AS (…) SELECT) per statement";

    private final List<Token> tokens;

    private QueryShape(List<Token> tokens) {
        this.tokens = tokens;
    }

    static QueryShape of(String sql) {
        return new QueryShape(tokenize(sql));
    }

    /** Adds a problem when the statement is not exactly one query: it would write, change a setting, or hold several. */
    static void check(QuerySource query, List<Problem> problems) {
        QueryShape shape = of(query.sql());
        shape.problem().ifPresent(found -> problems.add(Problem.fatal(query.file().toString(), query.fileLine(found.line()), "",
                "not-a-query", "statement '" + query.name() + "' " + found.what() + ONLY_QUERIES)));
    }

    /** The line (within the statement) where the outer query's select list names this column, if it does. */
    static Optional<Integer> lineOfColumn(String sql, String column) {
        QueryShape shape = of(sql);
        int depth = 0;
        int outerSelect = -1;
        for (int i = 0; i < shape.tokens.size(); i++) {
            Token token = shape.tokens.get(i);
            depth += token.isPunctuation('(') ? 1 : token.isPunctuation(')') ? -1 : 0;
            if (depth == 0 && token.is("select")) {
                outerSelect = i;
            }
        }
        if (outerSelect < 0) {
            return Optional.empty();
        }
        depth = 0;
        for (int i = outerSelect + 1; i < shape.tokens.size(); i++) {
            Token token = shape.tokens.get(i);
            depth += token.isPunctuation('(') ? 1 : token.isPunctuation(')') ? -1 : 0;
            if (depth == 0 && token.is("from")) {
                break;
            }
            if (token.isName() && token.text().equalsIgnoreCase(column)) {
                return Optional.of(token.line());
            }
        }
        return Optional.of(shape.tokens.get(outerSelect).line());
    }

    /** What is wrong, and on which line of the statement; empty for one query. */
    private Optional<Found> problem() {
        for (Token token : tokens) {
            if (token.isPunctuation(';')) {
                return Optional.of(new Found("holds more than one statement (a ';' on this line)", token.line()));
            }
        }
        int i = skipOpening(0);
        if (i >= tokens.size()) {
            return Optional.of(new Found("is empty", 1));
        }
        Token first = tokens.get(i);
        if (first.is("select")) {
            return Optional.empty();
        }
        if (!first.is("with")) {
            return Optional.of(new Found("starts with " + first.text().toUpperCase(Locale.ROOT) + ", which is not a query", first.line()));
        }
        i = afterCommonTableExpressions(i + 1);
        if (i < 0) {
            return Optional.of(new Found("has a WITH clause that is not a list of name AS (query)", first.line()));
        }
        i = skipOpening(i);
        if (i >= tokens.size()) {
            return Optional.of(new Found("has a WITH clause and nothing after it", first.line()));
        }
        Token main = tokens.get(i);
        return main.is("select") ? Optional.empty()
                : Optional.of(new Found("uses its WITH clause for " + main.text().toUpperCase(Locale.ROOT) + ", which is not a query",
                main.line()));
    }

    private int skipOpening(int i) {
        while (i < tokens.size() && tokens.get(i).isPunctuation('(')) {
            i++;
        }
        return i;
    }

    /** The index after {@code [RECURSIVE] name [(columns)] AS [NOT] [MATERIALIZED] (…) [, …]}, or -1. */
    private int afterCommonTableExpressions(int i) {
        if (i < tokens.size() && tokens.get(i).is("recursive")) {
            i++;
        }
        while (true) {
            if (i >= tokens.size() || !tokens.get(i).isName()) {
                return -1;
            }
            i++;
            if (i < tokens.size() && tokens.get(i).isPunctuation('(')) {
                i = afterParenthesis(i);
            }
            if (i < 0 || i >= tokens.size() || !tokens.get(i).is("as")) {
                return -1;
            }
            i++;
            if (i < tokens.size() && tokens.get(i).is("not")) {
                i++;
            }
            if (i < tokens.size() && tokens.get(i).is("materialized")) {
                i++;
            }
            if (i >= tokens.size() || !tokens.get(i).isPunctuation('(')) {
                return -1;
            }
            i = afterParenthesis(i);
            if (i < 0) {
                return -1;
            }
            if (i < tokens.size() && tokens.get(i).isPunctuation(',')) {
                i++;
                continue;
            }
            return i;
        }
    }

    /** The index after the parenthesis that closes the one at {@code open}, or -1. */
    private int afterParenthesis(int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.isPunctuation('(')) {
                depth++;
            } else if (token.isPunctuation(')') && --depth == 0) {
                return i + 1;
            }
        }
        return -1;
    }

    /**
     * Words and punctuation with their line. Skipped: {@code --} comments (to a line feed or carriage return) and
     * (nested) block comments, '…' text (with ''
     * inside, and backslash escapes after E), $tag$…$tag$ text and {{ … }} placeholders; "…" is a word.
     */
    static List<Token> tokenize(String sql) {
        List<Token> tokens = new ArrayList<>();
        int line = 1;
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            int start = i;
            int startLine = line;
            if (c == '\n') {
                line++;
                i++;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                // As in DuckDB's (PostgreSQL's) scanner, a lone carriage return ends the comment too.
                while (i < n && sql.charAt(i) != '\n' && sql.charAt(i) != '\r') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int depth = 0;
                while (i < n) {
                    if (sql.startsWith("/*", i)) {
                        depth++;
                        i += 2;
                    } else if (sql.startsWith("*/", i)) {
                        depth--;
                        i += 2;
                        if (depth == 0) {
                            break;
                        }
                    } else {
                        line += sql.charAt(i) == '\n' ? 1 : 0;
                        i++;
                    }
                }
            } else if (c == '\'') {
                boolean escapes = start > 0 && (sql.charAt(start - 1) == 'E' || sql.charAt(start - 1) == 'e')
                        && (start < 2 || !Character.isLetterOrDigit(sql.charAt(start - 2)) && sql.charAt(start - 2) != '_');
                i++;
                while (i < n) {
                    char d = sql.charAt(i);
                    if (escapes && d == '\\' && i + 1 < n) {
                        line += sql.charAt(i + 1) == '\n' ? 1 : 0;
                        i += 2;
                    } else if (d == '\'' && i + 1 < n && sql.charAt(i + 1) == '\'') {
                        i += 2;
                    } else if (d == '\'') {
                        i++;
                        break;
                    } else {
                        line += d == '\n' ? 1 : 0;
                        i++;
                    }
                }
                if (escapes && !tokens.isEmpty() && tokens.get(tokens.size() - 1).is("e")) {
                    tokens.remove(tokens.size() - 1);
                }
            } else if (c == '"') {
                StringBuilder name = new StringBuilder();
                i++;
                while (i < n) {
                    char d = sql.charAt(i);
                    if (d == '"' && i + 1 < n && sql.charAt(i + 1) == '"') {
                        name.append('"');
                        i += 2;
                    } else if (d == '"') {
                        i++;
                        break;
                    } else {
                        line += d == '\n' ? 1 : 0;
                        name.append(d);
                        i++;
                    }
                }
                tokens.add(new Token(name.toString(), Kind.QUOTED, startLine));
            } else if (c == '$' && dollarTag(sql, i) != null) {
                String tag = dollarTag(sql, i);
                int end = sql.indexOf(tag, i + tag.length());
                end = end < 0 ? n : end + tag.length();
                for (int k = i; k < end; k++) {
                    line += sql.charAt(k) == '\n' ? 1 : 0;
                }
                i = end;
            } else if (c == '{' && i + 1 < n && sql.charAt(i + 1) == '{') {
                int end = sql.indexOf("}}", i);
                end = end < 0 ? n : end + 2;
                for (int k = i; k < end; k++) {
                    line += sql.charAt(k) == '\n' ? 1 : 0;
                }
                // A placeholder stands for a value or an expression: a word, so that it is never taken for a keyword.
                tokens.add(new Token("{{}}", Kind.QUOTED, startLine));
                i = end;
            } else if (Character.isLetterOrDigit(c) || c == '_') {
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_' || sql.charAt(i) == '$')) {
                    i++;
                }
                tokens.add(new Token(sql.substring(start, i), Kind.WORD, startLine));
            } else {
                tokens.add(new Token(String.valueOf(c), Kind.PUNCTUATION, startLine));
                i++;
            }
        }
        return tokens;
    }

    /** The opening {@code $tag$} of dollar-quoted text at {@code i}, or null. */
    private static String dollarTag(String sql, int i) {
        int j = i + 1;
        while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
            j++;
        }
        if (j < sql.length() && sql.charAt(j) == '$' && (j == i + 1 || !Character.isDigit(sql.charAt(i + 1)))) {
            return sql.substring(i, j + 1);
        }
        return null;
    }
}
