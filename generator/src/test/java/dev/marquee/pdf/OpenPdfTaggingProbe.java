package dev.marquee.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What OpenPDF 2.0.5 tags by itself: a minimal document (a heading, a paragraph, a table with a header row, a figure
 * with alt text) written with the Document API on a tagged writer, with the document-level entries set, and checked
 * with veraPDF's PDF/UA-1 profile. Prints what it finds (the measurement behind docs/pdf-accessibility.md).
 */
class OpenPdfTaggingProbe {

    /** 0: untagged; 1: setTagged and the document's language via Document.setDocumentLanguage; 2: also /Lang in the
     * catalog and no CIDSet; 3: as 2, plus a heading and the figure tagged by hand in the direct content. */
    static byte[] minimal(int variant) throws Exception {
        PdfFonts fonts = PdfFonts.load();
        boolean tagged = variant >= 1;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        writer.setPdfVersion(PdfWriter.VERSION_1_7);
        if (tagged) {
            writer.setTagged();
        }
        writer.setViewerPreferences(PdfWriter.DisplayDocTitle);
        document.addTitle("Probe");
        document.setDocumentLanguage("en-GB");
        if (variant >= 2) {
            writer.getExtraCatalog().put(PdfName.LANG, new PdfString("en-GB"));
            fonts.regular.setIncludeCidSet(false);
            fonts.bold.setIncludeCidSet(false);
        }
        document.open();
        writer.setXmpMetadata(PdfXmp.packet("Probe", java.util.Optional.of(java.time.LocalDate.of(2024, 12, 31)), "en-GB"));
        document.add(new Paragraph("A heading", new Font(fonts.bold, 17)));
        document.add(new Paragraph("A paragraph of body text.", new Font(fonts.regular, 10)));
        PdfPTable table = new PdfPTable(2);
        table.setHeaderRows(1);
        for (String text : List.of("Month", "Hours", "Jan", "12")) {
            table.addCell(new PdfPCell(new Phrase(text, new Font(fonts.regular, 9))));
        }
        document.add(table);
        PdfTemplate template = writer.getDirectContent().createTemplate(100, 50);
        template.rectangle(0, 0, 100, 50);
        template.fill();
        Image figure = Image.getInstance(template);
        figure.setAlt("A black rectangle");
        document.add(figure);
        if (variant == 3) {
            com.lowagie.text.pdf.PdfStructureElement top = new com.lowagie.text.pdf.PdfStructureElement(writer.getStructureTreeRoot(), new PdfName("Document"));
            com.lowagie.text.pdf.PdfStructureElement h1 = new com.lowagie.text.pdf.PdfStructureElement(top, new PdfName("H1"));
            PdfContentByte canvas = writer.getDirectContent();
            canvas.beginMarkedContentSequence(h1);
            com.lowagie.text.pdf.ColumnText.showTextAligned(canvas, com.lowagie.text.Element.ALIGN_LEFT,
                    new Phrase("A heading tagged by hand", new Font(fonts.bold, 17)), 40, 300, 0);
            canvas.endMarkedContentSequence();
            com.lowagie.text.pdf.PdfStructureElement fig = new com.lowagie.text.pdf.PdfStructureElement(top, PdfName.FIGURE);
            fig.put(PdfName.ALT, new PdfString("A black rectangle"));
            canvas.beginMarkedContentSequence(fig);
            canvas.addTemplate(template, 40, 200);
            canvas.endMarkedContentSequence();
        }
        document.close();
        return out.toByteArray();
    }

    @Test
    void measure() throws Exception {
        for (int variant = 0; variant <= 3; variant++) {
            byte[] pdf = minimal(variant);
            java.nio.file.Files.write(java.nio.file.Path.of("/tmp/probe-" + variant + ".pdf"), pdf);
            var failures = PdfUa.failures(pdf);
            System.out.println("minimal document, variant " + variant + ": " + failures.size() + " rules fail");
            failures.forEach(f -> System.out.println("  " + f));
            PdfReader reader = new PdfReader(pdf);
            PdfDictionary root = reader.getCatalog().getAsDict(PdfName.STRUCTTREEROOT);
            System.out.println("  StructTreeRoot: " + (root == null ? "none" : root.getKeys() + " K=" + root.get(PdfName.K)));
            System.out.println("  MarkInfo: " + reader.getCatalog().get(PdfName.MARKINFO) + " Lang: " + reader.getCatalog().get(PdfName.LANG));
            String content = new String(reader.getPageContent(1), StandardCharsets.ISO_8859_1);
            System.out.println("  BDC in page 1: " + content.split("BDC", -1).length + " - 1; /Alt in file: "
                    + new String(pdf, StandardCharsets.ISO_8859_1).contains("/Alt"));
            reader.close();
        }
    }
}
