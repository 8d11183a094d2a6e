package dev.marquee.render;

import dev.marquee.catalog.Unit;
import dev.marquee.chart.RenderedChart;
import dev.marquee.engine.Column;
import dev.marquee.engine.Table;
import dev.marquee.format.Formats;
import dev.marquee.model.Problem;
import dev.marquee.publish.Output;
import dev.marquee.query.LeftOut;
import dev.marquee.render.Views.ChartView;
import dev.marquee.render.Views.DataPage;
import dev.marquee.render.Views.Headline;
import dev.marquee.render.Views.Layout;
import dev.marquee.render.Views.LeftOutView;
import dev.marquee.render.Views.NavLink;
import dev.marquee.render.Views.OverviewPage;
import dev.marquee.render.Views.ProblemView;
import dev.marquee.render.Views.QuestionPage;
import dev.marquee.render.Views.SetAsideView;
import dev.marquee.render.Views.TableView;
import dev.marquee.report.Report;
import dev.marquee.report.Section;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Writes the static site: one page per question, an overview, a data page, the CSV of every chart, the style sheet. */
public final class SiteRenderer {

    public static final String PDF_NAME = "report.pdf";
    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(ContentType.Html);

    private SiteRenderer() {
    }

    public static void write(Report report, Output output) {
        List<NavLink> nav = new ArrayList<>();
        for (Section section : report.sections()) {
            nav.add(new NavLink(section.slug() + ".html", section.title(), false));
        }
        for (Section section : report.sections()) {
            List<ChartView> charts = new ArrayList<>();
            for (RenderedChart chart : section.charts()) {
                charts.add(chartView(chart, section));
                output.write(csvPath(chart), CsvExport.csv(chart.spec(), chart.data()));
            }
            QuestionPage page = new QuestionPage(layout(report, section.title(), section.answer().question().question(),
                    nav, section.slug() + ".html"), section.title(), section.answer().question().question(),
                    Markdown.toHtml(section.narrative()), charts);
            output.write(section.slug() + ".html", render("question.jte", page));
        }
        List<Headline> headlines = new ArrayList<>();
        for (Section section : report.sections()) {
            section.headline().ifPresent(chart -> headlines.add(new Headline(section.slug() + ".html", section.title(),
                    section.answer().question().question(), chartView(chart, section))));
        }
        output.write("index.html", render("overview.jte", new OverviewPage(
                layout(report, "Overview", "Streaming analytics report as of " + Formats.date(report.asOf()), nav, "index.html"),
                Formats.date(report.asOf()), freshness(report), headlines, leftOut(report.leftOut()))));
        output.write("data.html", render("data.jte", dataPage(report, nav)));
        output.write("style.css", resource("/site/style.css"));
    }

    private static DataPage dataPage(Report report, List<NavLink> nav) {
        List<TableView> tables = report.quality().tables().stream().map(t -> new TableView(t.table(), t.file(), t.format(),
                Formats.full(t.rowsRead(), Unit.COUNT), Formats.full(t.rowsSetAside(), Unit.COUNT),
                Formats.full(t.rowsKept(), Unit.COUNT))).toList();
        List<SetAsideView> setAside = report.quality().setAside().stream().map(s -> new SetAsideView(s.table(), s.file(),
                s.rule(), s.column(), Formats.full(s.rows(), Unit.COUNT))).toList();
        List<ProblemView> sample = report.quality().setAsideSample().stream().map(SiteRenderer::publicView).toList();
        List<ProblemView> notes = report.quality().notes().stream().map(SiteRenderer::publicView).toList();
        return new DataPage(layout(report, "Data", "The data behind the report and what validation set aside", nav, "data.html"),
                Formats.date(report.asOf()), freshness(report), tables, setAside, sample, notes, leftOut(report.leftOut()));
    }

    /** A problem as the public site may show it: identifiers and raw lines are never published. */
    private static ProblemView publicView(Problem problem) {
        boolean identifying = problem.column().isEmpty() || problem.column().endsWith("_id");
        String value = identifying && !problem.value().isEmpty() ? "(withheld)" : problem.value();
        return new ProblemView(problem.location(), problem.column(), value, problem.rule(), problem.message());
    }

    private static List<LeftOutView> leftOut(List<LeftOut> leftOut) {
        return leftOut.stream().map(l -> new LeftOutView(l.question().title(), l.reason())).toList();
    }

    private static String freshness(Report report) {
        Report.DateRange range = report.dataRange();
        if (range == null || range.first() == null) {
            return "The data holds no member activity.";
        }
        return "Member activity from " + Formats.date(range.first()) + " to " + Formats.date(range.last()) + ".";
    }

    private static Layout layout(Report report, String pageTitle, String description, List<NavLink> nav, String current) {
        List<NavLink> links = new ArrayList<>();
        links.add(new NavLink("index.html", "Overview", current.equals("index.html")));
        for (NavLink link : nav) {
            links.add(new NavLink(link.href(), link.label(), link.href().equals(current)));
        }
        links.add(new NavLink("data.html", "Data", current.equals("data.html")));
        return new Layout(report.title(), pageTitle, Formats.date(report.asOf()), links, PDF_NAME, description);
    }

    private static ChartView chartView(RenderedChart chart, Section section) {
        Table data = chart.data();
        List<String> headers = new ArrayList<>();
        List<Boolean> numeric = new ArrayList<>();
        for (Column column : data.columns()) {
            headers.add(column.name().replace('_', ' '));
            numeric.add(column.type().isNumeric());
        }
        List<List<String>> rows = new ArrayList<>();
        for (List<Object> row : data.rows()) {
            List<String> cells = new ArrayList<>(row.size());
            for (int i = 0; i < row.size(); i++) {
                Unit unit = chart.spec().y().contains(data.columns().get(i).name()) ? chart.spec().unit() : Unit.COUNT;
                cells.add(Formats.cell(row.get(i), unit));
            }
            rows.add(cells);
        }
        Map<String, String> sql = section.answer().sql();
        return new ChartView("chart-" + chart.fileStem(), chart.spec().title(), chart.spec().description(), chart.svg(),
                chart.altText(), headers, rows, numeric, csvPath(chart), sql.getOrDefault(chart.spec().query(), ""),
                section.answer().question().slug() + ".sql: " + chart.spec().query());
    }

    static String csvPath(RenderedChart chart) {
        return "csv/" + chart.fileStem() + ".csv";
    }

    private static String render(String template, Object model) {
        StringOutput out = new StringOutput();
        TEMPLATES.render(template, model, out);
        return out.toString();
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
