package dev.marquee.render;

import dev.marquee.layer.Layer;

import java.util.List;

/** The typed models the jte templates render; every string here is plain text unless its name says html or svg. */
public final class Views {

    private Views() {
    }

    public record NavLink(String href, String label, boolean current) {
    }

    /** What every page shares: the report's name, the as-of date, navigation, and the PDF link. */
    /** @param editions the links to the editions before and after, between markers a later run rewrites (see Archive) */
    public record Layout(String reportTitle, String pageTitle, String asOf, List<NavLink> nav, String pdfHref,
                         String description, String editions) {
        public Layout {
            nav = List.copyOf(nav);
        }
    }

    /**
     * One chart with everything beside it: its data table, CSV download and the SQL behind it.
     *
     * @param svg trusted markup made by JFreeSVG (it escapes text from the data); empty for table-only entries
     * @param narrowSvg the same for a phone's width, shown instead of {@code svg} on narrow screens
     * @param layerTables the layer tables its SQL reads, each defined on the methodology page ({@link LayerTableView})
     */
    public record ChartView(String id, String title, String description, String svg, String narrowSvg, String altText, List<String> headers,
                            List<List<String>> rows, List<Boolean> numeric, String csvHref, String sql, String sqlLabel,
                            List<String> layerTables) {
        public ChartView {
            headers = List.copyOf(headers);
            rows = List.copyOf(rows);
            numeric = List.copyOf(numeric);
            layerTables = List.copyOf(layerTables);
        }

        public boolean hasChart() {
            return !svg.isEmpty();
        }
    }

    public record HeadlineCard(String href, String title, String question, ChartView chart) {
    }

    public record LeftOutView(String title, String reason) {
    }

    /**
     * An executive KPI tile: its value and its changes against the previous month and a year earlier.
     *
     * @param trend "up-good", "down-bad", "flat" etc.: a CSS class; the words always say the same as the colour
     */
    /**
     * @param sparkline the KPI across editions; null with fewer than two
     * @param targets   the targets on this KPI, each with its status in words
     */
    /** @param whole on a slice's tile, the same figure for all slices ("All regions: 4.0%"); else empty */
    public record KpiTile(String id, String label, String value, String vsPreviousMonth, String previousTrend, String vsYearAgo,
                          String yearTrend, String comparison, boolean partial, boolean compared, SparklineView sparkline,
                          List<TargetView> targets, String whole) {
    }

    /** A line of a KPI's values across editions, in a 120 × 28 box; {@code title} says the values in words. */
    public record SparklineView(String points, String lastX, String lastY, String title, String caption) {
    }

    /** A target and its status: {@code status} is met, missed or no data, {@code tone} the class that colours it. */
    /** @param onTile what a KPI's tile says of the target */
    public record TargetView(String id, String name, String status, String tone, String onTile, String detail) {
    }

    /** A digest line linking to what it is about. */
    public record ChangeLine(String text, String href, String tone) {
    }

    public record ChangePart(String heading, List<ChangeLine> lines) {
    }

    /** The "Since the last report" content: the overview shows it, and so does its own page with every target. */
    public record ChangesView(String title, boolean remembers, String since, List<ChangePart> parts, List<TargetView> targets) {
        public boolean isEmpty() {
            return parts.isEmpty() && targets.isEmpty();
        }
    }

    public record ChangesPage(Layout layout, ChangesView changes) {
    }

    /** An edition on the archive page. */
    public record EditionView(String date, String siteHref, String pdfHref, boolean full, boolean current, List<String> figures,
                              String targets) {
    }

    public record ArchivePage(Layout layout, List<EditionView> editions, int keep) {
    }

    /**
     * @param slices     the heading and links of the run's slices ("Per region"), on the whole report's overview
     * @param wholeHref  on a slice's overview, the whole report's; else empty
     * @param sliceNote  on a slice's overview, who it counts; else empty
     */
    public record OverviewPage(Layout layout, String asOfLead, String asOfText, String freshness, List<KpiTile> kpis, List<HeadlineCard> headlines,
                               List<LeftOutView> leftOut, List<NavLink> countries, ChangesView changes, SliceLinks slices,
                               String wholeHref, String sliceNote) {
    }

    /** A slice's site and PDF, named as its pages name it. */
    public record SliceLink(String label, String siteHref, String pdfHref) {
    }

    /** @param notPublished what the whole report says of the slices it does not publish; empty when none */
    public record SliceLinks(String heading, List<SliceLink> links, String notPublished) {
        public boolean isEmpty() {
            return links.isEmpty();
        }
    }

    /** @param comparison the same figure for all countries, in words; empty when there is none */
    public record KeyFigure(String label, String value, String comparison) {
    }

    /**
     * @param lead           what the page is about, where its name does not say it (the Other page's); else empty
     * @param figuresNote    why several key figures are not published, said once under them; else empty
     * @param otherCountries the links to every country's page but this one
     */
    public record CountryPage(Layout layout, String country, String lead, List<KeyFigure> figures, String figuresNote,
                              List<ChartView> charts, List<NavLink> otherCountries) {
    }

    /** A country's row on the countries page: its link and its figures, in the page's column order. */
    public record CountryRow(NavLink country, List<String> values) {
    }

    public record CountriesPage(Layout layout, List<NavLink> countries, String note, List<String> headers, List<CountryRow> rows) {

        /** Whether a cell reads "–", a figure not published for its country: the note says what a dash is only then. */
        public boolean hasDashes() {
            return rows.stream().anyMatch(row -> row.values().contains("–"));
        }

        /** Whether a cell is empty, a country its figure's file does not list. */
        public boolean hasBlanks() {
            return rows.stream().anyMatch(row -> row.values().contains(""));
        }
    }

    public record MetricView(String name, String definition, String source) {
    }

    /** @param slicesRule how the slices are kept from revealing small groups by subtraction; empty without slices */
    /** {@code undatedAsOf}: for data without any date, the date its SQL reads as the as-of date; empty otherwise. */
    public record MethodologyPage(Layout layout, List<MetricView> metrics, int minGroupSize, int atRiskDays, String asOfText,
                                  String undatedAsOf, String privacyRule, String slicesRule, List<LayerTableView> layerTables) {
    }

    /**
     * A layer table on the methodology page: its anchor ({@link #anchor}), what it holds (paragraphs, and lists where
     * its file's comment lists items), the SQL that builds it, and whether it is empty in this report.
     */
    public record LayerTableView(String name, List<Block> description, String sql, boolean empty) {
        public LayerTableView {
            description = List.copyOf(description);
        }

        /** A paragraph, or a list of items (then the text is empty). */
        public record Block(String text, List<String> items) {
            public Block {
                items = List.copyOf(items);
            }
        }

        /** The view of a layer table, its comment's consecutive items made one list. */
        public static LayerTableView of(Layer.Shown table) {
            List<Block> blocks = new java.util.ArrayList<>();
            for (Layer.Paragraph paragraph : table.description()) {
                if (!paragraph.item()) {
                    blocks.add(new Block(paragraph.text(), List.of()));
                } else if (!blocks.isEmpty() && !blocks.get(blocks.size() - 1).items().isEmpty()) {
                    Block list = blocks.remove(blocks.size() - 1);
                    List<String> items = new java.util.ArrayList<>(list.items());
                    items.add(paragraph.text());
                    blocks.add(new Block("", items));
                } else {
                    blocks.add(new Block("", List.of(paragraph.text())));
                }
            }
            return new LayerTableView(table.name(), blocks, table.sql(), table.empty());
        }

        /** The id of its entry on the methodology page, which the SQL boxes link to. */
        public static String anchor(String name) {
            return "table-" + name.replace('_', '-');
        }
    }

    /**
     * @param sources the files the figures come from, as the PDF's Sources section names them
     * @param modelFiles whether the data is in the model's own files, as the shipped sample is (which the page then describes)
     * @param churnModel whether the report has the churn-risk model
     * @param forecasts whether the report has forecasts
     * @param questions the questions this edition's files answer, each linked to its page (a catalogue alone answers
     *                  none about members, and the page does not promise them)
     */
    public record AboutPage(Layout layout, String asOfText, int minGroupSize, String privacyRule, String sources, boolean modelFiles,
                            boolean churnModel, boolean forecasts, List<NavLink> questions) {
    }

    /** @param narrativeHtml trusted HTML rendered by flexmark from the question's own Markdown (raw HTML is escaped) */
    public record QuestionPage(Layout layout, String title, String question, String narrativeHtml, List<ChartView> charts) {
    }

    public record TableView(String table, String file, String format, String rowsRead, String rowsSetAside, String rowsKept,
                            String dates) {
    }

    public record SetAsideView(String table, String file, String rule, String column, String rows) {
    }

    public record ProblemView(String location, String column, String value, String rule, String message) {
    }

    public record DataPage(Layout layout, String asOfLead, String asOfText, String freshness, List<TableView> tables,
                           List<SetAsideView> setAside, List<ProblemView> sample, List<ProblemView> notes,
                           List<LeftOutView> leftOut) {
    }
}
