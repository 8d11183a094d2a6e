package dev.marquee.present;

import dev.marquee.chart.RenderedChart;

/**
 * A chart as readers see it, wherever it is laid out: the drawing, its title and alt text, the sentences under its title
 * (its description, what was merged or hidden for privacy, its source, its targets), its data as a formatted table,
 * and the SQL behind it.
 *
 * @param sql      the statement that computed the data; for a result the outlook stage computed (a forecast, a
 *                 model's aggregates), how, with the statement it started from; where it is shown when another
 *                 question computed it
 * @param sqlLabel what {@code sql} is: "SQL (churn.sql: by_region)", or "How it is computed (...)"
 * @param layerTables the report's layer tables {@code sql} reads, in build order (the methodology page shows each)
 * @param fileDate    for a chart of one member file's rows beside other files, the date its figures are of ("as of Jul
 *                    2023", "undated"), which the report's is not; else empty
 */
public record Figure(RenderedChart chart, String description, DataTable table, String sql, String sqlLabel,
                     java.util.List<String> layerTables, boolean namesSources, String fileDate) {

    public Figure {
        layerTables = java.util.List.copyOf(layerTables);
    }

    /** A figure of a report whose populations sit side by side: its table names the file of each row. */
    public Figure(RenderedChart chart, String description, DataTable table, String sql, String sqlLabel,
                  java.util.List<String> layerTables) {
        this(chart, description, table, sql, sqlLabel, layerTables, true, "");
    }

    /**
     * The table as a page shows it: without the columns empty in every row, and, in a report of one population, without
     * the file column where another column labels the rows (the sample's "event files" in every row): the Data and
     * About pages name the one population, and the CSV keeps the column.
     */
    public DataTable shownTable() {
        DataTable shown = table.withoutEmptyColumns();
        return namesSources || !shown.labelledBesides("source") ? shown : shown.without("source");
    }

    public String title() {
        return chart.spec().title();
    }

    /**
     * The one file the chart's rows come from, in a report of several files, where its title does not name it (a chart
     * split by file names it in each part's title); empty otherwise. The site says it under the chart ("Source: ...").
     */
    public java.util.Optional<String> unnamedSource() {
        java.util.List<String> sources = chart.data().sources();
        return namesSources && chart.source().isEmpty() && sources.size() == 1 ? java.util.Optional.of(sources.get(0))
                : java.util.Optional.empty();
    }

    public String altText() {
        return chart.altText();
    }

    /** False for a table-only entry, which has no drawing. */
    public boolean drawn() {
        return chart.chart().isPresent();
    }

    /**
     * True when every category the chart compares is "Other (small groups)", as a region chart is in a slice of one
     * region whose row is hidden, or every part its bars are stacked of is (the Middle East &amp; Africa slice's plan mix:
     * two bars, each 100% "Other"): the drawing names nothing, so it is no headline (its page still has it).
     */
    public boolean comparesOnlyTheMergedGroup() {
        return allMerged(chart.spec().x()) || chart.spec().series().map(this::allMerged).orElse(false);
    }

    private boolean allMerged(String column) {
        return !column.isEmpty() && !chart.data().isEmpty() && chart.data().indexOf(column).isPresent()
                && chart.data().columnValues(column).stream().allMatch(v -> dev.marquee.privacy.Disclosure.OTHER.equals(String.valueOf(v)));
    }
}
