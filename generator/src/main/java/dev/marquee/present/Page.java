package dev.marquee.present;

import java.util.List;
import java.util.Optional;

/**
 * A question as readers see it: its title and question, the narrative (Markdown, values from the data escaped) and
 * its first two sentences as the dashboard's takeaway, and its figures in declaration order.
 *
 * @param figures  every chart of the question, one population's and one facet value's (a country's) included
 * @param headline the figure the overview and the PDF's cover show for the question, if it names one
 */
public record Page(String slug, String title, String question, String narrative, String takeaway, List<Figure> figures,
                   Optional<Figure> headline) {

    /** A dashboard page shows at most this many charts; the site shows them all. */
    public static final int DASHBOARD_CHARTS = 4;

    public Page {
        figures = List.copyOf(figures);
    }

    /** The figures of the question's own page: all but the facet values' (each country's is on that country's page), and no table twice. */
    public List<Figure> shown() {
        List<Figure> own = figures.stream().filter(f -> f.chart().facetValue().isEmpty()).toList();
        // A faceted chart's table of every country repeats, row for row, the table of a chart of the same statement
        // and file on this page (the plan mix by country): that chart has it.
        return own.stream().filter(f -> f.chart().spec().facet().isEmpty() || own.stream().noneMatch(other ->
                other.chart().spec().facet().isEmpty() && other.chart().spec().query().equals(f.chart().spec().query())
                        && other.chart().source().equals(f.chart().source()))).toList();
    }

    /** The charts of the question's dashboard page: the drawn figures of its own page, at most {@link #DASHBOARD_CHARTS}. */
    public List<Figure> dashboard() {
        return shown().stream().filter(Figure::drawn).limit(DASHBOARD_CHARTS).toList();
    }

    /** The table of the question's dashboard page, from the figures of its own page that have data, if any has. */
    public Optional<DashboardTable> dashboardTable() {
        return DashboardTable.of(shown(), takeaway);
    }

    public String href() {
        return slug + ".html";
    }
}
