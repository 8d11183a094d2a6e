package dev.marquee.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;

import dev.marquee.chart.RenderedChart;
import dev.marquee.format.SafeText;
import dev.marquee.present.DashboardTable;
import dev.marquee.present.DataTable;
import dev.marquee.present.Figure;
import dev.marquee.present.Page;
import dev.marquee.present.Presentation;
import dev.marquee.present.Takeaway;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static dev.marquee.pdf.PdfStyle.INK;
import static dev.marquee.pdf.PdfStyle.MUTED;
import static dev.marquee.pdf.PdfStyle.cell;
import static dev.marquee.pdf.PdfStyle.emptyCell;

/** A question's dashboard page: its title, question and takeaway, its charts drawn as vectors, and a table of the rows it talks about. */
final class PdfQuestionPage {

    private PdfQuestionPage() {
    }

    /** The least height of a chart's plot on paper, in points: room for four or five ticks of its value axis. */
    static final float PLOT = 55;
    /**
     * The most a horizontal bar chart asks for as its least height, in points: past it, a page keeps its four charts and
     * its table, and the chart shows the bars that fit and says so (the site has them all).
     */
    static final float LEAST_BARS = 150;
    /** The height a chart's heading takes above it, padding included. */
    static final float CHART_HEADING = 18;

    /**
     * A question's page: its title, question and takeaway, up to four charts two by two, each under its title, and the
     * table of the rows the takeaway talks about under a title of its own. The charts take the height left by the
     * table, at least what their labels need; when even the table's first rows leave them too little, the site has it.
     */
    static void write(Document document, PdfWriter writer, Tagging tags, Page page, int k, PdfFonts fonts)
            throws DocumentException {
        tags.add(document, writer, new Paragraph(page.title(), new Font(fonts.bold, 17, Font.NORMAL, INK)), PdfName.H1);
        Paragraph question = new Paragraph(page.question(), new Font(fonts.regular, 10, Font.NORMAL, MUTED));
        tags.add(document, writer, question, PdfName.P);
        List<Figure> all = page.dashboard();
        // A chart showing only 0s beside hidden figures (a slice's months without a churner) reads as a group that
        // never loses anyone: the site says so under it, the page in the same line.
        List<String> zeros = all.stream().filter(Figure::drawn).map(f -> Presentation.zerosShownNote(f.chart()))
                .flatMap(Optional::stream).toList();
        Paragraph blankNote = Stream.concat(all.stream(), page.dashboardTable().map(DashboardTable::figure).stream())
                .anyMatch(PdfQuestionPage::blanks) ? blankNote(fonts, k, zeros) : null;
        List<Figure> siteOnly = page.shown().stream().filter(Figure::drawn).skip(Page.DASHBOARD_CHARTS).toList();
        float pageWidth = document.right() - document.left();
        float top = writer.getVerticalPosition(true) - document.bottom() - 6;
        Optional<DashboardTable> tabled = page.dashboardTable();
        // A narrow table may take a cell of the grid: the empty one beside an odd chart, else the fourth chart's.
        boolean narrow = tabled.isPresent() && all.size() >= 3 && tabled.get().excerpt(DashboardTable.ALL_ROWS).columns().size() <= 6;
        float blank = blankNote == null ? 0 : height(blankNote, pageWidth);
        // The longest takeaway that leaves the page the charts, their bars and the table rows of the shortest: more of the
        // narrative where there is room, none of the page's figures given for it.
        List<String> choices = Takeaway.choices(page.narrative());
        PaperMeasures measures = new PaperMeasures();
        Paragraph takeaway = takeaway(fonts, choices.get(0));
        Layout layout = fit(all, siteOnly, tabled, narrow, top - height(takeaway, pageWidth) - blank, pageWidth, fonts, measures);
        for (int i = choices.size() - 1; i > 0; i--) {
            Paragraph longer = takeaway(fonts, choices.get(i));
            Layout fits = fit(all, siteOnly, tabled, narrow, top - height(longer, pageWidth) - blank, pageWidth, fonts, measures);
            if (fits.keeps(layout, measures)) {
                takeaway = longer;
                layout = fits;
                break;
            }
        }
        tags.add(document, writer, takeaway, PdfName.P);
        if (blankNote != null) {
            // The site says it under each chart; a page of four charts has room for one line: a hidden bar or gap is no zero.
            tags.add(document, writer, blankNote, PdfName.P);
        }
        List<Figure> left = layout.leftToSite(all, siteOnly);
        if (!left.isEmpty()) {
            // A chart without a cell is on the site: the page says so rather than leave a reader to think it was not made.
            tags.add(document, writer, siteOnlyNote(fonts, left), PdfName.P);
        }
        List<Figure> charts = layout.charts();
        float width = layout.width();
        float[] heights = layout.heights();
        PdfPTable below = layout.below();
        PdfPTable inGrid = layout.inGrid();
        int columns = layout.columns();
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

    /** Which charts a page draws, how wide and high, and where its table goes: under the grid, in a cell of it, or nowhere. */
    record Layout(List<Figure> charts, float width, float[] heights, PdfPTable below, PdfPTable inGrid) {

        /**
         * Whether this layout shows the other's charts, every bar of them and the same table rows, each row of charts at
         * least 90% as high: a bar chart a tenth lower keeps its bars, a horizontal one may show one fewer.
         */
        boolean keeps(Layout other, PaperMeasures measures) {
            if (!charts.equals(other.charts) || rows(below) != rows(other.below) || rows(inGrid) != rows(other.inGrid)) {
                return false;
            }
            for (int i = 0; i < charts.size(); i++) {
                float height = heights[i / columns()];
                float before = other.heights[i / columns()];
                if (height < 0.9f * before || measures.barsShown(charts.get(i).chart(), width, height)
                        < measures.barsShown(charts.get(i).chart(), other.width, before)) {
                    return false;
                }
            }
            return true;
        }

        int columns() {
            return charts.size() == 1 ? 1 : 2;
        }

        /** The page's charts this layout does not draw, then those beyond the page's four: the site has them. */
        List<Figure> leftToSite(List<Figure> all, List<Figure> siteOnly) {
            return Stream.concat(all.stream().filter(f -> !charts.contains(f)), siteOnly.stream()).toList();
        }

        private static int rows(PdfPTable table) {
            return table == null ? -1 : table.size();
        }
    }

    /** A page's takeaway under its question. */
    private static Paragraph takeaway(PdfFonts fonts, String text) {
        // A Paragraph made from a Phrase takes that phrase's (Helvetica) font; start from ours and add the chunks.
        Paragraph takeaway = new Paragraph("", new Font(fonts.regular, 9.5f, Font.NORMAL, INK));
        takeaway.addAll(fonts.phrase(text, 9.5f, false, INK));
        takeaway.setSpacingBefore(4);
        takeaway.setSpacingAfter(4);
        return takeaway;
    }

    /**
     * The page's grid and table laid out under the line naming the charts left to the site, in the height left above
     * the page's foot ({@code room}). The line is written above the grid, so its height is kept first; when the table
     * takes the fourth chart's cell, the line names that chart too and the page is laid out again under the longer line
     * (the reverse, keeping room for the longer line whenever the table might take the cell, had cost pages whose table
     * went under the grid a line of their charts' height: a slice's four charts showed 2 of their 5 bars).
     */
    private static Layout fit(List<Figure> all, List<Figure> siteOnly, Optional<DashboardTable> tabled, boolean narrow, float room,
                              float pageWidth, PdfFonts fonts, PaperMeasures measures) {
        Layout layout = layout(all, tabled, narrow, room - noteHeight(siteOnly, pageWidth, fonts), pageWidth, fonts, measures);
        if (layout.charts().size() == all.size()) {
            return layout;
        }
        return layout(all, tabled, narrow, room - noteHeight(layout.leftToSite(all, siteOnly), pageWidth, fonts), pageWidth, fonts,
                measures);
    }

    private static float noteHeight(List<Figure> left, float pageWidth, PdfFonts fonts) {
        return left.isEmpty() ? 0 : height(siteOnlyNote(fonts, left), pageWidth);
    }

    /** The page's grid and table laid out in the height left above the page's foot ({@code top}). */
    private static Layout layout(List<Figure> all, Optional<DashboardTable> tabled, boolean narrow, float top, float pageWidth,
                                 PdfFonts fonts, PaperMeasures measures) {
        List<Figure> charts = all;
        float width = columnWidth(pageWidth, charts.size());
        Rows rows = Rows.of(charts, width, measures);
        PdfPTable below = null;
        if (tabled.isPresent() && !(narrow && charts.size() % 2 == 1)) {
            float room = top - rowsOf(charts) * (CHART_HEADING + 8);
            float least = rows.leastTotal();
            // An excerpt (the latest 8 of 36 months) gives up rows, down to three, before the charts give up any of
            // their least height (measured: a plot PLOT high; a chart squeezed below it shows bars a few points tall
            // on two ticks); then the charts may give a tenth of it rather than lose a cell, or the page its table. A
            // table shown whole (four regions, four forecasts) stays whole while a tenth of the charts' height is enough.
            record Attempt(float share, int rows) {
            }
            List<Attempt> tries = new ArrayList<>();
            // Room for more rows than `whole` shows the same rows: the attempts start there.
            int whole = tabled.get().excerpt(DashboardTable.ALL_ROWS).rows().size();
            if (whole == tabled.get().figure().chart().data().rowCount()) {
                tries.add(new Attempt(1f, whole));
                tries.add(new Attempt(0.9f, whole));
            }
            for (float share : new float[]{1f, 0.9f}) {
                for (int fit = whole; fit >= Math.min(3, whole); fit--) {
                    tries.add(new Attempt(share, fit));
                }
            }
            // Each excerpt is laid out once, though two shares of the charts' height may try it.
            PdfPTable[] laidOut = new PdfPTable[whole + 1];
            for (Attempt attempt : tries) {
                if (laidOut[attempt.rows()] == null) {
                    laidOut[attempt.rows()] = dataTable(tabled.get(), attempt.rows(), fonts, pageWidth);
                }
                PdfPTable candidate = laidOut[attempt.rows()];
                if (attempt.share() * least + candidate.getTotalHeight() + 8 <= room) {
                    below = candidate;
                    break;
                }
            }
        }
        if (below == null && narrow && charts.size() == 4) {
            charts = charts.subList(0, 3);
            width = columnWidth(pageWidth, charts.size());
            rows = Rows.of(charts, width, measures);
        }
        float room = top - rowsOf(charts) * (CHART_HEADING + 8) - (below == null ? 0 : below.getTotalHeight() + 8);
        float[] heights = rows.heights(room);
        PdfPTable inGrid = null;
        if (below == null && narrow) {
            int rowCount = tabled.get().figure().chart().data().rowCount();
            for (int fit = DashboardTable.ALL_ROWS; fit >= 3 && inGrid == null; fit--) {
                PdfPTable candidate = dataTable(tabled.get(), fit, fonts, width);
                float lacking = candidate.getTotalHeight() - (heights[heights.length - 1] + CHART_HEADING);
                if (lacking <= 0) {
                    inGrid = candidate;
                } else if (tabled.get().excerpt(fit).rows().size() == rowCount) {
                    // A table shown whole takes from the rows above what they have beyond their least height: the top
                    // 10 titles showed 9 for want of a point, under a note taking two lines to say so.
                    Optional<float[]> taller = rows.lastTaller(heights, lacking);
                    if (taller.isPresent()) {
                        heights = taller.get();
                        inGrid = candidate;
                    }
                }
            }
            if (inGrid == null && charts != all) {
                charts = all;
                width = columnWidth(pageWidth, charts.size());
                heights = Rows.of(charts, width, measures).heights(room);
            }
        }
        return new Layout(charts, width, heights, below, inGrid);
    }

    /**
     * The height a paragraph takes across the page's width, as the document then moves down by it under the question
     * (measured: the same): a column drops its first paragraph's spacing before, which the page keeps.
     */
    static float height(Paragraph paragraph, float width) {
        com.lowagie.text.pdf.ColumnText column = new com.lowagie.text.pdf.ColumnText(null);
        float tall = 10_000;
        column.setSimpleColumn(0, 0, width, tall);
        column.addElement(paragraph);
        try {
            column.go(true);
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        }
        return tall - column.getYLine() + paragraph.getSpacingBefore();
    }

    /** The one line that says what a bar marked "not shown", a gap in a line or a blank cell is. */
    static Paragraph blankNote(PdfFonts fonts, int k, List<String> zeros) {
        return note(fonts, "Bars marked \u201cnot shown\u201d, gaps and blank cells are figures not shown: of groups of fewer than " + k
                + " members, or of the next smallest where a total would give them away." + zeros.stream().map(SafeText::line)
                .map(z -> " " + z).collect(java.util.stream.Collectors.joining()));
    }

    /**
     * The line that names the charts the page has no cell for: "Also on the site: “IMDb and TMDB scores by genre”.", a
     * chart drawn once per file named once with its files: "“Members by country” (Netflix Userbase.csv, netflix_users.csv)".
     */
    static Paragraph siteOnlyNote(PdfFonts fonts, List<Figure> figures) {
        java.util.Map<String, List<String>> sourcesByTitle = new java.util.LinkedHashMap<>();
        for (Figure figure : figures) {
            List<String> sources = sourcesByTitle.computeIfAbsent(figure.chart().titleWithoutSource(), t -> new ArrayList<>());
            figure.chart().source().ifPresent(sources::add);
        }
        return note(fonts, "Also on the site: " + sourcesByTitle.entrySet().stream()
                .map(e -> "\u201c" + SafeText.line(e.getKey()) + "\u201d" + (e.getValue().isEmpty() ? ""
                        : " (" + e.getValue().stream().map(SafeText::line).collect(java.util.stream.Collectors.joining(", ")) + ")"))
                .collect(java.util.stream.Collectors.joining(", ")) + ".");
    }

    /** A line above a page's charts, small and muted. */
    private static Paragraph note(PdfFonts fonts, String text) {
        Paragraph note = new Paragraph("", new Font(fonts.regular, 8, Font.NORMAL, MUTED));
        note.addAll(fonts.phrase(text, 8, false, MUTED));
        note.setSpacingAfter(2);
        return note;
    }

    /** Whether a figure leaves a bar or cell of what it plots blank: a figure not shown for privacy (a forecast's future months aside). */
    static boolean blanks(Figure figure) {
        RenderedChart chart = figure.chart();
        if (chart.spec().kind() == dev.marquee.catalog.ChartKind.FORECAST) {
            return false;
        }
        dev.marquee.engine.Table data = chart.data();
        return chart.spec().y().stream().map(data::indexOf).flatMap(Optional::stream)
                .anyMatch(column -> data.rows().stream().anyMatch(row -> row.get(column) == null));
    }

    static int rowsOf(List<Figure> charts) {
        return charts.size() <= 2 ? Math.min(1, charts.size()) : 2;
    }

    /** The width of a chart's cell: one chart takes three quarters of the page, more share it two by two. */
    static float columnWidth(float pageWidth, int charts) {
        int columns = charts == 1 ? 1 : 2;
        return pageWidth * (columns == 1 ? 0.75f : 1f) / columns - 8;
    }

    /**
     * The rows of a page's charts, each chart measured once at the width it is drawn: each row's least height (its
     * tallest chart's, a horizontal bar chart's at most {@link #LEAST_BARS}), the height that shows all its charts' bars
     * (up to {@code most}), and the most a row is given: what still reads as a chart.
     */
    record Rows(float[] least, float[] wanted, float most) {

        static Rows of(List<Figure> charts, float width, PaperMeasures measures) {
            int columns = charts.size() == 1 ? 1 : 2;
            float most = rowsOf(charts) == 1 ? 330 : 260;
            float[] least = new float[rowsOf(charts)];
            float[] wanted = new float[least.length];
            for (int i = 0; i < charts.size(); i++) {
                float measured = measures.height(charts.get(i).chart(), width);
                least[i / columns] = Math.max(least[i / columns], Math.min(LEAST_BARS, measured));
                wanted[i / columns] = Math.max(wanted[i / columns], Math.min(most, measured));
            }
            return new Rows(least, wanted, most);
        }

        float leastTotal() {
            float total = 0;
            for (float height : least) {
                total += height;
            }
            return total;
        }

        /**
         * The same rows' heights with the last {@code more} taller, taken from the rows above in proportion to what
         * each has beyond its least height; empty when they have too little, or the last would pass the most.
         */
        Optional<float[]> lastTaller(float[] heights, float more) {
            int last = heights.length - 1;
            float beyond = 0;
            for (int r = 0; r < last; r++) {
                beyond += Math.max(0, heights[r] - least[r]);
            }
            if (beyond < more || heights[last] + more > most) {
                return Optional.empty();
            }
            float[] taller = heights.clone();
            for (int r = 0; r < last; r++) {
                taller[r] -= Math.max(0, heights[r] - least[r]) / beyond * more;
            }
            taller[last] += more;
            return Optional.of(taller);
        }

        /**
         * The height of each row in {@code room}. Short of room, each row gets the same share of its least height (down
         * to 0.6 of it). With room to spare, a row of a horizontal bar chart that shows only its first bars gets first
         * what it needs for more of them (the top titles' 10 bars rather than 3), up to half the spare room, then every
         * row the rest in proportion, up to its most.
         */
        float[] heights(float room) {
            float[] heights = least.clone();
            float total = leastTotal();
            if (room <= total) {
                float share = Math.max(0.6f, room / Math.max(1, total));
                for (int r = 0; r < heights.length; r++) {
                    heights[r] = Math.min(most, heights[r] * share);
                }
                return heights;
            }
            float lacking = 0;
            for (int r = 0; r < heights.length; r++) {
                lacking += Math.max(0, wanted[r] - heights[r]);
            }
            float spare = room - total;
            // Half the spare room at most: the other rows' plots grow too, and a value axis gets more of its ticks.
            float given = Math.min(spare / 2, lacking);
            float sum = 0;
            for (int r = 0; r < heights.length; r++) {
                heights[r] += lacking == 0 ? 0 : Math.max(0, wanted[r] - heights[r]) / lacking * given;
                sum += heights[r];
            }
            float rest = spare - given;
            for (int r = 0; r < heights.length; r++) {
                heights[r] = Math.min(most, heights[r] + rest * heights[r] / sum);
            }
            return heights;
        }
    }

    /**
     * The height a chart needs on paper, drawn {@code width} wide, as measured there: every bar of a horizontal bar chart,
     * or a plot {@link #PLOT} high under the labels, legend and titles of any other. A guess by kind left an age band
     * chart, whose "unknown" turns up all eight labels, a sliver of plot, and a bar chart of four regions with a legend
     * room for one bar.
     */
    static float measuredHeight(RenderedChart chart, float width) {
        double scale = drawingScale(width);
        return (float) (withoutOwnTitle(chart, () -> chart.paperHeight(width / scale, 110 / scale, PLOT / scale)) * scale);
    }

    /** A chart under its title: the charts draw none of their own in the PDF, so every one is titled the same way. */
    static PdfPCell chartCell(PdfWriter writer, Tagging tags, PdfFonts fonts, Figure figure, float width, float height)
            throws DocumentException {
        return chartCell(writer, tags, fonts, figure, width, height, true);
    }

    /**
     * @param fileDate whether the title gives a member file's own date after its name (not on the cover, whose opening
     *                 line gives every file's, and whose narrow charts a second line of title would leave too short)
     */
    static PdfPCell chartCell(PdfWriter writer, Tagging tags, PdfFonts fonts, Figure figure, float width, float height, boolean fileDate)
            throws DocumentException {
        RenderedChart chart = figure.chart();
        PdfPCell cell = new PdfPCell();
        Image drawn = vectorImage(writer, fonts, chart, width, height);
        // The chart, drawn last in the cell, is tagged a Figure with its alt text (OpenPDF writes no image's /Alt).
        cell.setCellEvent(tags.figure(drawn.getAlt()));
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setPadding(4);
        Paragraph title = new Paragraph("", new Font(fonts.bold, 10, Font.NORMAL, INK));
        // The PDF gives a chart its title alone: a chart of one file among several names it there, and the file's own
        // date where it is not the report's (the page's header gives the report's).
        title.addAll(fonts.phrase(chart.spec().title() + figure.unnamedSource().map(source -> " — " + source).orElse("")
                + (figure.fileDate().isEmpty() || !fileDate ? "" : ", " + figure.fileDate()), 10, true, INK));
        title.setLeading(12);
        title.setSpacingAfter(2);
        cell.addElement(title);
        cell.addElement(drawn);
        return cell;
    }

    /** Whether the chart, drawn {@code width} by {@code height} points as {@link #vectorImage} draws it, shows at least {@code least} bars or all. */
    static boolean showsBars(RenderedChart chart, int least, float width, float height) {
        return barsShown(chart, width, height) >= least;
    }

    /** How many bars the chart, drawn {@code width} by {@code height} points as {@link #vectorImage} draws it, shows. */
    static int barsShown(RenderedChart chart, float width, float height) {
        double scale = drawingScale(width);
        return withoutOwnTitle(chart, () -> chart.barsShown(new Rectangle2D.Double(0, 0, width / scale, height / scale)));
    }

    /** Charts are designed for a 760-point-wide canvas: drawn at that scale and shrunk, so text keeps its proportion. */
    private static double drawingScale(float width) {
        return Math.min(1.0, width / 500.0);
    }

    static Image vectorImage(PdfWriter writer, PdfFonts fonts, RenderedChart chart, float width, float height) throws DocumentException {
        PdfTemplate template = writer.getDirectContent().createTemplate(width, height);
        Graphics2D graphics = template.createGraphics(width, height, fonts.chartFonts);
        double scale = drawingScale(width);
        graphics.scale(scale, scale);
        String alt = withoutOwnTitle(chart, () -> chart.draw(graphics, new Rectangle2D.Double(0, 0, width / scale, height / scale)));
        graphics.dispose();
        Image image = Image.getInstance(template);
        image.setAlt(SafeText.line(alt));
        return image;
    }

    /**
     * The title is the cell's heading; the chart's own would say it twice. Only the PDF draws the chart from here on
     * (the site's SVG is already written), so the title is hidden for the drawing (or its measuring) and shown again.
     */
    private static <T> T withoutOwnTitle(RenderedChart chart, java.util.function.Supplier<T> work) {
        org.jfree.chart.title.TextTitle own = chart.chart().map(org.jfree.chart.JFreeChart::getTitle).orElse(null);
        boolean hide = own != null && own.isVisible();
        if (hide) {
            own.setVisible(false);
        }
        try {
            return work.get();
        } finally {
            if (hide) {
                own.setVisible(true);
            }
        }
    }

    /**
     * A page's table under its title (a header row spanning the table, repeated if the table breaks): the rows and
     * columns its {@link DashboardTable} shows when {@code fit} rows fit, each column as wide as its longest text asks.
     */
    static PdfPTable dataTable(DashboardTable tabled, int fit, PdfFonts fonts, float width) {
        DashboardTable.Excerpt excerpt = tabled.excerpt(fit);
        DataTable shown = tabled.figure().table();
        List<Integer> columns = excerpt.columns();
        List<List<String>> cells = new ArrayList<>();
        float[] widths = new float[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            // A column asks for the length of its header and of its longest cell (up to 40 characters), plus a margin.
            widths[c] = shown.headers().get(columns.get(c)).length() + 2;
        }
        for (int r : excerpt.rows()) {
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
        title.addAll(fonts.phrase(tabled.title(), 9, true, INK));
        if (!excerpt.note().isEmpty()) {
            title.addAll(fonts.phrase(" · " + excerpt.note(), 8, false, MUTED));
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
}
