package dev.marquee.pdf;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.ListItem;
import com.lowagie.text.pdf.MultiColumnText;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfAction;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfDestination;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfLiteral;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfOutline;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;

import dev.marquee.chart.RenderedChart;
import dev.marquee.engine.Table;
import dev.marquee.format.Formats;
import dev.marquee.format.Palette;
import dev.marquee.format.SafeText;
import dev.marquee.present.Changes;
import dev.marquee.present.DataTable;
import dev.marquee.present.Figure;
import dev.marquee.present.Page;
import dev.marquee.present.Presentation;
import dev.marquee.present.TargetStatus;
import dev.marquee.present.Tile;
import dev.marquee.present.Tone;
import dev.marquee.publish.Output;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.time.LocalDate;
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
    /** The language of the report's text (BCP 47): the catalog's /Lang and the XMP's dc:language. */
    static final String LANGUAGE = "en";

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

    /** The PDF: for a dated edition with a memory, tiles carry their targets and sparkline and a page after the cover says what changed. */
    public static void write(Presentation shown, Output output, String fileName, Fonts fonts) {
        output.write(fileName, bytes(shown, fonts.get()));
    }

    static byte[] bytes(Presentation shown, PdfFonts fonts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), MARGIN, MARGIN, MARGIN + 22, MARGIN + 18);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setPdfVersion(PdfWriter.VERSION_1_7);
            writer.setFullCompression();
            // The fastest deflate: the PDF is an eighth larger (300 -> 350 KB on the default data) and written
            // 0.05 s sooner, the PDF being the last stage to end.
            writer.setCompressionLevel(java.util.zip.Deflater.BEST_SPEED);
            // PDF/UA-1 (docs/pdf-accessibility.md): a tagged file (MarkInfo, a structure tree), its language, and the
            // title in the window's title bar. OpenPDF tags none of the Document API's content: see Tagging.
            writer.setTagged();
            writer.setViewerPreferences(PdfWriter.PageModeUseOutlines | PdfWriter.DisplayDocTitle);
            writer.getExtraCatalog().put(PdfName.LANG, new PdfString(LANGUAGE));
            HeaderFooter pageEvents = new HeaderFooter(shown, fonts);
            writer.setPageEvent(pageEvents);
            LocalDate asOf = shown.report().asOf();
            document.addTitle(shown.title() + ", " + shown.dateline());
            document.addSubject("Streaming analytics dashboard: " + String.join(", ", shown.pages().stream().map(Page::title).toList()));
            document.addAuthor("Marquee");
            document.addCreator("Marquee report generator");
            document.addKeywords("streaming, analytics, watch time, churn, report, " + asOf);
            document.open();
            fixDates(writer, shown.title(), asOf);
            writer.setXmpMetadata(PdfXmp.packet(SafeText.line(shown.title() + ", " + shown.dateline()), asOf.toString(), LANGUAGE));
            PdfOutline root = writer.getDirectContent().getRootOutline();

            Tagging tags = new Tagging(writer);
            writer.setPageEvent(tags);
            boolean targetsOnCover = targetsOnCover(shown.changes());
            cover(document, writer, tags, shown, targetsOnCover, fonts, root);
            if (shown.changes().isPresent()) {
                Changes changes = shown.changes().get();
                if (changes.remembers() && !changes.parts().isEmpty() || !targetsOnCover && !changes.targets().isEmpty()) {
                    document.newPage();
                    bookmark(writer, root, changes.title());
                    changesPage(document, writer, tags, changes, !targetsOnCover, fonts);
                }
            }
            for (Page page : shown.pages()) {
                document.newPage();
                bookmark(writer, root, page.title());
                questionPage(document, writer, tags, page, fonts);
            }
            document.newPage();
            bookmark(writer, root, "Data and definitions");
            closingPage(document, writer, tags, shown, fonts);
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("the PDF could not be written: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /** At most this many targets fit the cover's panel; more get the page after the cover. */
    private static final int COVER_TARGETS = 4;
    /** The height a chart's heading takes above it, padding included. */
    private static final float CHART_HEADING = 18;

    /**
     * The targets go on the cover, in place of the fourth headline chart, when the page after it would show them alone:
     * a first edition, or one where nothing moved (the cover then says so).
     */
    private static boolean targetsOnCover(Optional<Changes> changes) {
        if (changes.isEmpty()) {
            return false;
        }
        List<TargetStatus> shown = changes.get().targets();
        boolean nothingElse = !changes.get().remembers() || changes.get().parts().isEmpty();
        return !shown.isEmpty() && shown.size() <= COVER_TARGETS && nothingElse;
    }

    /** The cover as a dashboard: the KPI tiles, then the headline charts two by two down to the foot of the page. */
    private static void cover(Document document, PdfWriter writer, Tagging tags, Presentation shown, boolean targetsOnCover,
                              PdfFonts fonts, PdfOutline root) throws DocumentException {
        bookmark(writer, root, "Overview");
        tags.add(document, writer, new Paragraph(shown.title(), new Font(fonts.bold, 22, Font.NORMAL, INK)), PdfName.H1);
        String period = shown.period().isEmpty() ? "" : "Period " + shown.period() + " · ";
        Paragraph asOf = new Paragraph(period + "data " + shown.dateline(), new Font(fonts.regular, 12, Font.NORMAL, MUTED));
        asOf.setSpacingAfter(8);
        tags.add(document, writer, asOf, PdfName.P);
        if (!shown.tiles().isEmpty()) {
            document.add(kpiTiles(writer, tags, shown.tiles(), fonts));
        }
        List<Figure> headlines = shown.headlines().stream().map(Presentation.Headline::figure).filter(Figure::drawn).toList();
        float room = writer.getVerticalPosition(true) - document.bottom() - 12;
        // Two rows when each still gets a chart's least height; below the taller tiles of a later edition (sparklines,
        // targets), one row of two, each twice as tall.
        int rows = room / 2 - CHART_HEADING - 8 >= 110 ? 2 : 1;
        List<Figure> cover = headlines.stream().limit(2L * rows - (targetsOnCover ? 1 : 0)).toList();
        int cells = cover.size() + (targetsOnCover ? 1 : 0);
        rows = Math.max(1, (cells + 1) / 2);
        float height = Math.min(330, room / rows - CHART_HEADING - 8);
        float width = (document.right() - document.left()) / (cells == 1 ? 1 : 2) - 8;
        PdfPTable grid = new PdfPTable(cells == 1 ? 1 : 2);
        grid.setWidthPercentage(100);
        grid.setSpacingBefore(8);
        for (Figure figure : cover) {
            grid.addCell(chartCell(writer, tags, fonts, figure, width, height));
        }
        if (targetsOnCover) {
            PdfPCell panel = targetsPanel(shown.changes().get(), fonts);
            panel.setCellEvent(tags.block(PdfName.P));
            grid.addCell(panel);
        }
        if (cells % 2 == 1 && cells > 1) {
            grid.addCell(emptyCell(fonts));
        }
        if (cells > 0) {
            document.add(grid);
        }
    }

    /** The targets as a short list for the cover: each one's name and status, then what this edition measured. */
    private static PdfPCell targetsPanel(Changes changes, PdfFonts fonts) {
        PdfPCell cell = new PdfPCell();
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setPadding(4);
        cell.setPaddingLeft(10);
        cell.addElement(new Paragraph("Targets and alerts", new Font(fonts.bold, 10, Font.NORMAL, INK)));
        Paragraph intro = new Paragraph(changes.quietSince(), new Font(fonts.regular, 8, Font.NORMAL, MUTED));
        intro.setSpacingAfter(4);
        cell.addElement(intro);
        for (TargetStatus target : changes.targets()) {
            Paragraph line = new Paragraph(11);
            line.add(new Chunk(SafeText.line(target.name()) + ": ", new Font(fonts.regular, 9, Font.NORMAL, INK)));
            line.add(new Chunk(target.status(), new Font(fonts.bold, 9, Font.NORMAL, colour(target.tone()))));
            line.setSpacingBefore(4);
            cell.addElement(line);
            cell.addElement(new Paragraph(10, SafeText.line(target.detail()), new Font(fonts.regular, 8, Font.NORMAL, MUTED)));
        }
        return cell;
    }

    private static PdfPCell emptyCell(PdfFonts fonts) {
        // An empty cell still names a font: give it ours, or the PDF would refer to unembedded Helvetica.
        PdfPCell empty = new PdfPCell(new Phrase("", new Font(fonts.regular, 8)));
        empty.setBorder(Rectangle.NO_BORDER);
        return empty;
    }

    /** One tile per KPI: value, label, and its changes coloured good (green) or bad (red), with the comparison named. */
    private static PdfPTable kpiTiles(PdfWriter writer, Tagging tags, List<Tile> kpis, PdfFonts fonts) throws DocumentException {
        int columns = Math.min(6, kpis.size());
        PdfPTable tiles = new PdfPTable(columns);
        tiles.setWidthPercentage(100);
        for (Tile kpi : kpis) {
            PdfPCell cell = new PdfPCell();
            cell.setBorderColor(RULE);
            cell.setBackgroundColor(CARD);
            cell.setPadding(6);
            Paragraph label = new Paragraph(SafeText.line(kpi.label()) + (kpi.partial() ? " (month to date)" : ""),
                    new Font(fonts.regular, 8, Font.NORMAL, MUTED));
            cell.addElement(label);
            cell.addElement(new Paragraph(SafeText.line(kpi.value()), new Font(fonts.bold, 15, Font.NORMAL, INK)));
            if (kpi.compared()) {
                cell.addElement(delta(fonts, kpi.vsPreviousMonth()));
                cell.addElement(delta(fonts, kpi.vsYearAgo()));
            }
            Paragraph comparison = new Paragraph(SafeText.line(kpi.comparison()), new Font(fonts.regular, 6.5f, Font.NORMAL, MUTED));
            cell.addElement(comparison);
            if (kpi.sparkline().isPresent()) {
                cell.addElement(sparkline(writer, kpi.sparkline().get().points()));
            }
            for (TargetStatus target : kpi.targets()) {
                cell.addElement(new Paragraph("Target " + SafeText.line(target.bound()) + ": " + target.status(),
                        new Font(fonts.bold, 7, Font.NORMAL, colour(target.tone()))));
            }
            // A tile is read as one paragraph: label, value, changes, comparison.
            cell.setCellEvent(tags.block(PdfName.P));
            tiles.addCell(cell);
        }
        tags.furniture(tiles);
        for (int i = kpis.size(); i % columns != 0; i++) {
            PdfPCell empty = new PdfPCell(new Phrase("", new Font(fonts.regular, 8)));
            empty.setBorder(Rectangle.NO_BORDER);
            tiles.addCell(empty);
        }
        return tiles;
    }

    /** A tone in the palette's colours: good and bad news coloured, the rest grey. */
    private static Color colour(Tone tone) {
        return switch (tone) {
            case GOOD -> GOOD;
            case BAD -> BAD;
            case FLAT, NOT_COMPARED -> MUTED;
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
    private static void changesPage(Document document, PdfWriter writer, Tagging tags, Changes changes, boolean withTargets, PdfFonts fonts)
            throws DocumentException {
        tags.add(document, writer, new Paragraph(changes.title(), new Font(fonts.bold, 17, Font.NORMAL, INK)), PdfName.H1);
        document.add(new Paragraph(changes.since(), new Font(fonts.regular, 10, Font.NORMAL, MUTED)));
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
            side.addElement(heading);
            com.lowagie.text.List lines = new com.lowagie.text.List(false, 10);
            for (Changes.Line line : part.lines()) {
                // The word that says good or bad news ("Newly missed:", "Met again:") in its colour; the rest in ink.
                String text = SafeText.line(line.text());
                int colon = text.indexOf(": ");
                ListItem item = new ListItem(12);
                if (line.tone() != Tone.FLAT && colon > 0 && part.heading().equals("Targets")) {
                    item.add(new Chunk(text.substring(0, colon + 1), new Font(fonts.bold, 9, Font.NORMAL, colour(line.tone()))));
                    item.add(new Chunk(text.substring(colon + 1), new Font(fonts.regular, 9, Font.NORMAL, INK)));
                } else {
                    item.add(new Chunk(text, new Font(fonts.regular, 9, Font.NORMAL, INK)));
                }
                lines.add(item);
            }
            side.addElement(lines);
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
            document.add(new Paragraph(Changes.NOTHING_MOVED, new Font(fonts.regular, 10, Font.NORMAL, INK)));
        }
        if (withTargets && !changes.targets().isEmpty()) {
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
            for (TargetStatus target : changes.targets()) {
                for (PdfPCell cell : List.of(cell(SafeText.line(target.name()), body, false),
                        cell(target.status(), new Font(fonts.bold, 8.5f, Font.NORMAL, colour(target.tone())), false),
                        cell(SafeText.line(target.detail()), body, false))) {
                    cell.setLeading(0, 1.25f);
                    cell.setPaddingBottom(4);
                    table.addCell(cell);
                }
            }
            document.add(table);
        }
    }

    private static Paragraph delta(PdfFonts fonts, Tile.Change change) {
        String arrow = change.text().startsWith("+") ? "▲ " : change.text().startsWith("−") ? "▼ " : "";
        Paragraph paragraph = new Paragraph();
        paragraph.add(new Chunk(arrow + change.text(), new Font(fonts.bold, 8, Font.NORMAL, colour(change.tone()))));
        paragraph.add(new Chunk(" " + change.versus(), new Font(fonts.regular, 7, Font.NORMAL, MUTED)));
        return paragraph;
    }

    /**
     * A question's page: its title, question and takeaway, up to four charts two by two, each under its title, and the
     * table of the rows the takeaway talks about under a title of its own. The charts take the height left by the
     * table, at least what their labels need; when even the table's first rows leave them too little, the site has it.
     */
    private static void questionPage(Document document, PdfWriter writer, Tagging tags, Page page, PdfFonts fonts)
            throws DocumentException {
        tags.add(document, writer, new Paragraph(page.title(), new Font(fonts.bold, 17, Font.NORMAL, INK)), PdfName.H1);
        Paragraph question = new Paragraph(page.question(), new Font(fonts.regular, 10, Font.NORMAL, MUTED));
        tags.add(document, writer, question, PdfName.P);
        String said = page.takeaway();
        // A Paragraph made from a Phrase takes that phrase's (Helvetica) font; start from ours and add the chunks.
        Paragraph takeaway = new Paragraph("", new Font(fonts.regular, 9.5f, Font.NORMAL, INK));
        takeaway.addAll(fonts.phrase(said, 9.5f, false, INK));
        takeaway.setSpacingBefore(4);
        takeaway.setSpacingAfter(4);
        tags.add(document, writer, takeaway, PdfName.P);
        List<Figure> all = page.dashboard();
        List<Figure> charts = all;
        float pageWidth = document.right() - document.left();
        float top = writer.getVerticalPosition(true) - document.bottom() - 6;
        Optional<Figure> tabled = PdfTables.pick(page);
        // A narrow table may take a cell of the grid: the empty one beside an odd chart, else the fourth chart's.
        boolean narrow = tabled.isPresent() && charts.size() >= 3
                && PdfTables.columns(tabled.get().chart(), PdfTables.rows(tabled.get().chart(), said, PdfTables.ALL_ROWS).rows()).size() <= 6;
        PdfPTable below = null;
        if (tabled.isPresent() && !(narrow && charts.size() % 2 == 1)) {
            float room = top - rowsOf(charts) * (CHART_HEADING + 8);
            for (int limit = PdfTables.ALL_ROWS; limit >= 3; limit--) {
                PdfPTable candidate = dataTable(tabled.get(), PdfTables.rows(tabled.get().chart(), said, limit), fonts, pageWidth);
                // Charts may give a tenth of their least height to a table below them rather than lose a cell to it.
                if (0.9f * leastTotal(charts) + candidate.getTotalHeight() + 8 <= room) {
                    below = candidate;
                    break;
                }
            }
        }
        if (below == null && narrow && charts.size() == 4) {
            charts = charts.subList(0, 3);
        }
        float room = top - rowsOf(charts) * (CHART_HEADING + 8) - (below == null ? 0 : below.getTotalHeight() + 8);
        int columns = charts.size() == 1 ? 1 : 2;
        float[] heights = heights(charts, room);
        PdfPTable inGrid = null;
        float width = pageWidth * (columns == 1 ? 0.75f : 1f) / columns - 8;
        if (below == null && narrow) {
            for (int limit = PdfTables.ALL_ROWS; limit >= 3 && inGrid == null; limit--) {
                PdfPTable candidate = dataTable(tabled.get(), PdfTables.rows(tabled.get().chart(), said, limit), fonts, width);
                if (candidate.getTotalHeight() <= heights[heights.length - 1] + CHART_HEADING) {
                    inGrid = candidate;
                }
            }
            if (inGrid == null && charts != all) {
                charts = all;
                heights = heights(charts, room);
            }
        }
        if (inGrid != null) {
            tags.table(inGrid);
        }
        if (below != null) {
            tags.table(below);
        }
        if (!charts.isEmpty()) {
            PdfPTable grid = new PdfPTable(columns);
            grid.setWidthPercentage(columns == 1 ? 75 : 100);
            grid.setHorizontalAlignment(Element.ALIGN_LEFT);
            for (int i = 0; i < charts.size(); i++) {
                grid.addCell(chartCell(writer, tags, fonts, charts.get(i), width, heights[i / columns]));
            }
            if (inGrid != null) {
                PdfPCell cell = new PdfPCell();
                cell.setBorder(Rectangle.NO_BORDER);
                cell.setPadding(4);
                cell.setPaddingLeft(10);
                inGrid.setTotalWidth(width - 6);
                cell.addElement(inGrid);
                grid.addCell(cell);
            } else if (charts.size() % columns != 0) {
                grid.addCell(emptyCell(fonts));
            }
            document.add(grid);
        }
        if (below != null) {
            below.setSpacingBefore(8);
            document.add(below);
        }
    }

    private static int rowsOf(List<Figure> charts) {
        return charts.size() <= 2 ? Math.min(1, charts.size()) : 2;
    }

    /** Each row's least height: its tallest chart's. */
    private static float[] least(List<Figure> charts) {
        int columns = charts.size() == 1 ? 1 : 2;
        float[] least = new float[rowsOf(charts)];
        for (int i = 0; i < charts.size(); i++) {
            least[i / columns] = Math.max(least[i / columns], leastHeight(charts.get(i).chart()));
        }
        return least;
    }

    private static float leastTotal(List<Figure> charts) {
        float total = 0;
        for (float height : least(charts)) {
            total += height;
        }
        return total;
    }

    /** The height of each row of charts: the room shared in proportion to what each row needs, up to what still reads as a chart. */
    private static float[] heights(List<Figure> charts, float room) {
        float[] heights = least(charts);
        float share = Math.max(0.6f, room / Math.max(1, leastTotal(charts)));
        for (int r = 0; r < heights.length; r++) {
            heights[r] = Math.min(heights.length == 1 ? 330 : 260, heights[r] * share);
        }
        return heights;
    }

    /**
     * The least height a chart needs on paper for its labels to leave room for the bars: a horizontal bar a label's
     * height each, a category axis of many labels (set at 45 degrees) and its legend more than a plain chart.
     */
    private static float leastHeight(RenderedChart chart) {
        long categories = chart.spec().x().isEmpty() || chart.data().indexOf(chart.spec().x()).isEmpty() ? 0
                : chart.data().columnValues(chart.spec().x()).stream().distinct().count();
        return switch (chart.spec().kind()) {
            case HBAR -> Math.max(110, Math.min(240, 40 + 9 * categories));
            case BAR, STACKED_BAR, STACKED_PERCENT -> categories > 8 ? 170 : 110;
            default -> 110;
        };
    }

    /** A chart under its title: the charts draw none of their own in the PDF, so every one is titled the same way. */
    private static PdfPCell chartCell(PdfWriter writer, Tagging tags, PdfFonts fonts, Figure figure, float width, float height)
            throws DocumentException {
        RenderedChart chart = figure.chart();
        PdfPCell cell = new PdfPCell();
        // The chart, drawn last in the cell, is tagged a Figure with its alt text (OpenPDF writes no image's /Alt).
        cell.setCellEvent(tags.figure(SafeText.line(chart.altText())));
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setPadding(4);
        Paragraph title = new Paragraph("", new Font(fonts.bold, 10, Font.NORMAL, INK));
        title.addAll(fonts.phrase(chart.spec().title(), 10, true, INK));
        title.setLeading(12);
        title.setSpacingAfter(2);
        cell.addElement(title);
        cell.addElement(vectorImage(writer, fonts, chart, width, height));
        return cell;
    }

    private static Image vectorImage(PdfWriter writer, PdfFonts fonts, RenderedChart chart, float width, float height) throws DocumentException {
        PdfTemplate template = writer.getDirectContent().createTemplate(width, height);
        Graphics2D graphics = template.createGraphics(width, height, fonts.chartFonts);
        // Charts are designed for a 760-point-wide canvas: draw at that scale and shrink, so text keeps its proportion.
        double scale = Math.min(1.0, width / 500.0);
        graphics.scale(scale, scale);
        // The title is the cell's heading; the chart's own would say it twice. Only the PDF draws the chart from here on
        // (the site's SVG is already written), so the title is hidden for the drawing and shown again.
        org.jfree.chart.title.TextTitle own = chart.chart().map(org.jfree.chart.JFreeChart::getTitle).orElse(null);
        boolean hide = own != null && own.isVisible();
        if (hide) {
            own.setVisible(false);
        }
        try {
            chart.draw(graphics, new Rectangle2D.Double(0, 0, width / scale, height / scale));
        } finally {
            if (hide) {
                own.setVisible(true);
            }
        }
        graphics.dispose();
        Image image = Image.getInstance(template);
        image.setAlt(SafeText.line(chart.altText()));
        return image;
    }

    /**
     * The definitions, the data's quality, its sources and what was left out, in two columns that run on to further
     * pages as far as they need: text at 8 points or more. Each heading is held with what follows it.
     */
    private static void closingPage(Document document, PdfWriter writer, Tagging tags, Presentation shown, PdfFonts fonts) throws DocumentException {
        tags.add(document, writer, new Paragraph("Data and definitions", new Font(fonts.bold, 17, Font.NORMAL, INK)), PdfName.H1);
        Font body = new Font(fonts.regular, 8.5f, Font.NORMAL, INK);
        MultiColumnText flow = new MultiColumnText();
        flow.addRegularColumns(document.left(), document.right(), 24, 2);
        List<Element> definitions = new ArrayList<>();
        for (Presentation.Definition metric : shown.definitions()) {
            Paragraph definition = new Paragraph(10.5f);
            definition.add(new Chunk(metric.name() + ": ", new Font(fonts.bold, 8, Font.NORMAL, INK)));
            definition.add(new Chunk(metric.firstSentence(), new Font(fonts.regular, 8, Font.NORMAL, INK)));
            definition.setSpacingAfter(2);
            definitions.add(definition);
        }
        definitions.add(new Paragraph(10.5f, "All definitions: the report site's methodology page.", new Font(fonts.regular, 8, Font.NORMAL, MUTED)));
        section(flow, "Definitions", definitions, fonts);

        PdfPTable table = new PdfPTable(new float[]{2, 1.2f, 1.2f, 1.2f});
        table.setWidthPercentage(100);
        for (String header : List.of("Table", "Rows read", "Set aside", "Rows used")) {
            table.addCell(cell(header, new Font(fonts.bold, 8, Font.NORMAL, INK), !header.equals("Table")));
        }
        Font small = new Font(fonts.regular, 8, Font.NORMAL, INK);
        for (Presentation.QualityRow quality : shown.quality()) {
            table.addCell(cell(quality.table(), small, false));
            table.addCell(cell(quality.rowsRead(), small, true));
            table.addCell(cell(quality.rowsSetAside(), small, true));
            table.addCell(cell(quality.rowsKept(), small, true));
        }
        table.setHeaderRows(1);
        section(flow, "Data quality", List.of(table), fonts);
        section(flow, "Sources", List.of(new Paragraph(shown.sources(), body)), fonts);
        section(flow, "Privacy and suppression", List.of(new Paragraph(shown.privacySummary(), body)), fonts);
        if (!shown.leftOut().isEmpty()) {
            List<Element> lines = new ArrayList<>();
            for (var left : shown.leftOut()) {
                // The chart left out is named, as on the Data page, so that no two lines read the same.
                lines.add(new Paragraph(SafeText.line(left.title() + ": " + left.reason()), body));
            }
            section(flow, "Left out for lack of data", lines, fonts);
        }
        document.add(flow);
    }

    /**
     * A heading and its elements: the heading shares a table row with the first of them, and a row is never split
     * from its column's foot, so a heading never ends a column or a page.
     */
    private static void section(MultiColumnText flow, String heading, List<Element> elements, PdfFonts fonts) throws DocumentException {
        PdfPTable start = new PdfPTable(1);
        start.setWidthPercentage(100);
        PdfPCell cell = new PdfPCell();
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setPadding(0);
        Paragraph title = new Paragraph(heading, new Font(fonts.bold, 10, Font.NORMAL, INK));
        title.setSpacingBefore(6);
        cell.addElement(title);
        cell.addElement(elements.get(0));
        start.addCell(cell);
        flow.addElement(start);
        for (Element element : elements.subList(1, elements.size())) {
            flow.addElement(element);
        }
    }

    /**
     * A page's table under its title (a header row spanning the table, repeated if the table breaks): the rows chosen
     * by {@link PdfTables}, without the columns none of them fills, each column as wide as its longest text asks.
     */
    static PdfPTable dataTable(Figure figure, PdfTables.Selection selection, PdfFonts fonts, float width) {
        RenderedChart chart = figure.chart();
        DataTable shown = figure.table();
        List<Integer> columns = PdfTables.columns(chart, selection.rows());
        List<List<String>> cells = new ArrayList<>();
        float[] widths = new float[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            // A column asks for the length of its header and of its longest cell (up to 40 characters), plus a margin.
            widths[c] = shown.headers().get(columns.get(c)).length() + 2;
        }
        for (int r : selection.rows()) {
            List<String> row = new ArrayList<>();
            for (int c = 0; c < columns.size(); c++) {
                // A dashboard cell shows a label's length of text; the site's table and the CSV have it whole.
                String text = SafeText.label(shown.cell(r, columns.get(c)));
                row.add(text);
                widths[c] = Math.max(widths[c], Math.min(40, text.length() + 2));
            }
            cells.add(row);
        }
        PdfPTable table = new PdfPTable(columns.size());
        table.setTotalWidth(width);
        table.setLockedWidth(true);
        try {
            table.setWidths(widths);
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        }
        Paragraph title = new Paragraph("", new Font(fonts.bold, 9, Font.NORMAL, INK));
        title.addAll(fonts.phrase("Table: " + chart.spec().title(), 9, true, INK));
        // One population's chart has its file in its title already.
        String note = PdfTables.source(chart).filter(file -> chart.source().isEmpty()).map(file -> "source: " + file + (selection.note().isEmpty() ? "" : "; ")).orElse("")
                + selection.note();
        if (!note.isEmpty()) {
            title.addAll(fonts.phrase(" · " + note, 8, false, MUTED));
        }
        PdfPCell titleCell = new PdfPCell(title);
        titleCell.setColspan(columns.size());
        titleCell.setBorder(Rectangle.NO_BORDER);
        titleCell.setPadding(0);
        titleCell.setPaddingBottom(3);
        table.addCell(titleCell);
        Font header = new Font(fonts.bold, 8, Font.NORMAL, INK);
        for (int c : columns) {
            table.addCell(cell(shown.headers().get(c), header, shown.numeric().get(c)));
        }
        for (List<String> row : cells) {
            for (int c = 0; c < columns.size(); c++) {
                PdfPCell cell = cell("", header, shown.numeric().get(columns.get(c)));
                cell.setPhrase(fonts.phrase(row.get(c), 8, false, INK));
                table.addCell(cell);
            }
        }
        table.setHeaderRows(2);
        return table;
    }

    private static PdfPCell cell(String text, Font font, boolean numeric) {
        PdfPCell cell = new PdfPCell(new Phrase(SafeText.line(text), font));
        cell.setBorder(Rectangle.BOTTOM);
        cell.setBorderColor(RULE);
        cell.setPadding(2);
        cell.setPaddingBottom(3);
        cell.setHorizontalAlignment(numeric ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
        return cell;
    }

    private static void bookmark(PdfWriter writer, PdfOutline root, String title) {
        new PdfOutline(root, PdfAction.gotoLocalPage(writer.getPageNumber(), new PdfDestination(PdfDestination.FIT), writer), title);
    }

    /** Creation and modification dates are the as-of date, and the file id a hash of the report's identity. */
    private static void fixDates(PdfWriter writer, String title, LocalDate day) {
        Calendar asOf = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        asOf.clear();
        asOf.set(day.getYear(), day.getMonthValue() - 1, day.getDayOfMonth());
        writer.getInfo().put(PdfName.CREATIONDATE, new PdfDate(asOf));
        writer.getInfo().put(PdfName.MODDATE, new PdfDate(asOf));
        writer.getInfo().put(PdfName.PRODUCER, new PdfString("Marquee (OpenPDF)"));
        String id = HexFormat.of().formatHex(sha256(title + "|" + day), 0, 16);
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
        private final Presentation shown;
        private final PdfFonts fonts;
        private PdfTemplate total;

        HeaderFooter(Presentation shown, PdfFonts fonts) {
            this.shown = shown;
            this.fonts = fonts;
        }

        @Override
        public void onOpenDocument(PdfWriter writer, Document document) {
            total = writer.getDirectContent().createTemplate(40, 12);
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            PdfContentByte canvas = writer.getDirectContent();
            // Page furniture, repeated on every page: an artifact, which a screen reader skips (PDF/UA-1 7.1).
            PdfDictionary pagination = new PdfDictionary();
            pagination.put(PdfName.TYPE, new PdfName("Pagination"));
            canvas.beginMarkedContentSequence(new PdfName("Artifact"), pagination, true);
            Font small = new Font(fonts.regular, 8, Font.NORMAL, MUTED);
            float headerY = document.getPageSize().getHeight() - MARGIN + 6;
            ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT, new Phrase(shown.title(), small), document.left(), headerY, 0);
            ColumnText.showTextAligned(canvas, Element.ALIGN_RIGHT, new Phrase(Character.toUpperCase(shown.dateline().charAt(0)) + shown.dateline().substring(1), small),
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
            canvas.endMarkedContentSequence();
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
