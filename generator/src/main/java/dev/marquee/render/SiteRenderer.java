package dev.marquee.render;

import dev.marquee.catalog.ChartSpec;
import dev.marquee.format.Unit;
import dev.marquee.chart.RenderedChart;
import dev.marquee.engine.Column;
import dev.marquee.engine.Table;
import dev.marquee.format.Formats;
import dev.marquee.format.SafeText;
import dev.marquee.format.Wording;
import dev.marquee.model.Problem;
import dev.marquee.publish.Output;
import dev.marquee.query.LeftOut;
import dev.marquee.render.Views.AboutPage;
import dev.marquee.render.Views.ChartView;
import dev.marquee.render.Views.CountriesPage;
import dev.marquee.render.Views.CountryPage;
import dev.marquee.render.Views.DataPage;
import dev.marquee.render.Views.Figure;
import dev.marquee.render.Views.Headline;
import dev.marquee.render.Views.KpiTile;
import dev.marquee.render.Views.Layout;
import dev.marquee.render.Views.LeftOutView;
import dev.marquee.render.Views.MethodologyPage;
import dev.marquee.render.Views.MetricView;
import dev.marquee.render.Views.NavLink;
import dev.marquee.render.Views.OverviewPage;
import dev.marquee.render.Views.ProblemView;
import dev.marquee.render.Views.QuestionPage;
import dev.marquee.render.Views.SetAsideView;
import dev.marquee.render.Views.TableView;
import dev.marquee.model.PublicValue;
import dev.marquee.history.Memory;
import dev.marquee.report.Kpi;
import dev.marquee.report.Report;
import dev.marquee.report.Section;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the static site: an overview with KPI tiles, one page per question, one page per country, the data,
 * methodology and about pages, the CSV of every chart, metrics.json and the style sheet. All links are relative, so
 * the site works from disk and from a sub-path.
 */
public final class SiteRenderer {

    public static final String PDF_NAME = "report.pdf";
    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(ContentType.Html);

    private SiteRenderer() {
    }

    public static void write(Report report, Output output) {
        write(report, java.util.Optional.empty(), dev.marquee.history.Targets.none(), output);
    }

    /**
     * The site; with {@code memory} (a dated edition), also its record, the digest of what changed since the last
     * edition, the targets' statuses on tiles and charts, sparklines across editions and the archive page.
     */
    public static void write(Report report, java.util.Optional<Memory> memory, dev.marquee.history.Targets targets, Output output) {
        List<NavLink> questions = new ArrayList<>();
        for (Section section : report.sections()) {
            questions.add(new NavLink(section.slug() + ".html", section.title(), false));
        }
        Map<String, List<RenderedChart>> countries = countryCharts(report);
        List<NavLink> countryLinks = countries.entrySet().stream()
                .map(c -> new NavLink(countryPage(c.getValue()), c.getKey(), false)).toList();
        Views.ChangesView changes = EditionViews.changes(memory);
        // An archive of this edition alone (a rebuild over itself) is no archive: nothing links to its page.
        boolean archive = memory.filter(m -> m.archive().size() > 1).isPresent();
        // The archive is linked from the editions' links, which a later run rewrites when this page is archived: a menu
        // link to archive.html would break there.
        Site site = new Site(report, questions, !countries.isEmpty(), changes.isEmpty() ? "" : changes.title(),
                memory.map(Memory::nav).orElse(dev.marquee.history.Archive.NO_NAV));
        Map<String, String> targetNotes = targetNotes(memory, targets);

        for (Section section : report.sections()) {
            List<ChartView> charts = new ArrayList<>();
            for (RenderedChart chart : section.charts()) {
                output.write(csvPath(chart), CsvExport.csv(chart.spec(), chart.data()));
                if (chart.facetValue().isEmpty()) {
                    charts.add(chartView(chart, section, report.parameters().minGroupSize(), targetNotes));
                }
            }
            QuestionPage page = new QuestionPage(site.layout(section.title(), section.answer().question().question(),
                    section.slug() + ".html"), section.title(), section.answer().question().question(),
                    Markdown.toHtml(section.narrative()), charts);
            output.write(section.slug() + ".html", render("question.jte", page));
        }
        List<Headline> headlines = new ArrayList<>();
        for (Section section : report.sections()) {
            section.headline().ifPresent(chart -> headlines.add(new Headline(section.slug() + ".html", section.title(),
                    section.answer().question().question(), chartView(chart, section, report.parameters().minGroupSize(), targetNotes))));
        }
        output.write("index.html", render("overview.jte", new OverviewPage(
                site.layout("Overview", "Streaming analytics report, " + report.dateline(), "index.html"),
                report.dateline(), freshness(report), kpiTiles(report.kpis(), memory, targets), headlines, leftOut(report.leftOut()),
                countryLinks, changes)));
        if (!changes.isEmpty()) {
            output.write(CHANGES_PAGE, render("changes.jte", new Views.ChangesPage(
                    site.layout(changes.title(), "What changed since the previous edition, and the targets", CHANGES_PAGE), changes)));
        }
        memory.ifPresent(m -> {
            if (archive) {
                output.write(ARCHIVE_PAGE, render("archive.jte", new Views.ArchivePage(
                        site.layout("Archive", "Every edition of the report, newest first", ARCHIVE_PAGE), EditionViews.archive(m),
                        m.archive().size())));
            }
            output.write(dev.marquee.history.Edition.FILE, dev.marquee.history.EditionJson.write(m.current()));
            output.write(DIGEST, m.digest().markdown(report.title(), report.asOf()));
            output.write(DIGEST_SUBJECT, m.subject() + "\n");
        });
        if (!countries.isEmpty()) {
            CountryFigures figures = CountryFigures.of(report);
            List<Views.CountryRow> rows = countryLinks.stream()
                    .map(link -> new Views.CountryRow(link, figures.values(link.label()).stream().map(CountryFigures.Value::cell).toList()))
                    .toList();
            output.write("countries.html", render("countries.jte", new CountriesPage(
                    site.layout("Countries", "Every country's key figures, and a page per country", "countries.html"), countryLinks,
                    "Countries with fewer than " + report.parameters().minGroupSize() + " members are merged into Other.",
                    figures.columns().stream().map(CountryFigures.Column::label).toList(), rows)));
            for (Map.Entry<String, List<RenderedChart>> country : countries.entrySet()) {
                List<ChartView> charts = country.getValue().stream()
                        .map(c -> chartView(c, sectionOf(report, c), report.parameters().minGroupSize(), Map.of())).toList();
                String page = countryPage(country.getValue());
                List<Figure> countryFigures = new ArrayList<>();
                // Each figure's Other row merges the countries too small for that figure, which differ from one figure to
                // the next: none of them is about the countries of the Other page, whose charts say what they merge.
                List<CountryFigures.Value> values = CountryFigures.isOther(country.getKey()) ? List.of() : figures.values(country.getKey());
                for (int i = 0; i < values.size(); i++) {
                    if (!values.get(i).cell().isEmpty()) {
                        countryFigures.add(new Figure(figures.columns().get(i).label(), values.get(i).text(), values.get(i).comparison()));
                    }
                }
                output.write(page, render("country.jte", new CountryPage(
                        site.layout(country.getKey(), "Plans, devices and key figures for " + country.getKey(), page),
                        country.getKey(), countryFigures, charts,
                        countryLinks.stream().filter(link -> !link.href().equals(page)).toList())));
            }
        }
        output.write("data.html", render("data.jte", dataPage(report, site)));
        output.write("methodology.html", render("methodology.jte", new MethodologyPage(
                site.layout("Methodology", "How every figure is defined", "methodology.html"), metrics(report),
                report.parameters().minGroupSize(), report.parameters().atRiskDays(), report.dateline(),
                dev.marquee.privacy.Disclosure.rule(report.parameters().minGroupSize()))));
        output.write("about.html", render("about.jte", new AboutPage(
                site.layout("About", "What this report is for and how to read it", "about.html"), report.dateline(),
                report.parameters().minGroupSize(), dev.marquee.privacy.Disclosure.rule(report.parameters().minGroupSize()))));
        output.write("metrics.json", MetricsJson.json(report));
        output.write("style.css", dev.marquee.format.Palette.cssVariables() + new String(resource("/site/style.css"),
                java.nio.charset.StandardCharsets.UTF_8));
        output.write("countries.js", resource("/site/countries.js"));
        output.write("charts.js", resource("/site/charts.js"));
    }

    static final String CHANGES_PAGE = "changes.html";
    static final String ARCHIVE_PAGE = "archive.html";
    /** The digest in Markdown and the e-mail subject, for the workflow's summary and the e-mail. */
    static final String DIGEST = "digest.md";
    static final String DIGEST_SUBJECT = "digest-subject.txt";

    /** Per chart ({@code <question>/<chart id>}), the targets drawn on it with their status. */
    private static Map<String, String> targetNotes(java.util.Optional<Memory> memory, dev.marquee.history.Targets targets) {
        Map<String, String> notes = new java.util.HashMap<>();
        if (memory.isEmpty()) {
            return notes;
        }
        for (dev.marquee.history.Targets.Rule rule : targets.rules()) {
            rule.chart().ifPresent(c -> memory.get().current().target(rule.id()).ifPresent(result -> notes.merge(c,
                    "Target “" + result.name() + "”: " + result.status().text() + (result.now().isEmpty() ? "" : " (" + result.now() + ")")
                            + ".", (a, b) -> a + " " + b)));
        }
        return notes;
    }

    /** The navigation every page shares. */
    /** @param changes the title of the changes page, empty when there is none */
    private record Site(Report report, List<NavLink> questions, boolean hasCountries, String changes, String editions) {
        Layout layout(String pageTitle, String description, String current) {
            List<NavLink> links = new ArrayList<>();
            links.add(new NavLink("index.html", "Overview", current.equals("index.html")));
            for (NavLink link : questions) {
                links.add(new NavLink(link.href(), link.label(), link.href().equals(current)));
            }
            if (hasCountries) {
                links.add(new NavLink("countries.html", "Countries", current.equals("countries.html") || current.startsWith("country-")));
            }
            if (!changes.isEmpty()) {
                links.add(new NavLink(CHANGES_PAGE, changes, current.equals(CHANGES_PAGE)));
            }
            links.add(new NavLink("data.html", "Data", current.equals("data.html")));
            links.add(new NavLink("methodology.html", "Methodology", current.equals("methodology.html")));
            links.add(new NavLink("about.html", "About", current.equals("about.html")));
            return new Layout(report.title(), pageTitle, report.dateline(), links, PDF_NAME, description, editions);
        }
    }

    /** A country's page, named by the slug its charts share (unique among the countries). */
    static String countryPage(List<RenderedChart> countryCharts) {
        return "country-" + countryCharts.get(0).facetSlug() + ".html";
    }

    /** Facet charts per country value, in the order the data gives them, Other last. */
    private static Map<String, List<RenderedChart>> countryCharts(Report report) {
        Map<String, List<RenderedChart>> countries = new LinkedHashMap<>();
        for (Section section : report.sections()) {
            for (RenderedChart chart : section.charts()) {
                if (chart.facetValue().isPresent() && chart.spec().facet().orElse("").equals("country")) {
                    countries.computeIfAbsent(chart.facetValue().get(), c -> new ArrayList<>()).add(chart);
                }
            }
        }
        Map<String, List<RenderedChart>> ordered = new LinkedHashMap<>();
        countries.keySet().stream().filter(c -> !c.equals("Other")).sorted().forEach(c -> ordered.put(c, countries.get(c)));
        if (countries.containsKey("Other")) {
            ordered.put("Other", countries.get("Other"));
        }
        return ordered;
    }

    private static Section sectionOf(Report report, RenderedChart chart) {
        return report.sections().stream().filter(s -> s.slug().equals(chart.questionSlug())).findFirst().orElseThrow();
    }

    static List<KpiTile> kpiTiles(List<Kpi> kpis, java.util.Optional<Memory> memory, dev.marquee.history.Targets targets) {
        return kpis.stream().map(k -> new KpiTile(k.id(), k.label(), k.valueText(), k.changeVsPreviousMonth(),
                trend(k.trendVsPreviousMonth()), k.changeVsYearAgo(), trend(k.trendVsYearAgo()), k.comparison(), k.partial(), k.compared(),
                EditionViews.sparkline(memory, k), EditionViews.targets(memory, targets, k))).toList();
    }

    /** The CSS class of a change: good and bad news coloured, no comparison grey. */
    private static String trend(Kpi.Trend trend) {
        return switch (trend) {
            case GOOD -> "good";
            case BAD -> "bad";
            case FLAT -> "flat";
            case NOT_COMPARED -> "na";
        };
    }

    private static List<MetricView> metrics(Report report) {
        return report.definitions().stream().map(d -> new MetricView(d.name(), d.definition(), d.section())).toList();
    }

    private static DataPage dataPage(Report report, Site site) {
        List<TableView> tables = report.quality().tables().stream().map(t -> new TableView(t.table(), t.file(), t.format(),
                Formats.full(t.rowsRead(), Unit.COUNT), Formats.full(t.rowsSetAside(), Unit.COUNT),
                Formats.full(t.rowsKept(), Unit.COUNT), dates(report.tableRanges().get(t.table())))).toList();
        List<SetAsideView> setAside = report.quality().setAside().stream().map(s -> new SetAsideView(s.table(), s.file(),
                s.rule(), s.column(), Formats.full(s.rows(), Unit.COUNT))).toList();
        List<ProblemView> sample = report.quality().setAsideSample().stream().map(SiteRenderer::publicView).toList();
        List<ProblemView> notes = report.quality().notes().stream().map(SiteRenderer::publicView).toList();
        return new DataPage(site.layout("Data", "The data behind the report and what validation set aside", "data.html"),
                report.dateline(), freshness(report), tables, setAside, sample, notes, leftOut(report.leftOut()));
    }

    private static String dates(Report.DateRange range) {
        return range == null || range.first() == null ? "" : Formats.date(range.first()) + " – " + Formats.date(range.last());
    }

    /**
     * A problem as the public site may show it: where (the file's name in the data folder, line, column), the rule and
     * why; identifiers, personal values and raw lines are never published (see {@link PublicValue}).
     */
    static ProblemView publicView(Problem problem) {
        return new ProblemView(problem.location(), problem.column(), PublicValue.of(problem), problem.rule(), problem.message());
    }

    private static List<LeftOutView> leftOut(List<LeftOut> leftOut) {
        return leftOut.stream().map(l -> new LeftOutView(l.title(), l.reason())).toList();
    }

    private static String freshness(Report report) {
        Report.DateRange range = report.dataRange();
        if (range == null || range.first() == null) {
            return "No file holds individual viewing sessions: each figure names the file it comes from.";
        }
        return "Viewing activity from " + Formats.date(range.first()) + " to " + Formats.date(range.last()) + ".";
    }

    private static ChartView chartView(RenderedChart chart, Section section, int k, Map<String, String> targetNotes) {
        Table data = chart.data();
        List<String> headers = new ArrayList<>();
        List<Boolean> numeric = new ArrayList<>();
        for (Column column : data.columns()) {
            headers.add(Formats.header(column.name()));
            numeric.add(column.type().isNumeric());
        }
        List<List<String>> rows = new ArrayList<>();
        for (List<Object> row : data.rows()) {
            List<String> cells = new ArrayList<>(row.size());
            for (int i = 0; i < row.size(); i++) {
                cells.add(chart.spec().cellText(row.get(i), data.columns().get(i).name()));
            }
            rows.add(cells);
        }
        Map<String, String> sql = section.answer().sql();
        String description = Wording.withK(chart.spec().description(), k);
        if (chart.spec().facet().isPresent() && chart.facetValue().isEmpty()) {
            description = (description.isEmpty() ? "" : description + " ") + "Every " + chart.spec().facet().get()
                    + " has its own chart on its page; here is the data for all of them.";
        }
        if (data.isEmpty()) {
            String why = chart.spec().whenEmpty().isEmpty() ? "No data: nothing in the data folder feeds this chart."
                    : chart.spec().whenEmpty();
            description = (description.isEmpty() ? "" : description + " ") + why;
        }
        if (chart.source().isEmpty() && data.indexOf("source").isPresent() && !data.isEmpty()) {
            description = (description.isEmpty() ? "" : description + " ") + "Source: " + data.value(0, "source") + ".";
        }
        String note = section.note(chart);
        if (!note.isEmpty()) {
            description = (description.isEmpty() ? "" : description + " ") + note;
        }
        String target = chart.facetValue().isEmpty() && chart.source().isEmpty()
                ? targetNotes.getOrDefault(chart.questionSlug() + "/" + chart.spec().id(), "") : "";
        if (!target.isEmpty()) {
            description = (description.isEmpty() ? "" : description + " ") + target;
        }
        String id = "chart-" + chart.fileStem();
        String query = chart.spec().query();
        String statement = chart.spec().borrowedResult().map(r -> "-- Computed on the " + r.question() + " page (" + r
                + "); its SQL is shown there.").orElseGet(() -> sql.getOrDefault(query, ""));
        return new ChartView(id, chart.spec().title(), description, chart.svg(), chart.narrowSvg(),
                chart.altText(), headers, rows, numeric, csvPath(chart), statement,
                section.answer().question().slug() + ".sql: " + chart.spec().query());
    }

    static String csvPath(RenderedChart chart) {
        return "csv/" + chart.fileStem() + ".csv";
    }

    /**
     * A page; jte escapes every value for HTML, and the finished page, inline SVG included, goes through SafeText once,
     * so no control character or bidi control from the data reaches the browser.
     */
    private static String render(String template, Object model) {
        StringOutput out = new StringOutput();
        TEMPLATES.render(template, model, out);
        return SafeText.text(out.toString());
    }

    private static byte[] resource(String name) {
        try (InputStream in = SiteRenderer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
