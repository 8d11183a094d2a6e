package dev.marquee.render;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Links and images in narrative Markdown stay only when they point inside the site: every other link becomes its text,
 * every other image its alt text, whatever way the URL is written.
 */
class MarkdownLinksTest {

    private String html;

    @Test
    void relativeLinkAndImage_stay() {
        whenRendered("See [the churn page](churn.html#cohorts) and ![a chart](img/chart.svg).");

        thenHtmlIs("<p>See <a href=\"churn.html#cohorts\">the churn page</a> and <img src=\"img/chart.svg\" alt=\"a chart\" />.</p>\n");
    }

    @Test
    void fragmentAndQueryLinks_stay() {
        whenRendered("[top](#main) [q](?x=1)");

        thenHtmlIs("<p><a href=\"#main\">top</a> <a href=\"?x=1\">q</a></p>\n");
    }

    @Test
    void javascriptLink_anyCase_becomesItsText() {
        whenRendered("[j](JaVaScRiPt:alert(1))");

        thenHtmlIs("<p>j</p>\n");
    }

    @Test
    void javascriptLink_writtenWithEntities_becomesItsText() {
        whenRendered("[j](&#106;avascript&#58;alert(1)) [k](java&Tab;script:alert(1))");

        thenHtmlIs("<p>j k</p>\n");
    }

    @Test
    void javascriptLink_withWhitespaceInside_becomesItsText() {
        // A browser drops tabs and line breaks anywhere in a URL and spaces and controls around it.
        whenRendered("[j](&#32;javascript:alert(1)) [k](java&#10;script:alert(1)) [l](java&#13;script:alert(1)) [m](&#1;javascript:x)");

        thenHtmlIs("<p>j k l m</p>\n");
    }

    @Test
    void absoluteAndProtocolRelativeLinks_becomeTheirText() {
        whenRendered("[a](https://evil.example) [b](//evil.example/x) [c](/\\evil.example) [d](\\\\evil.example) [e](/root.html)");

        thenHtmlIs("<p>a b c d e</p>\n");
    }

    @Test
    void externalImage_becomesItsAltText() {
        whenRendered("Rated ![p](https://evil.example/t.png) and ![](data:image/png;base64,AAAA).");

        thenHtmlIs("<p>Rated p and .</p>\n");
    }

    @Test
    void referenceLinkAndImage_toOtherServers_becomeTheirText() {
        whenRendered("[j][evil] and ![img][pic] and [ok][here]\n\n[evil]: javascript:alert(1)\n[pic]: https://evil.example/t.png\n[here]: data.html\n");

        thenHtmlIs("<p>j and img and <a href=\"data.html\">ok</a></p>\n");
    }

    @Test
    void autolinks_becomeTheirText() {
        whenRendered("<https://evil.example/x> <someone@evil.example>");

        thenHtmlIs("<p>https://evil.example/x someone@evil.example</p>\n");
    }

    @Test
    void imageInsideAnExternalLink_becomesText() {
        whenRendered("[![logo](https://evil.example/l.png)](https://evil.example)");

        thenHtmlIs("<p>logo</p>\n");
    }

    private void whenRendered(String markdown) {
        html = Markdown.toHtml(markdown);
    }

    private void thenHtmlIs(String expected) {
        assertEquals(expected, html);
    }
}
