package dev.marquee.render;

import dev.marquee.format.Unit;
import dev.marquee.chart.RenderedChart;
import dev.marquee.format.Formats;
import dev.marquee.format.SafeText;
import dev.marquee.model.Problem;
import dev.marquee.publish.Output;
import dev.marquee.render.Views.AboutPage;
import dev.marquee.render.Views.ChartView;
import dev.marquee.render.Views.CountriesPage;
import dev.marquee.render.Views.CountryPage;
import dev.marquee.render.Views.DataPage;
import dev.marquee.render.Views.HeadlineCard;
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
import dev.marquee.report.Report;
import dev.marquee.present.Changes;
import dev.marquee.present.Countries;
import dev.marquee.present.DataTable;
import dev.marquee.present.Figure;
import dev.marquee.present.Page;
import dev.marquee.present.Presentation;
import dev.marquee.present.Slicing;
import dev.marquee.present.TargetStatus;
import dev.marquee.present.Texts;
import dev.marquee.present.Tile;
import dev.marquee.format.Wording;
import dev.marquee.format.Tone;
import dev.marquee.render.Views.TargetView;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
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
        write(Presentation.of(report), output);
    }

    /**
     * The site; for a dated edition (with its memory), also its record, the digest of what changed since the last
     * edition, the targets' statuses on tiles and charts, sparklines across editions and the archive page.
     */
    public static void write(Presentation shown, Output output) {
        Report report = shown.report();
        java.util.Optional<Memory> memory = shown.memory();
        List<NavLink> questions = new ArrayList<>();
        for (Page page : shown.pages()) {
            questions.add(new NavLink(page.href(), page.title(), false));
        }
        Countries countries = shown.countries();
        List<NavLink> countryLinks = countries.countries().stream().map(c -> new NavLink(countryPage(c), c.name(), false)).toList();
        Views.ChangesView changes = changesView(shown.changes());
        // An archive of this edition alone (a rebuild over itself) is no archive: nothing links to its page.
        boolean archive = memory.filter(m -> m.archive().size() > 1).isPresent();
        // The archive is linked from the editions' links, which a later run rewrites when this page is archived: a menu
        // link to archive.html would break there.
        Site site = new Site(shown, questions, !countries.isEmpty(), changes.isEmpty() ? "" : changes.title(),
                memory.map(Memory::nav).orElse(dev.marquee.history.Archive.NO_NAV));

        for (Page page : shown.pages()) {
            for (Figure figure : page.figures()) {
                output.write(csvPath(figure.chart()), CsvExport.csv(figure.chart().spec(), figure.chart().data()));
            }
            QuestionPage view = new QuestionPage(site.layout(page.title(), page.question(), page.href()), page.title(),
                    page.question(), Markdown.toHtml(page.narrative()), page.shown().stream().map(SiteRenderer::chartView).toList());
            output.write(page.href(), render("question.jte", view));
        }
        List<HeadlineCard> headlines = shown.headlines().stream().map(h -> new HeadlineCard(h.page().href(), h.page().title(),
                h.page().question(), chartView(h.figure()))).toList();
        output.write("index.html", render("overview.jte", new OverviewPage(
                site.layout("Overview", "Streaming analytics report, " + shown.dateline(), "index.html"),
                report.datelineLead(), shown.dateline(), shown.freshness(), shown.tiles().stream().map(SiteRenderer::kpiTile).toList(), headlines,
                leftOut(shown.leftOutByQuestion()), countryLinks, changes, new Views.SliceLinks("Per " + shown.slicing().dimension(),
                        shown.slicing().slices().stream().map(l -> new Views.SliceLink(l.label(), l.siteHref(), l.pdfHref())).toList(),
                        shown.slicing().notPublished()),
                shown.slicing().whole().map(Slicing.Whole::href).orElse(""), shown.slicing().whole().map(Slicing.Whole::note).orElse(""))));
        if (!changes.isEmpty()) {
            output.write(CHANGES_PAGE, render("changes.jte", new Views.ChangesPage(
                    site.layout(changes.title(), "What changed since the previous edition, and the targets", CHANGES_PAGE), changes)));
        }
        memory.ifPresent(m -> writeEdition(m, archive, report, site, output));
        if (!countries.isEmpty()) {
            writeCountries(countries, countryLinks, site, output);
        }
        output.write("data.html", render("data.jte", dataPage(shown, site)));
        output.write("methodology.html", render("methodology.jte", new MethodologyPage(
                site.layout("Methodology", "How every figure is defined", "methodology.html"),
                shown.definitions().stream().map(d -> new MetricView(d.name(), d.text(), d.page())).toList(),
                shown.minGroupSize(), report.parameters().atRiskDays(), shown.dateline(),
                report.parameters().dated() ? "" : report.parameters().literals().get("as_of"), shown.privacyRule(),
                shown.slicing().equals(Slicing.NONE) ? "" : Texts.slicesRule(shown.minGroupSize()),
                report.layerTables().stream().map(Views.LayerTableView::of).toList())));
        output.write("about.html", render("about.jte", new AboutPage(
                site.layout("About", "What this report is for and how to read it", "about.html"), shown.dateline(),
                shown.minGroupSize(), shown.privacyRule(), shown.sources(), shown.modelFilesOnly(),
                report.sections().stream().anyMatch(s -> s.answer().results().containsKey("model_summary")),
                report.sections().stream().anyMatch(s -> s.answer().results().containsKey(dev.marquee.catalog.ForecastSpec.ACCURACY)),
                shown.pages().stream().map(page -> new NavLink(page.href(), page.question(), false)).toList())));
        output.write("metrics.json", MetricsJson.json(report));
        output.write("style.css", dev.marquee.format.Palette.cssVariables() + new String(resource("/site/style.css"),
                java.nio.charset.StandardCharsets.UTF_8));
        output.write("countries.js", resource("/site/countries.js"));
        output.write("charts.js", resource("/site/charts.js"));
    }

    /** The edition's record, its digest and subject for the workflow, and the archive page when there is an archive. */
    private static void writeEdition(Memory memory, boolean archive, Report report, Site site, Output output) {
        if (archive) {
            output.write(ARCHIVE_PAGE, render("archive.jte", new Views.ArchivePage(
                    site.layout("Archive", "Every edition of the report, newest first", ARCHIVE_PAGE), EditionViews.archive(memory),
                    memory.archive().size())));
        }
        output.write(dev.marquee.history.Edition.FILE, dev.marquee.history.EditionJson.write(memory.current()));
        output.write(DIGEST, memory.digest().markdown(report.title(), report.asOf()));
        output.write(DIGEST_SUBJECT, memory.subject() + "\n");
    }

    /** The countries' page, their key figures side by side, and a page per country. */
    private static void writeCountries(Countries countries, List<NavLink> countryLinks, Site site, Output output) {
        List<Views.CountryRow> rows = new ArrayList<>();
        for (int i = 0; i < countries.countries().size(); i++) {
            rows.add(new Views.CountryRow(countryLinks.get(i), countries.countries().get(i).values().stream().map(Countries.Value::cell).toList()));
        }
        output.write("countries.html", render("countries.jte", new CountriesPage(
                site.layout("Countries", "Every country's key figures, and a page per country", "countries.html"), countryLinks,
                countries.note(), countries.columns(), rows)));
        for (Countries.Country country : countries.countries()) {
            String page = countryPage(country);
            List<Views.KeyFigure> figures = new ArrayList<>();
            // Each figure's Other row merges the countries too small for that figure, which differ from one figure to
            // the next: none of them is about the countries of the Other page, whose charts say what they merge.
            for (int i = 0; i < country.values().size() && !country.isOther(); i++) {
                Countries.Value value = country.values().get(i);
                if (!value.cell().isEmpty()) {
                    figures.add(new Views.KeyFigure(countries.columns().get(i), value.text(), value.comparison()));
                }
            }
            String figuresNote = sharedReason(figures);
            if (!figuresNote.isEmpty()) {
                List<String> labels = figures.stream().filter(f -> f.value().equals(Tile.NOT_PUBLISHED)).map(Views.KeyFigure::label).toList();
                figures = figures.stream().map(f -> f.value().equals(Tile.NOT_PUBLISHED) ? new Views.KeyFigure(f.label(), f.value(), "") : f)
                        .toList();
                String named = Wording.series(labels.stream().map(SiteRenderer::inSentence).toList());
                figuresNote = Character.toUpperCase(named.charAt(0)) + named.substring(1) + " are not published here: each "
                        + "is " + inSentence(figuresNote) + ".";
            }
            output.write(page, render("country.jte", new CountryPage(
                    site.layout(country.name(), "Plans, devices and key figures for " + country.name(), page),
                    country.name(), country.isOther() ? OTHER_LEAD : "", figures, figuresNote,
                    country.figures().stream().map(SiteRenderer::chartView).toList(),
                    countryLinks.stream().filter(link -> !link.href().equals(page)).toList())));
        }
    }

    /**
     * The reason several of a country's key figures are not published, where they share it: said once under the tiles
     * instead of in each (Argentina's three tiles each repeated its four lines). Empty where fewer than two share one.
     */
    private static String sharedReason(List<Views.KeyFigure> figures) {
        List<String> reasons = figures.stream().filter(f -> f.value().equals(Tile.NOT_PUBLISHED)).map(Views.KeyFigure::comparison).distinct()
                .toList();
        long hidden = figures.stream().filter(f -> f.value().equals(Tile.NOT_PUBLISHED)).count();
        return hidden >= 2 && reasons.size() == 1 && !reasons.get(0).isEmpty() ? reasons.get(0) : "";
    }

    /** A label or reason inside a sentence: its first letter in lower case, unless it starts an abbreviation (MRR). */
    private static String inSentence(String text) {
        return text.length() > 1 && Character.isUpperCase(text.charAt(0)) && Character.isLowerCase(text.charAt(1))
                ? Character.toLowerCase(text.charAt(0)) + text.substring(1) : text;
    }

    /**
     * The Other page's line is of no fixed set of countries: a reader took its jump from 98 to 156 active members in a
     * month for growth, where a country had joined it.
     */
    static final String OTHER_LEAD = "The countries too small to show on their own, together. Which countries they are can "
            + "differ from one figure to the next and from one month to the next, so a jump in a line here is a country joining "
            + "or leaving the group, not a change in its members.";

    static final String CHANGES_PAGE = "changes.html";
    static final String ARCHIVE_PAGE = "archive.html";
    /** The digest in Markdown and the e-mail subject, for the workflow's summary and the e-mail. */
    static final String DIGEST = "digest.md";
    static final String DIGEST_SUBJECT = "digest-subject.txt";

    /** The navigation every page shares. */
    /** @param changes the title of the changes page, empty when there is none */
    private record Site(Presentation shown, List<NavLink> questions, boolean hasCountries, String changes, String editions) {
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
            return new Layout(shown.title(), pageTitle, shown.dateline(), links, PDF_NAME, description, editions);
        }
    }

    /** A country's page, named by the slug its charts share (unique among the countries). */
    static String countryPage(Countries.Country country) {
        return "country-" + country.slug() + ".html";
    }

    private static KpiTile kpiTile(Tile tile) {
        return new KpiTile(tile.id(), tile.label(), tile.value(), tile.vsPreviousMonth().text(), css(tile.vsPreviousMonth().tone()),
                tile.vsYearAgo().text(), css(tile.vsYearAgo().tone()), tile.comparison(), tile.partial(), tile.compared(),
                tile.sparkline().map(SiteRenderer::sparkline).orElse(null), tile.targets().stream().map(SiteRenderer::targetView).toList(),
                tile.whole());
    }

    /** The CSS class of a tone: good and bad news coloured, the rest grey. */
    private static String css(Tone tone) {
        return switch (tone) {
            case GOOD -> "good";
            case BAD -> "bad";
            case FLAT -> "flat";
            case NOT_COMPARED -> "na";
        };
    }

    private static TargetView targetView(TargetStatus target) {
        return new TargetView(target.id(), target.name(), target.status(), css(target.tone()), Texts.onTile(target), target.detail());
    }

    /** The sparkline in the tile's 120 × 28 box: x from 2 to 118, y from 25 (smallest) up to 3. */
    private static Views.SparklineView sparkline(Tile.Sparkline sparkline) {
        StringBuilder points = new StringBuilder();
        double x = 0;
        double y = 0;
        for (double[] point : sparkline.points()) {
            x = 2 + 116 * point[0];
            y = 25 - 22 * point[1];
            points.append(points.length() == 0 ? "" : " ").append(coordinate(x)).append(',').append(coordinate(y));
        }
        return new Views.SparklineView(points.toString(), coordinate(x), coordinate(y), sparkline.said(), sparkline.caption());
    }

    private static String coordinate(double value) {
        return String.format(java.util.Locale.ROOT, "%.1f", value);
    }

    private static Views.ChangesView changesView(java.util.Optional<Changes> changes) {
        if (changes.isEmpty()) {
            return new Views.ChangesView("", false, "", List.of(), List.of());
        }
        Changes c = changes.get();
        return new Views.ChangesView(c.title(), c.remembers(), c.since(), c.parts().stream().map(part -> new Views.ChangePart(part.heading(),
                part.lines().stream().map(l -> new Views.ChangeLine(l.text(), l.href(), css(l.tone()))).toList())).toList(),
                c.targets().stream().map(SiteRenderer::targetView).toList());
    }

    private static DataPage dataPage(Presentation shown, Site site) {
        Report report = shown.report();
        List<TableView> tables = shown.quality().stream().map(t -> new TableView(t.table(), t.file(), t.format(),
                t.rowsRead() + (t.fileRows().isEmpty() ? "" : " from " + t.fileRows() + " rows of the file"),
                t.rowsSetAside(), t.rowsKept(), t.dates())).toList();
        List<SetAsideView> setAside = report.quality().setAside().stream().map(s -> new SetAsideView(s.table(), s.file(),
                s.rule(), s.column(), Formats.full(s.rows(), Unit.COUNT))).toList();
        List<ProblemView> sample = report.quality().setAsideSample().stream().map(SiteRenderer::publicView).toList();
        List<ProblemView> notes = report.quality().notes().stream().map(SiteRenderer::publicView).toList();
        return new DataPage(site.layout("Data", "The data behind the report and what validation set aside", "data.html"),
                report.datelineLead(), shown.dateline(), shown.freshness(), tables, setAside, sample, notes, leftOut(shown.leftOut()));
    }

    /**
     * A problem as the public site may show it: where (the file's name in the data folder, line, column), the rule and
     * why; identifiers, personal values and raw lines are never published (see {@link PublicValue}).
     */
    static ProblemView publicView(Problem problem) {
        return new ProblemView(problem.location(), problem.column(), PublicValue.of(problem), problem.rule(), problem.message());
    }

    private static List<LeftOutView> leftOut(List<Presentation.LeftOutLine> lines) {
        return lines.stream().map(l -> new LeftOutView(l.title(), l.reason())).toList();
    }

    /** A chart as its page shows it; its SQL box links to the methodology page's entry of each layer table it reads. */
    private static ChartView chartView(Figure figure) {
        RenderedChart chart = figure.chart();
        // The PDF's table leaves empty columns out too; the CSV keeps every column.
        DataTable table = figure.shownTable();
        return new ChartView("chart-" + chart.fileStem(), figure.title(), figure.description(), chart.svg(), chart.narrowSvg(),
                figure.altText(), table.headers(), table.rows(), table.numeric(), csvPath(chart),
                figure.sql(), figure.sqlLabel(), figure.layerTables());
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
