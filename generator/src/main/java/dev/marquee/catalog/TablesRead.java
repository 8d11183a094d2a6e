package dev.marquee.catalog;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which tables a statement reads: those it names outside its {@code --} comments, in any case, as a word of their own:
 * the characters either side of the name are not letters, digits or underscores, so {@code member} is not read by a
 * statement naming only {@code member_title}. A name in a string literal counts too, which errs towards reading: a
 * table is built, shown or checked that a statement did not need.
 */
public final class TablesRead {

    private static final Pattern COMMENT = Pattern.compile("--[^\\n]*");

    private TablesRead() {
    }

    /** The tables of {@code tables} the statement reads, in their order. */
    public static List<String> among(String sql, List<String> tables) {
        // The statement is lower-cased once and each name found in it as text, its bounds checked where found: a regular
        // expression per table took a tenth of a second per report, asked of every statement and table.
        String code = COMMENT.matcher(sql).replaceAll(" ").toLowerCase(Locale.ROOT);
        return tables.stream().filter(table -> namesAsWord(code, table.toLowerCase(Locale.ROOT))).toList();
    }

    /** Whether {@code name} stands in {@code code} as a word of its own, not as part of a longer one. */
    private static boolean namesAsWord(String code, String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int at = code.indexOf(name); at >= 0; at = code.indexOf(name, at + 1)) {
            int end = at + name.length();
            if ((at == 0 || !isWord(code.codePointBefore(at))) && (end == code.length() || !isWord(code.codePointAt(end)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isWord(int c) {
        return Character.isLetterOrDigit(c) || c == '_' || Character.getType(c) == Character.NON_SPACING_MARK;
    }
}
