package dev.marquee.pdf;

import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;

import dev.marquee.format.Palette;
import dev.marquee.format.SafeText;
import dev.marquee.format.Tone;

import java.awt.Color;

/** The PDF's colours (the palette's, as every output has them), a tone's colour, and its plain table cells. */
final class PdfStyle {

    static final Color INK = Palette.INK.colour();
    static final Color MUTED = Palette.MUTED.colour();
    static final Color RULE = Palette.RULE.colour();
    static final Color GOOD = Palette.GOOD.colour();
    static final Color BAD = Palette.BAD.colour();
    static final Color CARD = Palette.CARD.colour();
    static final Color ACCENT = Palette.ACCENT.colour();

    private PdfStyle() {
    }

    /** A tone in the palette's colours: good and bad news coloured, the rest grey. */
    static Color colour(Tone tone) {
        return switch (tone) {
            case GOOD -> GOOD;
            case BAD -> BAD;
            case FLAT, NOT_COMPARED -> MUTED;
        };
    }

    static PdfPCell cell(String text, Font font, boolean numeric) {
        PdfPCell cell = new PdfPCell(new Phrase(SafeText.line(text), font));
        cell.setBorder(Rectangle.BOTTOM);
        cell.setBorderColor(RULE);
        cell.setPadding(2);
        cell.setPaddingBottom(3);
        cell.setHorizontalAlignment(numeric ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
        return cell;
    }

    static PdfPCell emptyCell(PdfFonts fonts) {
        // An empty cell still names a font: give it ours, or the PDF would refer to unembedded Helvetica.
        PdfPCell empty = new PdfPCell(new Phrase("", new Font(fonts.regular, 8)));
        empty.setBorder(Rectangle.NO_BORDER);
        return empty;
    }
}
