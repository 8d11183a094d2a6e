package dev.marquee.pdf;

import com.lowagie.text.pdf.ByteBuffer;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPCellEvent;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfStructureElement;
import com.lowagie.text.pdf.PdfWriter;

import java.nio.charset.StandardCharsets;

/**
 * The PDF's structure tree, as far as OpenPDF 2.0.5 lets it be built (docs/pdf-accessibility.md): under a Document
 * element, in reading order, each page's title (H1), question and takeaway (P), each chart's title (H2) and the chart
 * as a Figure with its alt text, and each page's data table (Table: Caption, TR of TH, TR of TD). OpenPDF's Document API
 * marks none of the content it lays out and has no hook before a cell or paragraph is written, so: a cell's event,
 * which runs just after the cell is written, wraps what the cell added to its canvas; a paragraph of the page's flow is
 * written out early (OpenPDF's internal flushLines, by reflection) and wrapped. Rules and cell backgrounds are artifacts.
 */
final class Tagging extends com.lowagie.text.pdf.PdfPageEventHelper {

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
        open = new PdfStructureElement(this.document, role);
        textOf(pdf).beginMarkedContentSequence(open);
        document.add(paragraph);
        flushLines(pdf);
        // The page's text stream: a new one if the paragraph ran on to the next page (see onEndPage).
        textOf(pdf).endMarkedContentSequence();
        open = null;
    }

    /** The flow's paragraph being added, while it is. */
    private PdfStructureElement open;

    /** A paragraph that runs on to the next page: its marked content ends with this page's lines... */
    @Override
    public void onEndPage(PdfWriter writer, com.lowagie.text.Document document) {
        if (open != null) {
            com.lowagie.text.pdf.PdfDocument pdf = writer.getDirectContent().getPdfDocument();
            try {
                flushLines(pdf);
            } catch (com.lowagie.text.DocumentException e) {
                throw new IllegalStateException(e);
            }
            textOf(pdf).endMarkedContentSequence();
        }
    }

    /** ...and goes on, as the same element, on the next. */
    @Override
    public void onStartPage(PdfWriter writer, com.lowagie.text.Document document) {
        if (open != null) {
            textOf(writer.getDirectContent().getPdfDocument()).beginMarkedContentSequence(open);
        }
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
        return (cell, position, canvases) -> wrapLastDrawing(canvases[PdfPTable.TEXTCANVAS], alt);
    }

    /** Where each canvas's content was last tagged (or set aside as an artifact) up to. */
    private final java.util.Map<ByteBuffer, Integer> tagged = new java.util.IdentityHashMap<>();

    /**
     * Tags a data table as a Table: its first row (the title, spanning the table) a Caption, its second row a TR of TH
     * (scope Column), the rest TR of TD. Each cell's event wraps what its cell wrote on the text canvas since the cell
     * before it; the table's event sets its rules and backgrounds aside as artifacts. For tables that do not break
     * across pages (a repeated header would be tagged twice).
     */
    void table(PdfPTable table) {
        table(table, true);
    }

    /** The same for a table whose first row is its header row when it has no title row ({@code captioned} false). */
    void table(PdfPTable table, boolean captioned) {
        int first = captioned ? 1 : 0;
        PdfStructureElement[] element = new PdfStructureElement[1];
        java.util.List<PdfStructureElement> rows = new java.util.ArrayList<>();
        for (int r = 0; r < table.getRows().size(); r++) {
            int row = r;
            PdfName role = captioned && row == 0 ? PdfName.CAPTION : row == first ? PdfName.TH : PdfName.TD;
            for (com.lowagie.text.pdf.PdfPCell cell : table.getRow(r).getCells()) {
                if (cell == null) {
                    continue;
                }
                cell.setCellEvent((c, position, canvases) -> {
                    if (element[0] == null) {
                        element[0] = new PdfStructureElement(document, PdfName.TABLE);
                    }
                    PdfStructureElement parent = element[0];
                    if (row >= first) {
                        while (rows.size() <= row - first) {
                            rows.add(null);
                        }
                        if (rows.get(row - first) == null) {
                            rows.set(row - first, new PdfStructureElement(element[0], new PdfName("TR")));
                        }
                        parent = rows.get(row - first);
                    }
                    PdfStructureElement tag = new PdfStructureElement(parent, role);
                    if (role.equals(PdfName.TH)) {
                        com.lowagie.text.pdf.PdfDictionary attributes = new com.lowagie.text.pdf.PdfDictionary();
                        attributes.put(PdfName.O, PdfName.TABLE);
                        attributes.put(new PdfName("Scope"), new PdfName("Column"));
                        tag.put(PdfName.A, attributes);
                    }
                    wrapSince(canvases[PdfPTable.TEXTCANVAS], tag);
                });
            }
        }
        furniture(table);
    }

    /** Tags each of a table's cells as one {@code role} element (a KPI tile, a panel: P), in order. */
    PdfPCellEvent block(PdfName role) {
        return (cell, position, canvases) -> wrapSince(canvases[PdfPTable.TEXTCANVAS], new PdfStructureElement(document, role));
    }

    /** A list: each cell given an {@link ListTags#item()} event is one of its items. */
    ListTags list() {
        return new ListTags();
    }

    /** An L element, made with its first item, and an LI with an LBody per item, in order. */
    final class ListTags {
        private PdfStructureElement list;

        PdfPCellEvent item() {
            return (cell, position, canvases) -> {
                if (list == null) {
                    list = new PdfStructureElement(document, new PdfName("L"));
                }
                PdfStructureElement item = new PdfStructureElement(list, new PdfName("LI"));
                wrapSince(canvases[PdfPTable.TEXTCANVAS], new PdfStructureElement(item, new PdfName("LBody")));
            };
        }
    }

    /**
     * One element of a cell's column tagged on its own (a heading, a list item), not as part of the cell: held in a
     * table of one borderless cell whose event tags it, since an event is the only hook OpenPDF gives.
     */
    static PdfPTable tagged(com.lowagie.text.Element element, PdfPCellEvent tag) {
        return tagged(element, tag, 0);
    }

    /** As {@link #tagged(com.lowagie.text.Element, PdfPCellEvent)}, {@code before} points below what comes before (a cell keeps no paragraph's spacing at its top). */
    static PdfPTable tagged(com.lowagie.text.Element element, PdfPCellEvent tag, float before) {
        PdfPCell cell = new PdfPCell();
        cell.setBorder(com.lowagie.text.Rectangle.NO_BORDER);
        cell.setPadding(0);
        cell.setPaddingTop(before);
        cell.addElement(element);
        cell.setCellEvent(tag);
        PdfPTable holder = new PdfPTable(1);
        holder.setWidthPercentage(100);
        holder.addCell(cell);
        return holder;
    }

    /** Sets a table's rules and cell backgrounds aside as artifacts: drawing, not content. */
    void furniture(PdfPTable table) {
        table.setTableEvent((t, widths, heights, headerRows, rowStart, canvases) -> {
            for (int canvas : new int[] {PdfPTable.BACKGROUNDCANVAS, PdfPTable.LINECANVAS}) {
                ByteBuffer buffer = canvases[canvas].getInternalBuffer();
                int start = tagged.getOrDefault(buffer, 0);
                if (buffer.size() > start) {
                    byte[] bytes = buffer.toByteArray();
                    buffer.reset();
                    buffer.append(bytes, 0, start);
                    buffer.append("/Artifact BMC\n".getBytes(StandardCharsets.ISO_8859_1));
                    buffer.append(bytes, start, bytes.length - start);
                    buffer.append("EMC\n".getBytes(StandardCharsets.ISO_8859_1));
                    tagged.put(buffer, buffer.size());
                }
            }
        });
    }

    /** Wraps what {@code canvas} gained since it was last tagged in {@code element}'s marked content. */
    private void wrapSince(PdfContentByte canvas, PdfStructureElement element) {
        ByteBuffer buffer = canvas.getInternalBuffer();
        int start = tagged.getOrDefault(buffer, 0);
        if (buffer.size() > start) {
            wrap(canvas, start, buffer.size(), element);
        }
    }

    /** Wraps bytes {@code start} to {@code end} of {@code canvas} in {@code element}'s marked content. */
    private void wrap(PdfContentByte canvas, int start, int end, PdfStructureElement element) {
        ByteBuffer buffer = canvas.getInternalBuffer();
        byte[] bytes = buffer.toByteArray();
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
        buffer.append(bytes, start, end - start);
        buffer.append(marks, opened, marks.length - opened);
        buffer.append(bytes, end, bytes.length - end);
        tagged.put(buffer, Math.max(tagged.getOrDefault(buffer, 0), end + marks.length));
    }

    /**
     * Tags what a chart cell wrote since the cell before it: its title an H2, then the chart, the last form drawn
     * ("q a b c d e f cm /Xf Do Q"), a Figure with {@code alt}.
     */
    private void wrapLastDrawing(PdfContentByte canvas, String alt) {
        int start = lastDrawing(canvas);
        // What the cell wrote before its chart is the chart's title: a heading under the page's.
        int from = tagged.getOrDefault(canvas.getInternalBuffer(), 0);
        if (start > from) {
            wrap(canvas, from, start, new PdfStructureElement(document, PdfName.H2));
            start = lastDrawing(canvas);
        }
        // Created after the title's heading: the structure tree's order is the reading order.
        PdfStructureElement figure = new PdfStructureElement(document, PdfName.FIGURE);
        figure.put(PdfName.ALT, new PdfString(alt, PdfString.TEXT_UNICODE));
        wrap(canvas, start, canvas.getInternalBuffer().size(), figure);
    }

    /** Where the last form drawn on {@code canvas} ("q a b c d e f cm /Xf Do Q"), at its end, starts. */
    private static int lastDrawing(PdfContentByte canvas) {
        String text = new String(canvas.getInternalBuffer().toByteArray(), StandardCharsets.ISO_8859_1);
        int start = text.lastIndexOf("q ");
        if (!text.endsWith(" Do Q\n") || start < 0 || start > 0 && text.charAt(start - 1) != '\n' || !text.substring(start).contains(" cm /")) {
            throw new IllegalStateException("a chart's cell does not end with its drawing: it cannot be tagged as a figure");
        }
        return start;
    }
}
