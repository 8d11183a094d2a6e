package dev.marquee.pdf;

import com.lowagie.text.pdf.ByteBuffer;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPCellEvent;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfStructureElement;
import com.lowagie.text.pdf.PdfWriter;

import java.nio.charset.StandardCharsets;

/**
 * The PDF's structure tree, as far as OpenPDF 2.0.5 lets it be built: a Document element holding a Figure with its alt
 * text for each chart, in page order. OpenPDF's Document API marks none of the content it lays out (paragraphs, table
 * cells, images) and has no hook before a cell's content is written; a cell event runs just after, when the chart's
 * image is the last thing on the cell's text canvas, so the event wraps that drawing in the Figure's marked-content
 * sequence (docs/pdf-accessibility.md).
 */
final class Tagging {

    private final PdfStructureElement document;

    Tagging(PdfWriter writer) {
        this.document = new PdfStructureElement(writer.getStructureTreeRoot(), PdfName.DOCUMENT);
    }

    /**
     * Adds a paragraph of the page's flow as a structure element ({@code role} H1, H2, P). OpenPDF lays the flow's lines
     * out into a text stream of its own, which it keeps to itself and writes lazily; reaching into its PdfDocument, the
     * lines before the paragraph and the paragraph's own are written out (flushLines) and the latter wrapped in the
     * element's marked content. The same operators in the same order: the page looks the same.
     */
    void add(com.lowagie.text.Document document, PdfWriter writer, com.lowagie.text.Paragraph paragraph, PdfName role)
            throws com.lowagie.text.DocumentException {
        com.lowagie.text.pdf.PdfDocument pdf = writer.getDirectContent().getPdfDocument();
        flushLines(pdf);
        PdfContentByte text = textOf(pdf);
        int page = writer.getPageNumber();
        text.beginMarkedContentSequence(new PdfStructureElement(this.document, role));
        document.add(paragraph);
        if (writer.getPageNumber() != page) {
            throw new IllegalStateException("a tagged paragraph ran on to the next page: " + paragraph.getContent());
        }
        flushLines(pdf);
        text.endMarkedContentSequence();
    }

    private static final java.lang.reflect.Field TEXT;
    private static final java.lang.reflect.Method FLUSH_LINES;

    static {
        try {
            TEXT = com.lowagie.text.pdf.PdfDocument.class.getDeclaredField("text");
            TEXT.setAccessible(true);
            FLUSH_LINES = com.lowagie.text.pdf.PdfDocument.class.getDeclaredMethod("flushLines");
            FLUSH_LINES.setAccessible(true);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static PdfContentByte textOf(com.lowagie.text.pdf.PdfDocument pdf) {
        try {
            return (PdfContentByte) TEXT.get(pdf);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void flushLines(com.lowagie.text.pdf.PdfDocument pdf) throws com.lowagie.text.DocumentException {
        try {
            FLUSH_LINES.invoke(pdf);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } catch (java.lang.reflect.InvocationTargetException e) {
            if (e.getCause() instanceof com.lowagie.text.DocumentException cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** A chart cell's event: the chart drawn last in the cell becomes a Figure with {@code alt} as its alternate text. */
    PdfPCellEvent figure(String alt) {
        return (cell, position, canvases) -> {
            PdfStructureElement figure = new PdfStructureElement(document, PdfName.FIGURE);
            figure.put(PdfName.ALT, new PdfString(alt, PdfString.TEXT_UNICODE));
            wrapLastDrawing(canvases[PdfPTable.TEXTCANVAS], figure);
        };
    }

    /** Puts the last form drawn on {@code canvas} ("q a b c d e f cm /Xf Do Q") inside {@code element}'s marked content. */
    private static void wrapLastDrawing(PdfContentByte canvas, PdfStructureElement element) {
        ByteBuffer buffer = canvas.getInternalBuffer();
        byte[] bytes = buffer.toByteArray();
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        String ending = " Do Q\n";
        int start = text.lastIndexOf("q ");
        if (!text.endsWith(ending) || start < 0 || start > 0 && text.charAt(start - 1) != '\n' || !text.substring(start).contains(" cm /")) {
            throw new IllegalStateException("a chart's cell does not end with its drawing: it cannot be tagged as a figure");
        }
        // The marks are written on a scratch canvas of the same page, which numbers them (MCID) and records them in the
        // page's structure parents, then moved into place.
        PdfContentByte scratch = canvas.getDuplicate();
        scratch.beginMarkedContentSequence(element);
        int opened = scratch.getInternalBuffer().size();
        scratch.endMarkedContentSequence();
        byte[] marks = scratch.getInternalBuffer().toByteArray();
        buffer.reset();
        buffer.append(bytes, 0, start);
        buffer.append(marks, 0, opened);
        buffer.append(bytes, start, bytes.length - start);
        buffer.append(marks, opened, marks.length - opened);
    }
}
