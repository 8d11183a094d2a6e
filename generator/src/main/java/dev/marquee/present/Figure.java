package dev.marquee.present;

import dev.marquee.chart.RenderedChart;

/**
 * A chart as readers see it, wherever it is laid out: the drawing, its title and alt text, the sentences under its title
 * (its description, what was merged or hidden for privacy, its source, its targets), its data as a formatted table,
 * and the SQL behind it.
 *
 * @param sql       the statement that computed the data, or where it is shown when another question computed it
 * @param queryName the file and statement it comes from ({@code churn.sql: by_region})
 */
public record Figure(RenderedChart chart, String description, DataTable table, String sql, String queryName) {

    public String title() {
        return chart.spec().title();
    }

    public String altText() {
        return chart.altText();
    }

    /** False for a table-only entry, which has no drawing. */
    public boolean drawn() {
        return chart.chart().isPresent();
    }
}
