package dev.marquee.pdf;

import java.nio.charset.StandardCharsets;

/**
 * The PDF's XMP metadata packet: its title (dc:title), language, producer and dates, and the PDF/UA identification
 * schema (pdfuaid:part 1) a PDF/UA-1 file carries. Written by hand, from the as-of date, so the PDF stays
 * byte-identical (OpenPDF's own XMP writer stamps the current time).
 */
final class PdfXmp {

    private PdfXmp() {
    }

    /** {@code date}: the file's creation and modification date, if it has one. */
    static byte[] packet(String title, java.util.Optional<java.time.LocalDate> date, String language) {
        String xmp = "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                + "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                + "<rdf:Description rdf:about=\"\"\n"
                + "  xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
                + "  xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
                + "  xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
                + "  xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n"
                + "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + escape(title) + "</rdf:li></rdf:Alt></dc:title>\n"
                + "<dc:language><rdf:Bag><rdf:li>" + escape(language) + "</rdf:li></rdf:Bag></dc:language>\n"
                + date.map(day -> "<xmp:CreateDate>" + day + "T00:00:00Z</xmp:CreateDate>\n"
                        + "<xmp:ModifyDate>" + day + "T00:00:00Z</xmp:ModifyDate>\n").orElse("")
                + "<xmp:CreatorTool>Marquee report generator</xmp:CreatorTool>\n"
                + "<pdf:Producer>Marquee (OpenPDF)</pdf:Producer>\n"
                + "<pdfuaid:part>1</pdfuaid:part>\n"
                + "</rdf:Description>\n"
                + "</rdf:RDF>\n"
                + "</x:xmpmeta>\n"
                + "<?xpacket end=\"w\"?>";
        return xmp.getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
