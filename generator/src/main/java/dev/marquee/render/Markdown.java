package dev.marquee.render;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.DelimitedLinkNode;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.RefNode;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import dev.marquee.format.MarkdownSyntax;

import java.util.ArrayList;
import java.util.List;

/**
 * Narrative Markdown to HTML. Raw HTML in the Markdown is escaped, so a question file cannot inject markup; links and
 * images stay only when they point inside the site (a relative URL): any other link becomes its text and any other
 * image its alt text, so a page neither sends a reader elsewhere nor makes the browser fetch from another server.
 * (Values from data are escaped before they reach the Markdown: see report.Narrative.)
 */
final class Markdown {

    private static final DataHolder OPTIONS = new MutableDataSet(MarkdownSyntax.OPTIONS)
            .set(HtmlRenderer.ESCAPE_HTML, true)
            .set(HtmlRenderer.SOFT_BREAK, " ")
            .toImmutable();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder(OPTIONS).build();

    private Markdown() {
    }

    static String toHtml(String markdown) {
        Document document = MarkdownSyntax.PARSER.parse(markdown);
        keepLinksInsideTheSite(document);
        return RENDERER.render(document);
    }

    private static void keepLinksInsideTheSite(Document document) {
        List<Node> nodes = new ArrayList<>();
        document.getDescendants().forEach(nodes::add);
        for (Node node : nodes) {
            if (node instanceof Image image && !isRelative(image.getUrl())) {
                replace(image, image.getText());
            } else if (node instanceof ImageRef image && !isRelative(referencedUrl(image, document))) {
                replace(image, image.getText().isEmpty() ? image.getReference() : image.getText());
            } else if (node instanceof Link link && !isRelative(link.getUrl())
                    || node instanceof LinkRef ref && !isRelative(referencedUrl(ref, document))) {
                unwrap(node);
            } else if (node instanceof DelimitedLinkNode link && (node instanceof AutoLink || node instanceof MailLink)) {
                // <https://...> and <name@host>: never relative.
                replace(link, link.getText());
            }
        }
    }

    /** The URL a reference link points at; an undefined reference is no link at all (rendered as text), so it passes. */
    private static BasedSequence referencedUrl(RefNode ref, Document document) {
        Reference reference = ref.getReferenceNode(document);
        return reference == null ? BasedSequence.NULL : reference.getUrl();
    }

    /**
     * A URL that stays inside the site: no scheme (javascript:, https:, data:, ...) and not starting with a slash or
     * backslash (protocol-relative {@code //host} and host-relative paths). Read as a browser would: entities decoded
     * (flexmark renders them so), tabs and line breaks removed wherever they are, spaces and controls trimmed.
     */
    static boolean isRelative(BasedSequence url) {
        String text = url.unescape().replaceAll("[\\t\\n\\r]", "").replaceAll("^[\\x00-\\x20]+|[\\x00-\\x20]+$", "");
        if (text.startsWith("/") || text.startsWith("\\")) {
            return false;
        }
        int end = text.length();
        for (char stop : new char[]{'/', '?', '#'}) {
            int at = text.indexOf(stop);
            if (at >= 0) {
                end = Math.min(end, at);
            }
        }
        return text.substring(0, end).indexOf(':') < 0;
    }

    /** A link without its link: its content stays where it was. */
    private static void unwrap(Node link) {
        Node child = link.getFirstChild();
        while (child != null) {
            Node next = child.getNext();
            link.insertBefore(child);
            child = next;
        }
        link.unlink();
    }

    private static void replace(Node node, BasedSequence text) {
        node.insertBefore(new Text(text));
        node.unlink();
    }
}
