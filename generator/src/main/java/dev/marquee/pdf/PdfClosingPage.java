package dev.marquee.pdf;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.MultiColumnText;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import dev.marquee.engine.Table;
import dev.marquee.format.SafeText;
import dev.marquee.present.Presentation;
import dev.marquee.present.Texts;

import java.util.ArrayList;
import java.util.List;

import static dev.marquee.pdf.PdfStyle.INK;
import static dev.marquee.pdf.PdfStyle.MUTED;
import static dev.marquee.pdf.PdfStyle.cell;

/** The closing pages: the definitions, the data's quality, its sources, the privacy rule and what was left out. */
final class PdfClosingPage {

    private PdfClosingPage() {
    }

    /**
     * The definitions, the data's quality, its sources and what was left out, in two columns that run on to further
     * pages as far as they need: text at 8 points or more. Each heading is held with what follows it.
     */
    static void write(Document document, PdfWriter writer, Tagging tags, Presentation shown, PdfFonts fonts) throws DocumentException {
        tags.add(document, writer, new Paragraph("Data and definitions", new Font(fonts.bold, 17, Font.NORMAL, INK)), PdfName.H1);
        Font body = new Font(fonts.regular, 8.5f, Font.NORMAL, INK);
        MultiColumnText flow = new MultiColumnText();
        flow.addRegularColumns(document.left(), document.right(), 24, 2);
        List<Element> definitions = new ArrayList<>();
        for (Presentation.Definition metric : shown.definitions()) {
            // Whole: a first sentence alone told a subscriber list's reader that MRR counts every subscription, while
            // the next one says it leaves out the members the file marks as having left, as its figure does.
            definitions.add(named(metric.name(), metric.text(), 8, fonts));
        }
        definitions.add(new Paragraph(10.5f, "The SQL behind each figure: the report site's methodology page and each chart's SQL.",
                new Font(fonts.regular, 8, Font.NORMAL, MUTED)));
        section(flow, tags, "Definitions", definitions, fonts);

        PdfPTable table = new PdfPTable(new float[]{3.3f, 1, 1, 1});
        table.setWidthPercentage(100);
        for (String header : List.of(Texts.TABLE, Texts.ROWS_READ, Texts.SET_ASIDE, Texts.ROWS_USED)) {
            table.addCell(cell(header, new Font(fonts.bold, 8, Font.NORMAL, INK), !header.equals(Texts.TABLE)));
        }
        Font small = new Font(fonts.regular, 8, Font.NORMAL, INK);
        // The files' tables only: the built-in reference tables are named under Sources, and their rows are not data.
        for (Presentation.QualityRow quality : shown.quality().stream().filter(q -> !q.builtIn()).toList()) {
            // A table read from several files names them, as the site's Data page does: "member_profiles" alone,
            // 32,500 rows, read as one file's where three files' members are counted.
            PdfPCell named = cell(quality.table(), small, false);
            // And a table made of a file with other rows than the table's says how many the file has.
            List<String> under = new ArrayList<>();
            if (quality.file().contains(" + ")) {
                under.add(SafeText.line(quality.file()));
            }
            if (!quality.fileRows().isEmpty()) {
                under.add("from " + quality.fileRows() + " rows of its file");
            }
            if (!under.isEmpty()) {
                named.getPhrase().add(new Chunk("\n" + String.join("; ", under), new Font(fonts.regular, 8, Font.NORMAL, MUTED)));
                named.setLeading(0, 1.25f);
            }
            table.addCell(named);
            table.addCell(cell(quality.rowsRead(), small, true));
            table.addCell(cell(quality.rowsSetAside(), small, true));
            table.addCell(cell(quality.rowsKept(), small, true));
        }
        table.setHeaderRows(1);
        tags.table(table, false);
        section(flow, tags, "Data quality", List.of(table), fonts);
        section(flow, tags, "Sources", List.of(new Paragraph(shown.sources(), body)), fonts);
        section(flow, tags, "Privacy and suppression", List.of(new Paragraph(shown.privacySummary(), body)), fonts);
        if (!shown.leftOutByQuestion().isEmpty()) {
            List<Element> lines = new ArrayList<>();
            for (var left : shown.leftOutByQuestion()) {
                // Set out as the definitions are: the question in bold, so that each line's start is found.
                lines.add(named(SafeText.line(left.title()), SafeText.line(left.reason()), 8.5f, fonts));
            }
            section(flow, tags, Texts.LEFT_OUT, lines, fonts);
        }
        document.add(flow);
    }

    /** A line that opens with its name in bold: "Watch hours: The sum of ...". */
    private static Paragraph named(String name, String text, float size, PdfFonts fonts) {
        Paragraph line = new Paragraph(10.5f);
        line.add(new Chunk(name + ": ", new Font(fonts.bold, size, Font.NORMAL, INK)));
        line.add(new Chunk(text, new Font(fonts.regular, size, Font.NORMAL, INK)));
        line.setSpacingAfter(2);
        return line;
    }

    /**
     * A heading and its elements: the heading shares a table row with the first of them, and a row is never split
     * from its column's foot, so a heading never ends a column or a page. Each is tagged: the heading an H2, a
     * paragraph a P, a table as its own (OpenPDF tags nothing a MultiColumnText lays out, but a cell's event runs for
     * each cell written, nested ones first).
     */
    static void section(MultiColumnText flow, Tagging tags, String heading, List<Element> elements, PdfFonts fonts) throws DocumentException {
        Paragraph title = new Paragraph(heading, new Font(fonts.bold, 10, Font.NORMAL, INK));
        title.setSpacingBefore(6);
        PdfPCell start = bare();
        start.addElement(tagged(tags, title, PdfName.H2));
        start.addElement(tagged(tags, elements.get(0), PdfName.P));
        PdfPTable together = new PdfPTable(1);
        together.setWidthPercentage(100);
        together.addCell(start);
        flow.addElement(together);
        for (Element element : elements.subList(1, elements.size())) {
            flow.addElement(tagged(tags, element, PdfName.P));
        }
    }

    /** A table as it is (it tags its own cells); anything else in a borderless cell whose text is one {@code role} element. */
    private static PdfPTable tagged(Tagging tags, Element element, PdfName role) {
        if (element instanceof PdfPTable table) {
            return table;
        }
        PdfPCell cell = bare();
        cell.addElement(element);
        cell.setCellEvent(tags.block(role));
        PdfPTable holder = new PdfPTable(1);
        holder.setWidthPercentage(100);
        holder.addCell(cell);
        return holder;
    }

    private static PdfPCell bare() {
        PdfPCell cell = new PdfPCell();
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setPadding(0);
        return cell;
    }
}
