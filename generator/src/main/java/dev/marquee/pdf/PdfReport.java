package dev.marquee.pdf;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfAction;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfDestination;
import com.lowagie.text.pdf.PdfLiteral;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfOutline;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;

import dev.marquee.catalog.Unit;
import dev.marquee.chart.RenderedChart;
import dev.marquee.engine.Table;
import dev.marquee.format.Formats;
import dev.marquee.publish.Output;
import dev.marquee.report.Report;
import dev.marquee.report.Section;
import dev.marquee.validate.TableQuality;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;

/**
 * The PDF dashboard: a cover with the headline charts, one page per question with its charts drawn as vectors and a
 * compact table, and a closing page on the data. Deterministic: dates and the file id come from the as-of date.
 */
public final class PdfReport {

    static final Color INK = new Color(0x1f2328);
    static final Color MUTED = new Color(0x59636e);
    static final Color RULE = new Color(0xd8dee4);
    private static final float MARGIN = 36;

    private PdfReport() {
    }

    public static void write(Report report, Output output, String fileName) {
        output.write(fileName, bytes(report));
    }

    static byte[] bytes(Report report) {
        PdfFonts fonts = PdfFonts.load();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), MARGIN, MARGIN, MARGIN + 22, MARGIN + 18);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setPdfVersion(PdfWriter.VERSION_1_7);
            writer.setFullCompression();
            writer.setViewerPreferences(PdfWriter.PageModeUseOutlines);
            HeaderFooter pageEvents = new HeaderFooter(report, fonts);
            writer.setPageEvent(pageEvents);
            document.addTitle(report.title() + " — " + Formats.date(report.asOf()));
            document.addSubject("Streaming analytics dashboard: " + String.join(", ", report.sections().stream().map(Section::title).toList()));
            document.addAuthor("Marquee");
            document.addCreator("Marquee report generator");
            document.addKeywords("streaming, analytics, watch time, churn, report, " + report.asOf());
            document.open();
            fixDates(writer, report);
            PdfOutline root = writer.getDirectContent().getRootOutline();

            cover(document, writer, report, fonts, root);
            for (Section section : report.sections()) {
                document.newPage();
                bookmark(writer, root, section.title());
                sectionPage(document, writer, section, fonts);
            }
            document.newPage();
            bookmark(writer, root, "Data and definitions");
            closingPage(document, report, fonts);
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("the PDF could not be written: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private static void cover(Document document, PdfWriter writer, Report report, PdfFonts fonts, PdfOutline root)
            throws DocumentException {
        bookmark(writer, root, "Overview");
        document.add(new Paragraph(report.title(), new Font(fonts.bold, 24, Font.NORMAL, INK)));
        Paragraph asOf = new Paragraph("Data as of " + Formats.date(report.asOf()), new Font(fonts.regular, 13, Font.NORMAL, MUTED));
        asOf.setSpacingAfter(10);
        document.add(asOf);
        List<RenderedChart> headlines = new ArrayList<>();
        for (Section section : report.sections()) {
            section.headline().filter(c -> c.chart().isPresent()).ifPresent(headlines::add);
        }
        document.add(chartGrid(writer, fonts, headlines.stream().limit(2).toList(), document, 330));
    }

    private static void sectionPage(Document document, PdfWriter writer, Section section, PdfFonts fonts)
            throws DocumentException {
        document.add(new Paragraph(section.title(), new Font(fonts.bold, 18, Font.NORMAL, INK)));
        Paragraph question = new Paragraph(section.answer().question().question(), new Font(fonts.regular, 11, Font.NORMAL, MUTED));
        question.setSpacingAfter(6);
        document.add(question);
        List<RenderedChart> charts = section.charts().stream().filter(c -> c.chart().isPresent() && c.facetValue().isEmpty()).limit(4).toList();
        document.add(chartGrid(writer, fonts, charts, document, charts.size() <= 2 ? 300 : 200));
        Optional<RenderedChart> first = section.charts().stream().filter(c -> c.facetValue().isEmpty()).findFirst();
        if (first.isPresent()) {
            PdfPTable table = compactTable(first.get(), fonts, charts.size() <= 2 ? 6 : 3);
            table.setSpacingBefore(8);
            document.add(table);
        }
    }

    /** Charts side by side (two per row), each drawn as vectors into a template that flows like an image. */
    private static PdfPTable chartGrid(PdfWriter writer, PdfFonts fonts, List<RenderedChart> charts, Document document, float height)
            throws DocumentException {
        int columns = charts.size() <= 1 ? 1 : 2;
        PdfPTable grid = new PdfPTable(columns);
        grid.setWidthPercentage(charts.size() == 1 ? 75 : 100);
        grid.setHorizontalAlignment(Element.ALIGN_LEFT);
        float width = (document.right() - document.left()) * (charts.size() == 1 ? 0.75f : 1f) / columns - 8;
        for (RenderedChart chart : charts) {
            PdfPCell cell = new PdfPCell(vectorImage(writer, fonts, chart, width, height), true);
            cell.setBorder(Rectangle.NO_BORDER);
            cell.setPadding(4);
            grid.addCell(cell);
        }
        if (charts.size() > 1 && charts.size() % 2 == 1) {
            PdfPCell empty = new PdfPCell();
            empty.setBorder(Rectangle.NO_BORDER);
            grid.addCell(empty);
        }
        if (charts.isEmpty()) {
            grid.addCell(cell("No chart for this period.", new Font(fonts.regular, 10, Font.NORMAL, MUTED), false));
        }
        return grid;
    }

    private static Image vectorImage(PdfWriter writer, PdfFonts fonts, RenderedChart chart, float width, float height) throws DocumentException {
        PdfTemplate template = writer.getDirectContent().createTemplate(width, height);
        Graphics2D graphics = template.createGraphics(width, height, fonts.chartFonts);
        chart.draw(graphics, new Rectangle2D.Double(0, 0, width, height));
        graphics.dispose();
        Image image = Image.getInstance(template);
        image.setAlt(chart.altText());
        return image;
    }

    private static void closingPage(Document document, Report report, PdfFonts fonts) throws DocumentException {
        document.add(new Paragraph("Data and definitions", new Font(fonts.bold, 18, Font.NORMAL, INK)));
        Font body = new Font(fonts.regular, 10, Font.NORMAL, INK);
        Paragraph intro = new Paragraph("Every figure comes from one SQL query over the data below, as of "
                + Formats.date(report.asOf()) + ". Groups describing fewer than " + report.parameters().minGroupSize()
                + " members are merged or suppressed; no member is identified.", body);
        intro.setSpacingAfter(8);
        document.add(intro);
        PdfPTable table = new PdfPTable(new float[]{2, 3, 1.2f, 1.2f, 1.2f});
        table.setWidthPercentage(100);
        for (String header : List.of("Table", "File", "Rows read", "Set aside", "Rows used")) {
            table.addCell(cell(header, new Font(fonts.bold, 9, Font.NORMAL, INK), header.startsWith("Rows") || header.equals("Set aside")));
        }
        Font small = new Font(fonts.regular, 9, Font.NORMAL, INK);
        for (TableQuality quality : report.quality().tables()) {
            table.addCell(cell(quality.table(), small, false));
            table.addCell(cell(quality.file(), small, false));
            table.addCell(cell(Formats.full(quality.rowsRead(), Unit.COUNT), small, true));
            table.addCell(cell(Formats.full(quality.rowsSetAside(), Unit.COUNT), small, true));
            table.addCell(cell(Formats.full(quality.rowsKept(), Unit.COUNT), small, true));
        }
        document.add(table);
        if (!report.leftOut().isEmpty()) {
            Paragraph left = new Paragraph("Left out for lack of data: " + String.join("; ", report.leftOut().stream()
                    .map(l -> l.question().title() + " (" + l.reason() + ")").toList()), body);
            left.setSpacingBefore(8);
            document.add(left);
        }
    }

    static PdfPTable compactTable(RenderedChart chart, PdfFonts fonts, int maxRows) {
        Table data = chart.data();
        PdfPTable table = new PdfPTable(data.columns().size());
        table.setWidthPercentage(100);
        Font header = new Font(fonts.bold, 8, Font.NORMAL, INK);
        Font body = new Font(fonts.regular, 8, Font.NORMAL, INK);
        for (var column : data.columns()) {
            table.addCell(cell(column.name().replace('_', ' '), header, column.type().isNumeric()));
        }
        // The latest rows matter most on a dashboard.
        int from = Math.max(0, data.rowCount() - maxRows);
        for (int r = from; r < data.rowCount(); r++) {
            List<Object> row = data.rows().get(r);
            for (int i = 0; i < row.size(); i++) {
                Unit unit = chart.spec().y().contains(data.columns().get(i).name()) ? chart.spec().unit() : Unit.COUNT;
                table.addCell(cell(Formats.cell(row.get(i), unit), body, data.columns().get(i).type().isNumeric()));
            }
        }
        table.setHeaderRows(1);
        return table;
    }

    private static PdfPCell cell(String text, Font font, boolean numeric) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setBorder(Rectangle.BOTTOM);
        cell.setBorderColor(RULE);
        cell.setPadding(3);
        cell.setHorizontalAlignment(numeric ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
        return cell;
    }

    private static void bookmark(PdfWriter writer, PdfOutline root, String title) {
        new PdfOutline(root, PdfAction.gotoLocalPage(writer.getPageNumber(), new PdfDestination(PdfDestination.FIT), writer), title);
    }

    /** Creation and modification dates are the as-of date, and the file id a hash of the report's identity. */
    private static void fixDates(PdfWriter writer, Report report) {
        Calendar asOf = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        asOf.clear();
        asOf.set(report.asOf().getYear(), report.asOf().getMonthValue() - 1, report.asOf().getDayOfMonth());
        writer.getInfo().put(PdfName.CREATIONDATE, new PdfDate(asOf));
        writer.getInfo().put(PdfName.MODDATE, new PdfDate(asOf));
        writer.getInfo().put(PdfName.PRODUCER, new PdfString("Marquee (OpenPDF)"));
        String id = HexFormat.of().formatHex(sha256(report.title() + "|" + report.asOf()), 0, 16);
        writer.getInfo().put(PdfName.FILEID, new PdfLiteral("[<" + id + "><" + id + ">]"));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Report name and as-of date on top of every page; "page X of Y" at the bottom. */
    private static final class HeaderFooter extends PdfPageEventHelper {
        private final Report report;
        private final PdfFonts fonts;
        private PdfTemplate total;

        HeaderFooter(Report report, PdfFonts fonts) {
            this.report = report;
            this.fonts = fonts;
        }

        @Override
        public void onOpenDocument(PdfWriter writer, Document document) {
            total = writer.getDirectContent().createTemplate(40, 12);
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            PdfContentByte canvas = writer.getDirectContent();
            Font small = new Font(fonts.regular, 8, Font.NORMAL, MUTED);
            float headerY = document.getPageSize().getHeight() - MARGIN + 6;
            ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT, new Phrase(report.title(), small), document.left(), headerY, 0);
            ColumnText.showTextAligned(canvas, Element.ALIGN_RIGHT, new Phrase("As of " + Formats.date(report.asOf()), small),
                    document.right(), headerY, 0);
            canvas.saveState();
            canvas.setColorStroke(RULE);
            canvas.setLineWidth(0.5f);
            canvas.moveTo(document.left(), headerY - 5);
            canvas.lineTo(document.right(), headerY - 5);
            canvas.stroke();
            canvas.restoreState();
            String page = "Page " + writer.getPageNumber() + " of ";
            float footerY = MARGIN - 14;
            float pageWidth = fonts.regular.getWidthPoint(page, 8);
            float x = document.right() - pageWidth - 18;
            ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT, new Phrase(page, small), x, footerY, 0);
            canvas.addTemplate(total, x + pageWidth, footerY);
            ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT, new Phrase(new Chunk("Generated by Marquee from the data in the report's data folder", small)),
                    document.left(), footerY, 0);
        }

        @Override
        public void onCloseDocument(PdfWriter writer, Document document) {
            total.beginText();
            total.setFontAndSize(fonts.regular, 8);
            total.setColorFill(MUTED);
            total.setTextMatrix(0, 0);
            total.showText(Integer.toString(writer.getPageNumber() - 1));
            total.endText();
        }
    }
}
