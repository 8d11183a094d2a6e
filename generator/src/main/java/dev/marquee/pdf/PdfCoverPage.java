package dev.marquee.pdf;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;

import dev.marquee.format.SafeText;
import dev.marquee.present.Changes;
import dev.marquee.present.Figure;
import dev.marquee.present.Presentation;
import dev.marquee.present.TargetStatus;
import dev.marquee.present.Texts;
import dev.marquee.present.Tile;

import java.util.List;
import java.util.Optional;

import static dev.marquee.pdf.PdfStyle.ACCENT;
import static dev.marquee.pdf.PdfStyle.CARD;
import static dev.marquee.pdf.PdfStyle.INK;
import static dev.marquee.pdf.PdfStyle.MUTED;
import static dev.marquee.pdf.PdfStyle.RULE;
import static dev.marquee.pdf.PdfStyle.colour;
import static dev.marquee.pdf.PdfStyle.emptyCell;

/** The cover: the report's title and period, the KPI tiles, then the headline charts (and the targets, when they stand alone). */
final class PdfCoverPage {

    private PdfCoverPage() {
    }

    /** At most this many targets fit the cover's panel; more get the page after the cover. */
    static final int COVER_TARGETS = 4;

    /**
     * The targets go on the cover, in place of the fourth headline chart, when the page after it would show them alone:
     * a first edition, or one where nothing moved (the cover then says so).
     */
    static boolean targetsOnCover(Optional<Changes> changes) {
        if (changes.isEmpty()) {
            return false;
        }
        List<TargetStatus> shown = changes.get().targets();
        boolean nothingElse = !changes.get().remembers() || changes.get().parts().isEmpty();
        return !shown.isEmpty() && shown.size() <= COVER_TARGETS && nothingElse;
    }

    /** The fewest bars of a bar chart that a cover cell draws, unless it draws them all. */
    static final int COVER_BARS = 5;

    /** The cover as a dashboard: the KPI tiles, then the headline charts two by two down to the foot of the page. */
    static void write(Document document, PdfWriter writer, Tagging tags, Presentation shown, boolean targetsOnCover, PdfFonts fonts)
            throws DocumentException {
        tags.add(document, writer, new Paragraph(shown.title(), new Font(fonts.bold, 22, Font.NORMAL, INK)), PdfName.H1);
        String period = shown.period().isEmpty() ? "" : "Period " + shown.period() + " · ";
        String lead = shown.report().datelineLead();
        // Without viewing sessions each file runs to its own latest date (a tile's "as of 15 Jul 2023"): the cover says
        // so under the report's date, as the site's overview does.
        String ownDates = period.isEmpty() && shown.report().parameters().dated() ? ". " + Presentation.ownDates(shown.report(), "the site's Data page") : "";
        Paragraph asOf = new Paragraph(period + (period.isEmpty() ? lead : lead.toLowerCase(java.util.Locale.ROOT)) + shown.dateline()
                + ownDates, new Font(fonts.regular, 12, Font.NORMAL, MUTED));
        asOf.setSpacingAfter(8);
        tags.add(document, writer, asOf, PdfName.P);
        if (shown.slicing().whole().isPresent()) {
            // Who a slice counts: a plan's slice holds its members' whole history under their current plan.
            Paragraph members = new Paragraph(shown.slicing().whole().get().note(), new Font(fonts.regular, 9, Font.NORMAL, MUTED));
            members.setSpacingBefore(-4);
            members.setSpacingAfter(8);
            tags.add(document, writer, members, PdfName.P);
        }
        if (!shown.tiles().isEmpty()) {
            document.add(kpiTiles(writer, tags, shown.tiles(), fonts, document.right() - document.left()));
        }
        // A bar chart that would show only its first few bars in a cell of the cover (one bar of ten, in a slice whose
        // KPI tiles are taller) is no headline there: the next one takes its cell, and it keeps its own page.
        List<Figure> drawn = shown.headlines().stream().map(Presentation.Headline::figure).filter(Figure::drawn).toList();
        // Above the charts, as on a question's page, the line that says a bar marked "not shown" is no zero (for any
        // headline that has one: the cover shows the first that fit).
        if (drawn.stream().anyMatch(PdfQuestionPage::blanks)) {
            tags.add(document, writer, PdfQuestionPage.blankNote(fonts, shown.minGroupSize(), List.of()), PdfName.P);
        }
        float room = writer.getVerticalPosition(true) - document.bottom() - 12;
        // Two rows when each still gets a chart's least height; below taller tiles (a later edition's sparklines, the
        // sample's comparisons and targets), one row of two, each twice as tall. 120 points: at 112 the sample's forecast
        // of active subscribers kept a plot 36 points tall under its legend and axis titles, and its age bands' rotated
        // labels stood taller than their bars; at 125 (six public files) and 136 (a users file) bar charts read well.
        int rows = cellHeight(room, 2) >= 120 ? 2 : 1;
        float pageWidth = document.right() - document.left();
        List<Figure> cover = fitting(drawn, cellWidth(pageWidth, 2), cellHeight(room, rows), 2 * rows - (targetsOnCover ? 1 : 0));
        if (!targetsOnCover && cover.size() <= 1) {
            // One chart alone has the page's width and the whole height left: what fits there is measured there.
            cover = fitting(drawn, cellWidth(pageWidth, 1), cellHeight(room, 1), 1);
        }
        int cells = cover.size() + (targetsOnCover ? 1 : 0);
        rows = Math.max(1, (cells + 1) / 2);
        float height = cellHeight(room, rows);
        float width = cellWidth(pageWidth, cells == 1 ? 1 : 2);
        PdfPTable grid = new PdfPTable(cells == 1 ? 1 : 2);
        grid.setWidthPercentage(100);
        grid.setSpacingBefore(8);
        for (Figure figure : cover) {
            grid.addCell(PdfQuestionPage.chartCell(writer, tags, fonts, figure, width, height, false));
        }
        if (targetsOnCover) {
            grid.addCell(targetsPanel(shown.changes().get(), tags, fonts));
        }
        if (cells % 2 == 1 && cells > 1) {
            grid.addCell(emptyCell(fonts));
        }
        if (cells > 0) {
            document.add(grid);
        }
    }

    /** The first {@code most} headlines whose bar charts show at least {@link #COVER_BARS} bars, or all, in a cell of this size. */
    private static List<Figure> fitting(List<Figure> headlines, float width, float height, int most) {
        return headlines.stream().filter(f -> PdfQuestionPage.showsBars(f.chart(), COVER_BARS, width, height)).limit(most).toList();
    }

    /** A chart's height in one of {@code rows} rows of the room left on the cover, below its heading. */
    private static float cellHeight(float room, int rows) {
        return Math.min(330, room / rows - PdfQuestionPage.CHART_HEADING - 8);
    }

    /** A chart's width in one of {@code columns} columns of the page. */
    private static float cellWidth(float pageWidth, int columns) {
        return pageWidth / columns - 8;
    }

    /**
     * The targets as a short list for the cover: a heading, then each target's name and status and what this edition
     * measured, tagged as a list item of its own.
     */
    static PdfPCell targetsPanel(Changes changes, Tagging tags, PdfFonts fonts) {
        PdfPCell cell = new PdfPCell();
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setPadding(4);
        cell.setPaddingLeft(10);
        cell.addElement(Tagging.tagged(new Paragraph(Texts.TARGETS, new Font(fonts.bold, 10, Font.NORMAL, INK)), tags.block(PdfName.H2)));
        Paragraph intro = new Paragraph(changes.quietSince(), new Font(fonts.regular, 8, Font.NORMAL, MUTED));
        cell.addElement(Tagging.tagged(intro, tags.block(PdfName.P)));
        Tagging.ListTags list = tags.list();
        for (TargetStatus target : changes.targets()) {
            Paragraph line = new Paragraph(11);
            line.add(new Chunk(SafeText.line(target.name()) + ": ", new Font(fonts.regular, 9, Font.NORMAL, INK)));
            line.add(new Chunk(target.status(), new Font(fonts.bold, 9, Font.NORMAL, colour(target.tone()))));
            // A line break in the page's font: Chunk.NEWLINE's (Helvetica, unused on the page) had OpenPDF load its metrics.
            line.add(new Chunk("\n", new Font(fonts.regular, 9, Font.NORMAL, INK)));
            line.add(new Chunk(SafeText.line(target.detail()), new Font(fonts.regular, 8, Font.NORMAL, MUTED)));
            cell.addElement(Tagging.tagged(line, list.item(), 4));
        }
        return cell;
    }

    /** The size of a tile's value, in points, where it fits on one line. */
    static final float VALUE_SIZE = 15;

    private static final float TILE_PADDING = 6;

    /**
     * One tile per KPI, across {@code width}: value, label, and its changes coloured good (green) or bad (red), with
     * the comparison named.
     */
    static PdfPTable kpiTiles(PdfWriter writer, Tagging tags, List<Tile> kpis, PdfFonts fonts, float width) throws DocumentException {
        int columns = Math.min(6, kpis.size());
        PdfPTable tiles = new PdfPTable(columns);
        tiles.setWidthPercentage(100);
        float inside = width / columns - 2 * TILE_PADDING - 1;
        float valueSize = valueSize(kpis.stream().map(kpi -> SafeText.line(kpi.value())).toList(), fonts.bold, inside);
        List<Paragraph> labels = kpis.stream().map(kpi -> new Paragraph(SafeText.line(kpi.label())
                + (kpi.partial() ? " (" + Texts.MONTH_TO_DATE + ")" : ""), new Font(fonts.regular, 8, Font.NORMAL, MUTED))).toList();
        float[] heights = new float[labels.size()];
        for (int k = 0; k < labels.size(); k++) {
            heights[k] = PdfQuestionPage.height(labels.get(k), inside);
        }
        for (int k = 0; k < kpis.size(); k++) {
            Tile kpi = kpis.get(k);
            PdfPCell cell = new PdfPCell();
            cell.setBorderColor(RULE);
            cell.setBackgroundColor(CARD);
            cell.setPadding(TILE_PADDING);
            Paragraph label = labels.get(k);
            // The values of a row of tiles on one line: a shorter label is followed by the room the longest takes more.
            int row = k / columns * columns;
            float tallest = 0;
            for (int other = row; other < Math.min(labels.size(), row + columns); other++) {
                tallest = Math.max(tallest, heights[other]);
            }
            label.setSpacingAfter(tallest - heights[k]);
            cell.addElement(label);
            cell.addElement(new Paragraph(SafeText.line(kpi.value()), new Font(fonts.bold, valueSize, Font.NORMAL, INK)));
            if (kpi.compared()) {
                cell.addElement(delta(fonts, kpi.vsPreviousMonth(), inside));
                cell.addElement(delta(fonts, kpi.vsYearAgo(), inside));
            }
            Paragraph comparison = new Paragraph(SafeText.line(kpi.comparison()), new Font(fonts.regular, 6.5f, Font.NORMAL, MUTED));
            cell.addElement(comparison);
            if (!kpi.whole().isEmpty()) {
                cell.addElement(new Paragraph(SafeText.line(kpi.whole()), new Font(fonts.bold, 7, Font.NORMAL, MUTED)));
            }
            if (kpi.sparkline().isPresent()) {
                cell.addElement(sparkline(writer, kpi.sparkline().get().points()));
            }
            for (TargetStatus target : kpi.targets()) {
                cell.addElement(new Paragraph(SafeText.line(Texts.onTile(target)),
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

    /**
     * One size for every tile's value: {@link #VALUE_SIZE}, or smaller so that the widest value still fits on one line
     * of {@code width} (down to 11 points; past that it wraps). "3,419 members" broke after the number on the
     * sample's cover, beside "372 members" on one line.
     */
    static float valueSize(List<String> values, BaseFont font, float width) {
        float widest = 0;
        for (String value : values) {
            widest = Math.max(widest, font.getWidthPoint(value, VALUE_SIZE));
        }
        if (widest <= width) {
            return VALUE_SIZE;
        }
        return Math.max(11, (float) Math.floor(VALUE_SIZE * width / widest * 10) / 10);
    }

    /** A KPI's values across editions as a small vector line, the last value marked. */
    static Image sparkline(PdfWriter writer, List<double[]> points) throws DocumentException {
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

    /**
     * A change ("▲ +0.16 pts") and what it is against ("vs a month earlier"), on one line where both fit in
     * {@code width}; else the comparison starts a line of its own rather than break after "vs a month".
     */
    static Paragraph delta(PdfFonts fonts, Tile.Change change, float width) {
        String arrow = change.text().startsWith("+") ? "▲ " : change.text().startsWith("−") ? "▼ " : "";
        String figure = arrow + change.text();
        String versus = " " + change.versus();
        boolean oneLine = fonts.bold.getWidthPoint(figure, 8) + fonts.regular.getWidthPoint(versus, 7) <= width;
        Paragraph paragraph = new Paragraph();
        paragraph.add(new Chunk(figure, new Font(fonts.bold, 8, Font.NORMAL, colour(change.tone()))));
        paragraph.add(new Chunk(oneLine ? versus : "\n" + change.versus(), new Font(fonts.regular, 7, Font.NORMAL, MUTED)));
        return paragraph;
    }
}
