package dev.marquee.render;

import dev.marquee.catalog.Catalog;
import dev.marquee.catalog.Question;
import dev.marquee.engine.Column;
import dev.marquee.engine.ColumnType;
import dev.marquee.engine.Table;
import dev.marquee.model.DataModel;
import dev.marquee.query.Answer;
import dev.marquee.report.Narrative;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Values a narrative quotes from the data are text: the narrative {@code The top title is *{{ top.title[0] }}* with
 * {{ top.viewers[0] | members }}.} rendered with a hostile title shows the title's characters, makes no link, image
 * or markup of them, and expands nothing in them.
 */
class NarrativeEscapingTest {

    private static final String NARRATIVE = "The top title is *{{ top.title[0] }}* with {{ top.viewers[0] | members }}.";

    @TempDir
    Path questions;

    private String html;

    @Test
    void javascriptLink_inATitle_isTextNotALink() throws Exception {
        givenTitle("[j](JaVaScRiPt:alert(1))");

        thenHtmlIs("<p>The top title is <em>[j](JaVaScRiPt:alert(1))</em> with 12 members.</p>\n");
    }

    @Test
    void externalImage_inATitle_isTextNotAnImage() throws Exception {
        givenTitle("![p](https://evil.example/t.png)");

        thenHtmlIs("<p>The top title is <em>![p](https://evil.example/t.png)</em> with 12 members.</p>\n");
    }

    @Test
    void placeholder_inATitle_isNotExpandedAgain() throws Exception {
        givenTitle("{{ top.viewers[0] | members }}");

        thenHtmlIs("<p>The top title is <em>{{ top.viewers[0] | members }}</em> with 12 members.</p>\n");
    }

    @Test
    void htmlAndEntities_inATitle_areShownAsWritten() throws Exception {
        givenTitle("<img src=x onerror=alert(1)> &amp; &#106;");

        thenHtmlIs("<p>The top title is <em>&lt;img src=x onerror=alert(1)&gt; &amp;amp; &amp;#106;</em> with 12 members.</p>\n");
    }

    @Test
    void markdownSyntax_inATitle_staysInItsSentence() throws Exception {
        givenTitle("# M*A*S*H\n\n- `code` <https://evil.example> | a | b |");

        thenHtmlIs("<p>The top title is <em># M*A*S*H  - `code` &lt;https://evil.example&gt; | a | b |</em> with 12 members.</p>\n");
    }

    @Test
    void autolinkOfAUrlInATitle_isNotMade() throws Exception {
        givenTitle("see https://evil.example/x and www.evil.example");

        thenHtmlHasNo("<a");
    }

    private void givenTitle(String title) throws Exception {
        Files.writeString(questions.resolve("top.md"), """
                ---
                title: Top
                question: Which title is watched most?
                order: 1
                requires: [titles]
                charts:
                  - id: top
                    query: top
                    kind: table
                    title: Top titles
                    x: title
                    y: viewers
                    unit: members
                ---
                """ + NARRATIVE + "\n");
        Files.writeString(questions.resolve("top.sql"), "-- name: top\nSELECT title, 12 AS viewers FROM titles\n");
        Question question = Catalog.read(questions, Set.copyOf(DataModel.standard().tableNames()),
                DataModel.standard().memberTables()).get(0);
        Table top = new Table(List.of(new Column("title", ColumnType.TEXT), new Column("viewers", ColumnType.INTEGER)),
                List.of(List.of(title, 12L)));
        html = Markdown.toHtml(Narrative.expand(new Answer(question, Map.of("top", top), Map.of())));
    }

    private void thenHtmlIs(String expected) {
        assertEquals(expected, html);
    }

    private void thenHtmlHasNo(String text) {
        assertFalse(html.contains(text), html);
    }
}
