package dev.marquee.format;

import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;

import java.util.List;

/**
 * The Markdown narratives are written in, one dialect for every reader of them: CommonMark with tables (a table's
 * separator may be a single dash). The site renders it to HTML (render.Markdown); the PDF's takeaways read its words
 * (present.Takeaway).
 */
public final class MarkdownSyntax {

    /** The parser's options; a renderer adds its own to these. */
    public static final DataHolder OPTIONS = new MutableDataSet()
            .set(Parser.EXTENSIONS, List.of(TablesExtension.create()))
            .set(TablesExtension.MIN_SEPARATOR_DASHES, 1)
            .toImmutable();

    public static final Parser PARSER = Parser.builder(OPTIONS).build();

    private MarkdownSyntax() {
    }
}
