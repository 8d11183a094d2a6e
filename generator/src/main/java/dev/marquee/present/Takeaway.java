package dev.marquee.present;

/**
 * The first two sentences of a section's narrative, as plain text: the dashboard page's takeaway. At most
 * {@link #MAX_LENGTH} characters (twice the longest of our questions'), so a huge value quoted from the data (a title of
 * a megabyte) does not fill pages of the dashboard: the site shows the narrative whole.
 */
public final class Takeaway {

    public static final int MAX_LENGTH = 800;

    private static final String ESCAPABLE = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    private Takeaway() {
    }

    public static String firstSentence(String text) {
        return sentences(text, 1);
    }

    public static String of(String markdown) {
        return sentences(markdown, 2);
    }

    private static String sentences(String markdown, int wanted) {
        String text = plain(markdown);
        int sentences = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean end = (c == '.' || c == '!' || c == '?') && (i + 1 == text.length() || text.charAt(i + 1) == ' ');
            boolean decimal = c == '.' && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1));
            if (end && !decimal && ++sentences == wanted) {
                return capped(text.substring(0, i + 1));
            }
        }
        return capped(text);
    }

    private static String capped(String text) {
        if (text.length() <= MAX_LENGTH) {
            return text;
        }
        int cut = text.lastIndexOf(' ', MAX_LENGTH - 1);
        return text.substring(0, cut > MAX_LENGTH / 2 ? cut : MAX_LENGTH - 1).stripTrailing() + "…";
    }

    /**
     * Markdown as the words it shows, on one line: no heading marks, emphasis or code marks, a link as its text. A
     * backslash-escaped character (how values from data are put into a narrative) is that character, as written.
     */
    public static String plain(String markdown) {
        String source = markdown.replaceAll("(?m)^#+\\s*", "");
        StringBuilder text = new StringBuilder(source.length());
        int linkStart = -1;
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '\\' && i + 1 < source.length() && ESCAPABLE.indexOf(source.charAt(i + 1)) >= 0) {
                text.append(source.charAt(++i));
            } else if (c == '*' || c == '_' || c == '`') {
                continue;
            } else if (c == '[') {
                linkStart = text.length();
                text.append(c);
            } else if (c == ']' && linkStart >= 0 && i + 1 < source.length() && source.charAt(i + 1) == '(') {
                // [text](url): the text stays, the brackets and the URL go.
                int close = source.indexOf(')', i + 2);
                text.deleteCharAt(linkStart);
                linkStart = -1;
                i = close < 0 ? source.length() : close;
            } else {
                text.append(c);
            }
        }
        return text.toString().replaceAll("\\s+", " ").trim();
    }
}
