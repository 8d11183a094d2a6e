package dev.marquee.pdf;

import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PRStream;

import dev.marquee.Fixtures;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample report's PDF against veraPDF's PDF/UA-1 profile (docs/pdf-accessibility.md): it fails none of its rules,
 * and its structure tree says what a screen reader needs (headings, figures with alt text, tables with header cells).
 */
class PdfAccessibilityTest {

    private static byte[] pdf;
    private static PdfReader reader;

    @BeforeAll
    static void read() throws Exception {
        pdf = Files.readAllBytes(Fixtures.sampleSite().resolve("report.pdf"));
        reader = new PdfReader(pdf);
    }

    @Test
    void pdfUa1_failsNoRule() throws Exception {
        assertEquals(List.of(), PdfUa.failures(pdf), "every piece of content tagged or an artifact, every font embedded");
    }

    @Test
    void catalog_namesTheLanguage_showsTheTitle_isMarked_andClaimsPdfUa1() throws Exception {
        PdfDictionary catalog = reader.getCatalog();

        assertEquals("en", catalog.getAsString(PdfName.LANG).toUnicodeString());
        assertEquals(PdfObject.BOOLEAN, catalog.getAsDict(PdfName.VIEWERPREFERENCES).get(PdfName.DISPLAYDOCTITLE).type());
        assertEquals("true", catalog.getAsDict(PdfName.VIEWERPREFERENCES).get(PdfName.DISPLAYDOCTITLE).toString());
        assertEquals("true", catalog.getAsDict(PdfName.MARKINFO).get(PdfName.MARKED).toString());
        String title = reader.getInfo().get("Title");
        assertTrue(title.startsWith("Marquee streaming report"), title);
        String xmp = new String(reader.getMetadata(), StandardCharsets.UTF_8);
        assertTrue(xmp.contains("<pdfuaid:part>1</pdfuaid:part>"), xmp);
        assertTrue(xmp.contains("<rdf:li xml:lang=\"x-default\">" + title + "</rdf:li>"), xmp);
    }

    @Test
    void pageTitlesAreHeadings_andEveryChartDrawn_isAFigureWithItsAltText() throws Exception {
        // The structure tree: Document, then a Figure with /Alt per chart, in page order.
        PdfDictionary root = reader.getCatalog().getAsDict(PdfName.STRUCTTREEROOT);
        assertNotNull(root, "no structure tree");
        PdfArray tops = (PdfArray) PdfReader.getPdfObject(root.get(PdfName.K));
        assertEquals(1, tops.size(), "one element at the top");
        PdfDictionary top = (PdfDictionary) PdfReader.getPdfObject(tops.getPdfObject(0));
        assertEquals(PdfName.DOCUMENT, top.getAsName(PdfName.S));
        PdfArray kids = (PdfArray) PdfReader.getPdfObject(top.get(PdfName.K));
        List<String> alts = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        for (int i = 0; i < kids.size(); i++) {
            PdfDictionary kid = (PdfDictionary) PdfReader.getPdfObject(kids.getPdfObject(i));
            kinds.add(kid.getAsName(PdfName.S).toString());
            if (PdfName.FIGURE.equals(kid.getAsName(PdfName.S))) {
                PdfString alt = kid.getAsString(PdfName.ALT);
                assertNotNull(alt, "a Figure without /Alt");
                alts.add(alt.toUnicodeString());
            }
        }
        // Each page's title is a heading: the cover, one page per area, the closing page (its run-on page has none).
        assertEquals(List.of("/H1", "/P"), kinds.subList(0, 2), kinds.toString());
        assertEquals(12, kinds.stream().filter("/H1"::equals).count(), kinds.toString());
        assertTrue(Set.of("/H1", "/H2", "/P", "/Figure", "/Table", "/L").containsAll(kinds), kinds.toString());
        // The cover's targets: a heading, what this edition can say, and the targets as a list.
        int list = kinds.indexOf("/L");
        assertEquals(List.of("/H2", "/P", "/L", "/H1"), kinds.subList(list - 2, list + 2), kinds.toString());
        // Each chart's title is a heading just before its Figure.
        for (int i = 0; i < kinds.size(); i++) {
            if (kinds.get(i).equals("/Figure")) {
                assertEquals("/H2", kinds.get(i - 1), "the element before figure " + i + ": " + kinds);
            }
        }
        assertTrue(alts.stream().allMatch(a -> a.length() >= 20), "alt texts say something: " + alts);
        assertTrue(alts.stream().anyMatch(a -> a.contains("Active subscribers") || a.contains("active subscribers")), alts.toString());
        // A bar chart that draws only the bars its page has room for says so to a screen reader too, as its drawing does.
        assertTrue(alts.stream().anyMatch(a -> a.matches("Bar chart: members by country, 18 countries\\..* The \\d+ highest of 18 "
                + "shown; the table on the site lists all\\.")), alts.toString());
        // A page short of room gives its bar charts the height of five bars at least (the charts' measured need, capped);
        // a stacked chart of shares, whose legend takes a row of that height, four.
        for (String alt : alts.stream().filter(a -> a.startsWith("Bar chart")).toList()) {
            java.util.regex.Matcher shown = Pattern.compile("The (\\d+) highest of \\d+ shown").matcher(alt);
            if (shown.find()) {
                assertTrue(Integer.parseInt(shown.group(1)) >= 5, alt);
            }
        }

        // Every form drawn on a page (a chart) outside the page furniture is inside a Figure's marked content, and the
        // figures on the pages are as many as in the tree.
        Pattern drawing = Pattern.compile("(?m)^(/Figure <</MCID \\d+>> BDC\\n)?q [^\\n]* cm /\\w+ Do Q$");
        int figures = 0;
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            String content = new String(reader.getPageContent(page), StandardCharsets.ISO_8859_1);
            // The footer's page count is a form too, inside the pagination artifact.
            String body = content.replaceAll("(?s)/Artifact <</Type/Pagination>> BDC.*?EMC", "");
            Matcher matcher = drawing.matcher(body);
            while (matcher.find()) {
                assertNotNull(matcher.group(1), "page " + page + ": a drawing outside a Figure: " + matcher.group());
                figures++;
            }
        }
        assertEquals(alts.size(), figures, "figures in the tree and on the pages");
        assertTrue(figures >= 20, "the sample's charts: " + figures);
    }

    @Test
    void eachPagesTable_isATableOfCaptionHeaderCellsAndDataCells() throws Exception {
        PdfDictionary root = reader.getCatalog().getAsDict(PdfName.STRUCTTREEROOT);
        PdfDictionary top = (PdfDictionary) PdfReader.getPdfObject(((PdfArray) PdfReader.getPdfObject(root.get(PdfName.K))).getPdfObject(0));
        PdfArray kids = (PdfArray) PdfReader.getPdfObject(top.get(PdfName.K));
        int tables = 0;
        int captioned = 0;
        for (int i = 0; i < kids.size(); i++) {
            PdfDictionary kid = (PdfDictionary) PdfReader.getPdfObject(kids.getPdfObject(i));
            if (!PdfName.TABLE.equals(kid.getAsName(PdfName.S))) {
                continue;
            }
            tables++;
            List<String> structure = new ArrayList<>();
            PdfArray parts = (PdfArray) PdfReader.getPdfObject(kid.get(PdfName.K));
            for (int p = 0; p < parts.size(); p++) {
                PdfDictionary part = (PdfDictionary) PdfReader.getPdfObject(parts.getPdfObject(p));
                StringBuilder row = new StringBuilder(part.getAsName(PdfName.S).toString());
                if (part.getAsName(PdfName.S).toString().equals("/TR")) {
                    PdfArray cells = (PdfArray) PdfReader.getPdfObject(part.get(PdfName.K));
                    for (int c = 0; c < cells.size(); c++) {
                        PdfDictionary cell = (PdfDictionary) PdfReader.getPdfObject(cells.getPdfObject(c));
                        row.append(' ').append(cell.getAsName(PdfName.S));
                        if (cell.getAsName(PdfName.S).equals(PdfName.TH)) {
                            assertEquals("/Column", cell.getAsDict(PdfName.A).get(new PdfName("Scope")).toString());
                        }
                    }
                }
                structure.add(row.toString());
            }
            // A page's table has its title as a caption; the closing page's data-quality table is under its heading.
            if (structure.get(0).equals("/Caption")) {
                captioned++;
                structure = structure.subList(1, structure.size());
            }
            assertTrue(structure.get(0).matches("/TR( /TH)+"), structure.toString());
            assertTrue(structure.size() >= 2, structure.toString());
            for (String row : structure.subList(1, structure.size())) {
                assertEquals(structure.get(0).replace("/TH", "/TD"), row, structure.toString());
            }
        }
        // One table per area page, and the closing page's.
        assertEquals(10, captioned);
        assertEquals(11, tables);
    }

    @Test
    void aParagraphRunningOnToTheNextPage_isOneElementOnBoth_andAFullyTaggedFilePassesTheProfile() throws Exception {
        PdfFonts fonts = PdfFonts.load();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        com.lowagie.text.Document document = new com.lowagie.text.Document(com.lowagie.text.PageSize.A6);
        com.lowagie.text.pdf.PdfWriter writer = com.lowagie.text.pdf.PdfWriter.getInstance(document, out);
        writer.setTagged();
        writer.setViewerPreferences(com.lowagie.text.pdf.PdfWriter.DisplayDocTitle);
        writer.getExtraCatalog().put(PdfName.LANG, new PdfString("en"));
        document.addTitle("Run-on");
        document.open();
        writer.setXmpMetadata(PdfXmp.packet("Run-on", java.util.Optional.of(java.time.LocalDate.of(2024, 12, 31)), "en"));
        Tagging tags = new Tagging(writer);
        writer.setPageEvent(tags);
        tags.add(document, writer, new com.lowagie.text.Paragraph("A heading", new com.lowagie.text.Font(fonts.bold, 14)), PdfName.H1);
        tags.add(document, writer, new com.lowagie.text.Paragraph("Words and more words. ".repeat(200),
                new com.lowagie.text.Font(fonts.regular, 9)), PdfName.P);
        document.close();
        byte[] file = out.toByteArray();

        PdfReader runOn = new PdfReader(file);
        assertTrue(runOn.getNumberOfPages() >= 2, "the paragraph runs on");
        for (int page = 1; page <= runOn.getNumberOfPages(); page++) {
            String content = new String(runOn.getPageContent(page), StandardCharsets.ISO_8859_1);
            assertEquals(content.split("BDC", -1).length, content.split("EMC", -1).length, "balanced on page " + page);
        }
        assertEquals(List.of(), PdfUa.failures(file));
    }

    @Test
    void pageFurniture_isAnArtifact() throws Exception {
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            String content = new String(reader.getPageContent(page), StandardCharsets.ISO_8859_1);
            assertTrue(content.contains("/Artifact <</Type/Pagination>> BDC"), "page " + page);
        }
        assertFalse(new String(pdf, StandardCharsets.ISO_8859_1).contains("/CIDSet"), "a CIDSet (7.21.4.2)");
    }
}
