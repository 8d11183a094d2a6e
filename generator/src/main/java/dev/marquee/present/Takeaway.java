package dev.marquee.present;

import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Node;
import dev.marquee.format.MarkdownSyntax;

import java.util.ArrayList;
import java.util.List;

/**
 * The first two sentences of a section's narrative, as plain text: the dashboard page's takeaway, and the longer runs
 * of its sentences a page with room may print instead ({@link #choices}). At most
 * {@link #MAX_LENGTH} characters (twice the longest of our questions'), so a huge value quoted from the data (a title of
 * a megabyte) does not fill pages of the dashboard: the site shows the narrative whole.
 */
public final class Takeaway {

    public static final int MAX_LENGTH = 800;
    /** The characters a takeaway of more than two sentences takes at most: four lines of a dashboard page. */
    static final int ROOM = 600;

    private Takeaway() {
    }

    /** The first two sentences of a narrative's Markdown, as the words the site shows. */
    public static String of(String markdown) {
        return choices(markdown).get(0);
    }

    /**
     * The takeaways a dashboard page may print, shortest first: the first two sentences, then with each next sentence
     * while the text stays within {@link #ROOM} characters. The PDF prints the longest its page has room for: the first
     * two alone had dropped what a page's own charts showed (the second file's watch time on a page of several files,
     * the busiest month of signups), while the outlook's whole narrative took a row of its table.
     */
    public static List<String> choices(String markdown) {
        String text = plain(markdown);
        List<String> choices = new ArrayList<>();
        int sentences = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean end = (c == '.' || c == '!' || c == '?') && (i + 1 == text.length() || text.charAt(i + 1) == ' ');
            boolean decimal = c == '.' && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1));
            if (!end || decimal || ++sentences < 2) {
                continue;
            }
            if (sentences > 2 && i + 1 > ROOM) {
                break;
            }
            choices.add(capped(text.substring(0, i + 1)));
        }
        return choices.isEmpty() ? List.of(capped(text)) : List.copyOf(choices);
    }

    private static String capped(String text) {
        if (text.length() <= MAX_LENGTH) {
            return text;
        }
        int cut = text.lastIndexOf(' ', MAX_LENGTH - 1);
        return text.substring(0, cut > MAX_LENGTH / 2 ? cut : MAX_LENGTH - 1).stripTrailing() + "…";
    }

    /**
     * Markdown as the words the site shows, on one line: text without its heading marks, emphasis or code marks, a link
     * as its text, an image as its alt text, a backslash-escaped character (how values from data are put into a
     * narrative) as that character. Read by the CommonMark parser the site renders with, so what is not markup stays as
     * written: the underscores of {@code genre_map}, an asterisk standing alone.
     */
    public static String plain(String markdown) {
        StringBuilder text = new StringBuilder(markdown.length());
        appendText(MarkdownSyntax.PARSER.parse(markdown), text);
        return text.toString().replaceAll("\\s+", " ").trim();
    }

    private static void appendText(Node node, StringBuilder text) {
        if (node instanceof Text || node instanceof HtmlEntity) {
            text.append(node.getChars().unescape());
        } else if (node instanceof Code code) {
            text.append(code.getText());
        } else if (node instanceof Image image) {
            text.append(image.getText().unescape());
        } else if (node instanceof ImageRef image) {
            text.append(image.getText().unescape());
        } else if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
            text.append(' ');
        } else if (node instanceof Reference) {
            // A link's reference definition, [name]: url, shows nothing where it stands.
            return;
        } else if (node.hasChildren()) {
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                appendText(child, text);
            }
            if (node instanceof Block) {
                text.append(' ');
            }
        } else {
            // Raw HTML and anything else the site shows as written (render.Markdown escapes HTML).
            text.append(node.getChars());
        }
    }
}
