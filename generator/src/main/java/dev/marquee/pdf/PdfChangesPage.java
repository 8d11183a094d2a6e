package dev.marquee.pdf;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import dev.marquee.format.SafeText;
import dev.marquee.present.Changes;
import dev.marquee.present.TargetStatus;
import dev.marquee.present.Texts;
import dev.marquee.format.Tone;

import java.util.List;

import static dev.marquee.pdf.PdfStyle.INK;
import static dev.marquee.pdf.PdfStyle.MUTED;
import static dev.marquee.pdf.PdfStyle.cell;
import static dev.marquee.pdf.PdfStyle.colour;

/** The page after the cover: what changed since the previous edition, and where the targets stand. */
final class PdfChangesPage {

    private PdfChangesPage() {
    }

    /** What changed since the previous edition and where the targets stand: the same lines as the site's page. */
    static void write(Document document, PdfWriter writer, Tagging tags, Changes changes, boolean withTargets, PdfFonts fonts)
            throws DocumentException {
        tags.add(document, writer, new Paragraph(changes.title(), new Font(fonts.bold, 17, Font.NORMAL, INK)), PdfName.H1);
        tags.add(document, writer, new Paragraph(changes.since(), new Font(fonts.regular, 10, Font.NORMAL, MUTED)), PdfName.P);
        // A first edition has nothing to compare with: its page is the targets' table alone. The parts stand in two
        // columns, about half their lines on each side, so that the targets' table below stays on the page.
        List<Changes.Part> parts = changes.remembers() ? changes.parts() : List.of();
        int total = parts.stream().mapToInt(p -> p.lines().size() + 2).sum();
        PdfPCell[] sides = {new PdfPCell(), new PdfPCell()};
        int written = 0;
        int column = 0;
        for (Changes.Part part : parts) {
            int size = part.lines().size() + 2;
            // A part goes right, and every one after it, once most of it would lie past the middle.
            if (written > 0 && 2 * written + size > total) {
                column = 1;
            }
            PdfPCell side = sides[column];
            written += size;
            Paragraph heading = new Paragraph(SafeText.line(part.heading()), new Font(fonts.bold, 11, Font.NORMAL, INK));
            heading.setSpacingBefore(8);
            side.addElement(Tagging.tagged(heading, tags.block(PdfName.H2)));
            Tagging.ListTags list = tags.list();
            for (Changes.Line line : part.lines()) {
                // A bullet hung in the margin; the words that say good or bad news ("Newly missed:") in their colour.
                Paragraph item = new Paragraph(12);
                item.setIndentationLeft(10);
                item.setFirstLineIndent(-10);
                item.add(new Chunk("•  ", new Font(fonts.regular, 9, Font.NORMAL, MUTED)));
                String text = SafeText.line(line.text());
                String lead = SafeText.line(line.lead());
                if (!lead.isEmpty()) {
                    item.add(new Chunk(lead, new Font(fonts.bold, 9, Font.NORMAL, colour(line.tone()))));
                }
                item.add(new Chunk(text.substring(lead.length()), new Font(fonts.regular, 9, Font.NORMAL, INK)));
                side.addElement(Tagging.tagged(item, list.item()));
            }
        }
        if (!parts.isEmpty()) {
            PdfPTable columns = new PdfPTable(2);
            columns.setWidthPercentage(100);
            for (PdfPCell side : sides) {
                side.setBorder(Rectangle.NO_BORDER);
                side.setPadding(0);
                side.setPaddingRight(12);
                if (side.getCompositeElements() == null || side.getCompositeElements().isEmpty()) {
                    side.addElement(new Phrase("", new Font(fonts.regular, 8)));
                }
                columns.addCell(side);
            }
            document.add(columns);
        }
        if (changes.parts().isEmpty() && changes.remembers()) {
            tags.add(document, writer, new Paragraph(Texts.NOTHING_MOVED, new Font(fonts.regular, 10, Font.NORMAL, INK)), PdfName.P);
        }
        if (withTargets && !changes.targets().isEmpty()) {
            Paragraph heading = new Paragraph(Texts.TARGETS, new Font(fonts.bold, 11, Font.NORMAL, INK));
            heading.setSpacingBefore(10);
            heading.setSpacingAfter(4);
            tags.add(document, writer, heading, PdfName.H2);
            PdfPTable table = new PdfPTable(new float[] {3, 1, 5});
            table.setWidthPercentage(100);
            table.setHeaderRows(1);
            Font header = new Font(fonts.bold, 8.5f, Font.NORMAL, INK);
            for (String title : Texts.TARGET_COLUMNS) {
                table.addCell(cell(title, header, false));
            }
            Font body = new Font(fonts.regular, 8.5f, Font.NORMAL, INK);
            for (TargetStatus target : changes.targets()) {
                for (PdfPCell cell : List.of(cell(SafeText.line(target.name()), body, false),
                        cell(target.status(), new Font(fonts.bold, 8.5f, Font.NORMAL, colour(target.tone())), false),
                        cell(SafeText.line(target.detail()), body, false))) {
                    cell.setLeading(0, 1.25f);
                    cell.setPaddingBottom(4);
                    table.addCell(cell);
                }
            }
            tags.table(table, false);
            document.add(table);
        }
    }

}
