package dev.marquee.catalog;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Which tables a statement reads: those it names as a word outside its {@code --} comments. A name in a string literal
 * counts too, which errs towards reading: a table is built, shown or checked that a statement did not need.
 */
public final class TablesRead {

    private static final Pattern COMMENT = Pattern.compile("--[^\\n]*");
    /** Each table's name as a word, compiled once: the catalogue and the pages ask of every statement and table. */
    private static final Map<String, Pattern> NAMED = new ConcurrentHashMap<>();

    private TablesRead() {
    }

    /** The tables of {@code tables} the statement reads, in their order, its comments taken out once for all of them. */
    public static List<String> among(String sql, List<String> tables) {
        String code = COMMENT.matcher(sql).replaceAll(" ");
        return tables.stream()
                .filter(table -> NAMED.computeIfAbsent(table, name -> Pattern.compile("(?i)\\b" + Pattern.quote(name) + "\\b")).matcher(code).find())
                .toList();
    }
}
