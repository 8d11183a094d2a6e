package dev.marquee.pdf;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.ListItem;
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

import dev.marquee.format.Unit;
import dev.marquee.chart.RenderedChart;
import dev.marquee.engine.Table;
import dev.marquee.format.Formats;
import dev.marquee.format.Palette;
import dev.marquee.format.SafeText;
import dev.marquee.format.Wording;
import dev.marquee.publish.Output;
import dev.marquee.history.Digest;
import dev.marquee.history.Edition;
import dev.marquee.history.Memory;
import dev.marquee.history.Targets;
import dev.marquee.report.Kpi;
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
 * Text from data goes in on one line with control characters and bidi controls neutralised (SafeText.line); chart
 * labels are made safe where the chart is built.
 */
public final class PdfReport {

    static final Color INK = Palette.INK.colour();
    static final Color MUTED = Palette.MUTED.colour();
    static final Color RULE = Palette.RULE.colour();
    static final Color GOOD = Palette.GOOD.colour();
    static final Color BAD = Palette.BAD.colour();
    static final Color CARD = Palette.CARD.colour();
    static final Color ACCENT = Palette.ACCENT.colour();
    private static final float MARGIN = 36;

    private PdfReport() {
    }

    /**
     * The fonts a PDF embeds, being read on a background thread (a quarter of the PDF's time) while the data loads.
     * Each PDF needs its own: a font records the glyphs the document uses, for its subset.
     */
    public static final class Fonts {
        private final java.util.concurrent.CompletableFuture<PdfFonts> loading;

        private Fonts(java.util.concurrent.CompletableFuture<PdfFonts> loading) {
            this.loading = loading;
        }

        PdfFonts get() {
            return dev.marquee.run.Background.join(loading);
        }
    }

    public static Fonts loadFonts() {
        return new Fonts(java.util.concurrent.CompletableFuture.supplyAsync(PdfFonts::load));
    }

    public static void write(Report report, Output output, String fileName, Fonts fonts) {
        output.write(fileName, bytes(report, Optional.empty(), Targets.none(), fonts.get()));
    }

    /** The PDF; with {@code memory}, tiles carry their targets and sparkline and a page after the cover says what changed. */
    public static void write(Report report, Optional<Memory> memory, Targets targets, Output output, String fileName, Fonts fonts) {
        output.write(fileName, bytes(report, memory, targets, fonts.get()));
    }

    static byte[] bytes(Report report, PdfFonts fonts) {
        return bytes(report, Optional.empty(), Targets.none(), fonts);
    }

    static byte[] bytes(Report report, Optional<Memory> memory, Targets targets, PdfFonts fonts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), MARGIN, MARGIN, MARGIN + 22, MARGIN + 18);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setPdfVersion(PdfWriter.VERSION_1_7);
            writer.setFullCompression();
            // The fastest deflate: the PDF is an eighth larger (300 -> 350 KB on the default data) and written
            // 0.05 s sooner, the PDF being the last stage to end.
            writer.setCompressionLevel(java.util.zip.Deflater.BEST_SPEED);
            writer.setViewerPreferences(PdfWriter.PageModeUseOutlines);
            HeaderFooter pageEvents = new HeaderFooter(report, fonts);
            writer.setPageEvent(pageEvents);
            document.addTitle(report.title() + ", " + report.dateline());
            document.addSubject("Streaming analytics dashboard: " + String.join(", ", report.sections().stream().map(Section::title).toList()));
            document.addAuthor("Marquee");
            document.addCreator("Marquee report generator");
            document.addKeywords("streaming, analytics, watch time, churn, report, " + report.asOf());
            document.open();
            fixDates(writer, report);
            PdfOutline root = writer.getDirectContent().getRootOutline();

            cover(document, writer, report, memory, targets, fonts, root);
            if (memory.isPresent() && (!memory.get().digest().parts().isEmpty() || !memory.get().current().shownTargets().isEmpty())) {
                document.newPage();
                bookmark(writer, root, memory.get().changesTitle());
                changesPage(document, memory.get(), fonts);
            }
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

    private static void cover(Document document, PdfWriter writer, Report report, Optional<Memory> memory, Targets targets,
                              PdfFonts fonts, PdfOutline root) throws DocumentException {
        bookmark(writer, root, "Overview");
        document.add(new Paragraph(report.title(), new Font(fonts.bold, 22, Font.NORMAL, INK)));
        String period = report.dataRange() == null || report.dataRange().first() == null ? ""
                : "Period " + Formats.date(report.dataRange().first()) + " – " + Formats.date(report.dataRange().last()) + " · ";
        Paragraph asOf = new Paragraph(period + "data " + report.dateline(), new Font(fonts.regular, 12, Font.NORMAL, MUTED));
        asOf.setSpacingAfter(8);
        document.add(asOf);
        if (!report.kpis().isEmpty()) {
            document.add(kpiTiles(writer, report, memory, targets, fonts));
        }
        List<RenderedChart> headlines = new ArrayList<>();
        for (Section section : report.sections()) {
            section.headline().filter(c -> c.chart().isPresent()).ifPresent(headlines::add);
        }
        PdfPTable charts = chartGrid(writer, fonts, headlines.stream().limit(3).toList(), document, 190, 3);
        charts.setSpacingBefore(8);
        document.add(charts);
    }

    /** One tile per KPI: value, label, and its changes coloured good (green) or bad (red), with the comparison named. */
    private static PdfPTable kpiTiles(PdfWriter writer, Report report, Optional<Memory> memory, Targets targets, PdfFonts fonts)
            throws DocumentException {
        int columns = Math.min(6, report.kpis().size());
        PdfPTable tiles = new PdfPTable(columns);
        tiles.setWidthPercentage(100);
        for (Kpi kpi : report.kpis()) {
            PdfPCell cell = new PdfPCell();
            cell.setBorderColor(RULE);
            cell.setBackgroundColor(CARD);
            cell.setPadding(6);
            Paragraph label = new Paragraph(SafeText.line(kpi.label()) + (kpi.partial() ? " (month to date)" : ""),
                    new Font(fonts.regular, 8, Font.NORMAL, MUTED));
            cell.addElement(label);
            cell.addElement(new Paragraph(SafeText.line(kpi.valueText()), new Font(fonts.bold, 15, Font.NORMAL, INK)));
            if (kpi.compared()) {
                cell.addElement(delta(fonts, kpi.changeVsPreviousMonth(), kpi.trendVsPreviousMonth(), "vs a month earlier"));
                cell.addElement(delta(fonts, kpi.changeVsYearAgo(), kpi.trendVsYearAgo(), "vs a year earlier"));
            }
            Paragraph comparison = new Paragraph(SafeText.line(kpi.comparison()), new Font(fonts.regular, 6.5f, Font.NORMAL, MUTED));
            cell.addElement(comparison);
            if (memory.isPresent()) {
                List<double[]> points = memory.get().sparkline(kpi.id());
                if (points.size() >= 2) {
                    cell.addElement(sparkline(writer, points));
                }
                for (Edition.TargetResult target : memory.get().targetsOf(targets, kpi.id())) {
                    cell.addElement(new Paragraph("Target " + SafeText.line(target.bound().isEmpty() ? target.name() : target.bound())
                            + ": " + target.status().text(), new Font(fonts.bold, 7, Font.NORMAL, tone(target.status()))));
                }
            }
            tiles.addCell(cell);
        }
        for (int i = report.kpis().size(); i % columns != 0; i++) {
            PdfPCell empty = new PdfPCell(new Phrase("", new Font(fonts.regular, 8)));
            empty.setBorder(Rectangle.NO_BORDER);
            tiles.addCell(empty);
        }
        return tiles;
    }

    private static Color tone(Edition.Status status) {
        return switch (status) {
            case MET -> GOOD;
            case MISSED -> BAD;
            case NO_DATA -> MUTED;
        };
    }

    /** A KPI's values across editions as a small vector line, the last value marked. */
    private static Image sparkline(PdfWriter writer, List<double[]> points) throws DocumentException {
        float width = 90;
        float height = 18;
        PdfTemplate template = writer.getDirectContent().createTemplate(width, height);
        template.setColorStroke(ACCENT);
        template.setLineWidth(1.2f);
        float x = 0;
        float y = 0;
        for (int i = 0; i < points.size(); i++) {
            x = (float) (2 + (width - 4) * points.get(i)[0]);
            y = (float) (2 + (height - 4) * points.get(i)[1]);
            if (i == 0) {
                template.moveTo(x, y);
            } else {
                template.lineTo(x, y);
            }
        }
        template.stroke();
        template.setColorFill(ACCENT);
        template.circle(x, y, 1.8f);
        template.fill();
        Image image = Image.getInstance(template);
        image.setSpacingBefore(2);
        return image;
    }

    /** What changed since the previous edition and where the targets stand: the same lines as the site's page. */
    private static void changesPage(Document document, Memory memory, PdfFonts fonts) throws DocumentException {
        document.add(new Paragraph(memory.changesTitle(), new Font(fonts.bold, 17, Font.NORMAL, INK)));
        document.add(new Paragraph(memory.previous().map(p -> "Compared with the edition of " + Formats.date(p.asOf()) + ".")
                .orElse("This is the first edition on record: what changed is reported from the next one on."),
                new Font(fonts.regular, 10, Font.NORMAL, MUTED)));
        // A first edition has nothing to compare with: its page is the targets' table alone.
        for (Digest.Part part : memory.remembers() ? memory.digest().parts() : List.<Digest.Part>of()) {
            Paragraph heading = new Paragraph(SafeText.line(part.heading()), new Font(fonts.bold, 11, Font.NORMAL, INK));
            heading.setSpacingBefore(8);
            document.add(heading);
            com.lowagie.text.List lines = new com.lowagie.text.List(false, 10);
            for (Digest.Line line : part.lines()) {
                // The word that says good or bad news ("Newly missed:", "Met again:") in its colour; the rest in ink.
                String text = SafeText.line(line.text());
                int colon = text.indexOf(": ");
                ListItem item = new ListItem(12);
                if (line.tone() != Digest.Tone.NEUTRAL && colon > 0 && part.heading().equals("Targets")) {
                    item.add(new Chunk(text.substring(0, colon + 1), new Font(fonts.bold, 9, Font.NORMAL, line.tone() == Digest.Tone.GOOD ? GOOD : BAD)));
                    item.add(new Chunk(text.substring(colon + 1), new Font(fonts.regular, 9, Font.NORMAL, INK)));
                } else {
                    item.add(new Chunk(text, new Font(fonts.regular, 9, Font.NORMAL, INK)));
                }
                lines.add(item);
            }
            document.add(lines);
        }
        if (memory.digest().parts().isEmpty() && memory.remembers()) {
            document.add(new Paragraph("Nothing moved beyond its usual spread, and no target changed.", new Font(fonts.regular, 10, Font.NORMAL, INK)));
        }
        if (!memory.current().shownTargets().isEmpty()) {
            Paragraph heading = new Paragraph("Targets and alerts", new Font(fonts.bold, 11, Font.NORMAL, INK));
            heading.setSpacingBefore(10);
            heading.setSpacingAfter(4);
            document.add(heading);
            PdfPTable table = new PdfPTable(new float[] {3, 1, 5});
            table.setWidthPercentage(100);
            table.setHeaderRows(1);
            Font header = new Font(fonts.bold, 8.5f, Font.NORMAL, INK);
            for (String title : List.of("Target", "Status", "This edition")) {
                table.addCell(cell(title, header, false));
            }
            Font body = new Font(fonts.regular, 8.5f, Font.NORMAL, INK);
            for (Edition.TargetResult target : memory.current().shownTargets()) {
                for (PdfPCell cell : List.of(cell(SafeText.line(target.name()), body, false),
                        cell(target.status().text(), new Font(fonts.bold, 8.5f, Font.NORMAL, tone(target.status())), false),
                        cell(SafeText.line(target.detail()), body, false))) {
                    cell.setLeading(0, 1.25f);
                    cell.setPaddingBottom(4);
                    table.addCell(cell);
                }
            }
            document.add(table);
        }
    }

    private static Paragraph delta(PdfFonts fonts, String change, Kpi.Trend trend, String versus) {
        Color color = trend == Kpi.Trend.GOOD ? GOOD : trend == Kpi.Trend.BAD ? BAD : MUTED;
        String arrow = change.startsWith("+") ? "▲ " : change.startsWith("−") ? "▼ " : "";
        Paragraph paragraph = new Paragraph();
        paragraph.add(new Chunk(arrow + change, new Font(fonts.bold, 8, Font.NORMAL, color)));
        paragraph.add(new Chunk(" " + versus, new Font(fonts.regular, 7, Font.NORMAL, MUTED)));
        return paragraph;
    }

    private static void sectionPage(Document document, PdfWriter writer, Section section, PdfFonts fonts)
            throws DocumentException {
        document.add(new Paragraph(section.title(), new Font(fonts.bold, 17, Font.NORMAL, INK)));
        Paragraph question = new Paragraph(section.answer().question().question(), new Font(fonts.regular, 10, Font.NORMAL, MUTED));
        document.add(question);
        // A Paragraph made from a Phrase takes that phrase's (Helvetica) font; start from ours and add the chunks.
        Paragraph takeaway = new Paragraph("", new Font(fonts.regular, 9.5f, Font.NORMAL, INK));
        takeaway.addAll(fonts.phrase(Takeaway.of(section.narrative()), 9.5f, false, INK));
        takeaway.setSpacingBefore(4);
        takeaway.setSpacingAfter(4);
        document.add(takeaway);
        List<RenderedChart> charts = section.charts().stream().filter(c -> c.chart().isPresent() && c.facetValue().isEmpty()).limit(4).toList();
        float height = charts.size() <= 2 ? 250 : 150;
        document.add(chartGrid(writer, fonts, charts, document, height, 2));
        // Taller charts (many bars) leave no room for the data table on the page: the site has it.
        boolean tall = charts.stream().anyMatch(c -> heightFor(c, height) > height);
        Optional<RenderedChart> first = section.charts().stream().filter(c -> c.facetValue().isEmpty() && !c.data().isEmpty()).findFirst();
        if (first.isPresent() && !tall) {
            PdfPTable table = compactTable(first.get(), fonts, charts.size() <= 2 ? 5 : 3);
            table.setSpacingBefore(6);
            document.add(table);
        }
    }

    /** Charts side by side (two per row), each drawn as vectors into a template that flows like an image. */
    private static PdfPTable chartGrid(PdfWriter writer, PdfFonts fonts, List<RenderedChart> charts, Document document, float height,
                                       int maxColumns) throws DocumentException {
        int columns = Math.max(1, Math.min(maxColumns, charts.size()));
        PdfPTable grid = new PdfPTable(columns);
        grid.setWidthPercentage(charts.size() == 1 ? 75 : 100);
        grid.setHorizontalAlignment(Element.ALIGN_LEFT);
        float width = (document.right() - document.left()) * (charts.size() == 1 ? 0.75f : 1f) / columns - 8;
        for (RenderedChart chart : charts) {
            PdfPCell cell = new PdfPCell(vectorImage(writer, fonts, chart, width, heightFor(chart, height)), true);
            cell.setBorder(Rectangle.NO_BORDER);
            cell.setPadding(4);
            grid.addCell(cell);
        }
        for (int i = charts.size(); i % columns != 0; i++) {
            // An empty cell still names a font: give it ours, or the PDF would refer to unembedded Helvetica.
            PdfPCell empty = new PdfPCell(new Phrase("", new Font(fonts.regular, 8)));
            empty.setBorder(Rectangle.NO_BORDER);
            grid.addCell(empty);
        }
        if (charts.isEmpty()) {
            grid.addCell(cell("No chart for this period.", new Font(fonts.regular, 10, Font.NORMAL, MUTED), false));
        }
        return grid;
    }

    /**
     * A horizontal bar chart of many categories (a top 15) gets the height its labels need, about 10 points a bar on
     * paper, so they do not run into each other, as far as the section still fits its page.
     */
    private static float heightFor(RenderedChart chart, float height) {
        if (chart.spec().kind() != dev.marquee.catalog.ChartKind.HBAR) {
            return height;
        }
        long bars = chart.data().columnValues(chart.spec().x()).stream().distinct().count();
        // At most what keeps the section on its page: one row of two charts, or two rows of which one is taller.
        float most = height >= 250 ? 330 : 210;
        return Math.max(height, Math.min(most, 60 + 10 * bars));
    }

    private static Image vectorImage(PdfWriter writer, PdfFonts fonts, RenderedChart chart, float width, float height) throws DocumentException {
        PdfTemplate template = writer.getDirectContent().createTemplate(width, height);
        Graphics2D graphics = template.createGraphics(width, height, fonts.chartFonts);
        // Charts are designed for a 760-point-wide canvas: draw at that scale and shrink, so text keeps its proportion.
        double scale = Math.min(1.0, width / 500.0);
        graphics.scale(scale, scale);
        chart.draw(graphics, new Rectangle2D.Double(0, 0, width / scale, height / scale));
        graphics.dispose();
        Image image = Image.getInstance(template);
        image.setAlt(SafeText.line(chart.altText()));
        return image;
    }

    private static void closingPage(Document document, Report report, PdfFonts fonts) throws DocumentException {
        document.add(new Paragraph("Data and definitions", new Font(fonts.bold, 17, Font.NORMAL, INK)));
        Font body = new Font(fonts.regular, 8.5f, Font.NORMAL, INK);
        Font heading = new Font(fonts.bold, 10, Font.NORMAL, INK);
        PdfPTable columns = new PdfPTable(new float[]{1.25f, 1});
        columns.setWidthPercentage(100);
        PdfPCell left = new PdfPCell();
        left.setBorder(Rectangle.NO_BORDER);
        left.setPaddingRight(12);
        left.addElement(new Paragraph("Definitions", heading));
        for (Report.Definition metric : report.definitions().stream().limit(26).toList()) {
            Paragraph definition = new Paragraph(8.5f);
            definition.add(new Chunk(metric.name() + ": ", new Font(fonts.bold, 7, Font.NORMAL, INK)));
            definition.add(new Chunk(Takeaway.firstSentence(metric.definition()), new Font(fonts.regular, 7, Font.NORMAL, INK)));
            left.addElement(definition);
        }
        left.addElement(new Paragraph("All definitions: the report site's methodology page.", new Font(fonts.regular, 7.5f, Font.NORMAL, MUTED)));
        columns.addCell(left);
        PdfPCell right = new PdfPCell();
        right.setBorder(Rectangle.NO_BORDER);
        right.addElement(new Paragraph("Data quality", heading));
        PdfPTable table = new PdfPTable(new float[]{2, 1.2f, 1.2f, 1.2f});
        table.setWidthPercentage(100);
        for (String header : List.of("Table", "Rows read", "Set aside", "Rows used")) {
            table.addCell(cell(header, new Font(fonts.bold, 8, Font.NORMAL, INK), !header.equals("Table")));
        }
        Font small = new Font(fonts.regular, 8, Font.NORMAL, INK);
        for (TableQuality quality : report.quality().tables()) {
            table.addCell(cell(quality.table(), small, false));
            table.addCell(cell(Formats.full(quality.rowsRead(), Unit.COUNT), small, true));
            table.addCell(cell(Formats.full(quality.rowsSetAside(), Unit.COUNT), small, true));
            table.addCell(cell(Formats.full(quality.rowsKept(), Unit.COUNT), small, true));
        }
        right.addElement(table);
        right.addElement(new Paragraph("Sources", heading));
        right.addElement(new Paragraph("The files of the data folder: " + String.join(", ", report.quality().tables().stream()
                .map(TableQuality::file).map(SafeText::line).toList()) + ". Every figure comes from one SQL query over them, as of "
                + report.dateline() + ".", body));
        right.addElement(new Paragraph("Privacy and suppression", heading));
        right.addElement(new Paragraph("Only aggregates are published. " + dev.marquee.privacy.Disclosure.rule(report.parameters().minGroupSize())
                + " No member id or name appears anywhere.", body));
        if (!report.leftOut().isEmpty()) {
            right.addElement(new Paragraph("Left out for lack of data", heading));
            for (var left2 : report.leftOut()) {
                right.addElement(new Paragraph(SafeText.line(left2.question().title() + ": " + left2.reason()), body));
            }
        }
        columns.addCell(right);
        document.add(columns);
    }

    static PdfPTable compactTable(RenderedChart chart, PdfFonts fonts, int maxRows) {
        Table data = chart.data();
        PdfPTable table = new PdfPTable(data.columns().size());
        table.setWidthPercentage(100);
        Font header = new Font(fonts.bold, 8, Font.NORMAL, INK);
        Font body = new Font(fonts.regular, 8, Font.NORMAL, INK);
        for (var column : data.columns()) {
            table.addCell(cell(Formats.header(column.name()), header, column.type().isNumeric()));
        }
        // The latest rows matter most on a dashboard.
        int from = Math.max(0, data.rowCount() - maxRows);
        for (int r = from; r < data.rowCount(); r++) {
            List<Object> row = data.rows().get(r);
            for (int i = 0; i < row.size(); i++) {
                PdfPCell cell = cell("", body, data.columns().get(i).type().isNumeric());
                // A dashboard cell shows a label's length of text; the site's table and the CSV have it whole.
                String text = dev.marquee.render.SiteRenderer.cellText(row.get(i), chart.spec(), data.columns().get(i).name());
                cell.setPhrase(fonts.phrase(SafeText.label(text), 8, false, INK));
                table.addCell(cell);
            }
        }
        table.setHeaderRows(1);
        return table;
    }

    private static PdfPCell cell(String text, Font font, boolean numeric) {
        PdfPCell cell = new PdfPCell(new Phrase(SafeText.line(text), font));
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
            ColumnText.showTextAligned(canvas, Element.ALIGN_RIGHT, new Phrase(Character.toUpperCase(report.dateline().charAt(0)) + report.dateline().substring(1), small),
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
