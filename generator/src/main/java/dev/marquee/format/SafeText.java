package dev.marquee.format;

/**
 * Text from data (titles, countries, ratings, file names) made safe for each place it is shown. Data may hold control
 * characters (ESC starts a terminal escape sequence, a line feed starts a new log line) and the invisible bidi
 * controls that reorder what a reader sees (U+202E shows "exe.txt" as "txt.exe"). Every output uses this class:
 * the site's pages and their SVG, the CSV and JSON files and the PDF neutralise such characters to a visible U+FFFD;
 * messages printed on the command line spell them out instead ({@code \n}, {@code \u001b}), so one value stays one line.
 */
public final class SafeText {

    /** What a neutralised character shows as: the replacement character, visible in every font we use. */
    public static final char REPLACEMENT = '\uFFFD';
    /** The longest label a chart draws; the full text stays in the data table and the CSV. */
    public static final int LABEL_LENGTH = 80;
    private static final char ELLIPSIS = '…';
    private static final String MARKDOWN_PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    private SafeText() {
    }

    /**
     * Text for a page, an SVG, a CSV or JSON file or the PDF: tabs and line feeds stay (a carriage return becomes a
     * line feed); every other control character and every bidi control becomes U+FFFD.
     */
    public static String text(String value) {
        if (value == null || isClean(value, true)) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r') {
                out.append('\n');
                if (i + 1 < value.length() && value.charAt(i + 1) == '\n') {
                    i++;
                }
            } else {
                out.append(c == '\t' || c == '\n' || !isHidden(c) ? c : REPLACEMENT);
            }
        }
        return out.toString();
    }

    /** Text on one line (a label, a table cell of the PDF): as {@link #text}, with tabs and line breaks as spaces. */
    public static String line(String value) {
        if (value == null || isClean(value, false)) {
            return value;
        }
        String text = text(value);
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c == '\t' || c == '\n' ? ' ' : c);
        }
        return out.toString();
    }

    /**
     * A label a chart draws: one line of at most {@link #LABEL_LENGTH} characters, cut with an ellipsis. (JFreeChart
     * wraps a label in time that grows with the square of its length: a 100 KB title took minutes.)
     */
    public static String label(String value) {
        String line = line(value);
        if (line == null || line.codePointCount(0, line.length()) <= LABEL_LENGTH) {
            return line;
        }
        return line.substring(0, line.offsetByCodePoints(0, LABEL_LENGTH - 1)).stripTrailing() + ELLIPSIS;
    }

    /**
     * A value put into Markdown, so that it is read as text and never as Markdown: on one line, with every ASCII
     * punctuation character backslash-escaped (CommonMark allows the escape on all of them). A title
     * {@code [j](javascript:alert(1))} stays those characters, not a link; {@code {{ x.y }}} stays braces.
     */
    public static String markdown(String value) {
        String line = line(value);
        StringBuilder out = new StringBuilder(line.length() + 16);
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (MARKDOWN_PUNCTUATION.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /**
     * A value put inside a line of Markdown (a list item's text, never the start of a line), escaping only what could
     * start markup there: emphasis, code, links, HTML, tables and strikethrough. Numbers, prices and sentences
     * stay readable in the plain-text part of an e-mail, unlike with {@link #markdown}.
     */
    public static String markdownInline(String value) {
        String line = line(value);
        StringBuilder out = new StringBuilder(line.length() + 8);
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if ("\\`*_[]<>|~&".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /**
     * A message for the terminal or a CI log: one line, whatever the values in it hold. Line breaks, tabs and other
     * control characters (ESC) and bidi controls are written as escapes ({@code \n}, {@code \t}, {@code \u001b},
     * {@code \u202e}), so a value cannot start a line of its own (a GitHub Actions {@code ::error} command) or
     * recolour the terminal. Applying it twice changes nothing more.
     */
    public static String message(String value) {
        if (value == null || isClean(value, false) && value.indexOf('\u2028') < 0 && value.indexOf('\u2029') < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (isHidden(c) || c == '\u2028' || c == '\u2029') {
                        out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** A control character (C0, DEL, C1) or a bidi control: shown as itself nowhere. */
    public static boolean isHidden(char c) {
        if (c >= ' ' && c < '\u007F') {
            // Printable ASCII, nearly every character of a page: answered without the Unicode tables.
            return false;
        }
        return Character.getType(c) == Character.CONTROL || isBidiControl(c);
    }

    /** ALM, LRM, RLM, the embeddings and overrides (U+202A–U+202E) and the isolates (U+2066–U+2069). */
    static boolean isBidiControl(char c) {
        return c == '\u061C' || c == '\u200E' || c == '\u200F' || c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069';
    }

    private static boolean isClean(String value, boolean tabsAndLineFeedsAllowed) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (isHidden(c) && !(tabsAndLineFeedsAllowed && (c == '\t' || c == '\n'))) {
                return false;
            }
        }
        return true;
    }
}
