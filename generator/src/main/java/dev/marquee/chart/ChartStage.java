package dev.marquee.chart;

import dev.marquee.catalog.ChartKind;
import dev.marquee.catalog.ChartSpec;
import dev.marquee.engine.Table;
import dev.marquee.format.Slugs;
import dev.marquee.privacy.Disclosure;
import dev.marquee.query.Answer;
import dev.marquee.run.Background;

import org.jfree.chart.JFreeChart;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Turns every answered question's charts into SVG for the site and vector drawings for the PDF. */
public final class ChartStage {

    private ChartStage() {
    }

    /**
     * Finds the machine's fonts (a tenth of a second in AWT) on a background thread, so the first chart does not
     * wait for them; the pipeline calls this while the data loads, which leaves a core partly idle.
     */
    public static void preload(Background background) {
        background.initialise("chart-fonts", Theme.class);
    }

    /** Every chart, in the order of the answers and of each question's charts. */
    public static List<RenderedChart> render(Background background, List<Answer> answers) {
        return render(background, answers, Map.of());
    }

    /**
     * Every chart, with reference lines (targets) drawn on the charts they name by {@code <question>/<chart id>}; a
     * chart of one file among several, or of one facet value, gets none.
     */
    public static List<RenderedChart> render(Background background, List<Answer> answers, Map<String, List<ReferenceLine>> lines) {
        List<Job> jobs = new ArrayList<>();
        for (Answer answer : answers) {
            for (ChartSpec spec : answer.question().charts()) {
                Optional<Table> borrowed = spec.borrowedResult().flatMap(reference -> borrowed(answers, reference));
                if (!spec.drawsOwnResult() && borrowed.isEmpty()) {
                    // The other question was left out for lack of data: no chart rather than an empty one.
                    continue;
                }
                Table all = borrowed.orElseGet(() -> answer.result(spec.query()));
                Set<String> changes = changes(answers, answer, spec);
                List<String> sources = all.indexOf(SOURCE).isPresent() ? facetValues(all, SOURCE) : List.of();
                // Rows of several populations (files) are never pooled: each gets a chart of its own, titled by it. A table
                // keeps them side by side, one row per file, its source column saying which.
                boolean split = sources.size() > 1 && !(spec.kind() == dev.marquee.catalog.ChartKind.TABLE && spec.facet().isEmpty());
                for (Optional<String> source : split ? sources.stream().map(Optional::of).toList() : List.of(Optional.<String>empty())) {
                    Table data = source.map(s -> filter(all, SOURCE, s)).orElse(all);
                    ChartSpec shown = source.map(s -> spec.titled(spec.title() + sourceSuffix(s))).orElse(spec).labelledFrom(data)
                            .inWholeDollars(data);
                    if (spec.facet().isEmpty()) {
                        jobs.add(new Job(answer.question().slug(), shown, data, Optional.empty(), false, source, changes));
                        continue;
                    }
                    // The whole table once (shown as a table), then one chart per facet value.
                    jobs.add(new Job(answer.question().slug(), shown, data, Optional.empty(), true, source, changes));
                    for (String value : facetValues(data, spec.facet().get())) {
                        jobs.add(new Job(answer.question().slug(), shown, facetRows(data, spec, value), Optional.of(value),
                                false, source, changes));
                    }
                }
            }
        }
        Map<String, Map<String, String>> slugs = facetSlugs(jobs);
        Map<String, String> sourceSlugs = Slugs.unique(jobs.stream().flatMap(j -> j.source().stream()).distinct().toList());
        // Charts share nothing, so they are drawn side by side, and come back in job order.
        return background.each("charts", jobs, job -> {
            String facetSlug = job.facetValue().map(v -> slugs.get(job.spec().facet().get()).get(v)).orElse("");
            String sourceSlug = job.source().map(sourceSlugs::get).orElse("");
            return job.tableOnly()
                    ? new RenderedChart(job.slug(), job.spec(), job.data(), Optional.empty(), "", "",
                            AltText.describe(job.spec(), job.data(), job.changes()), Optional.empty(), "", job.source(), sourceSlug)
                    : render(job.slug(), job.spec(), job.data(), job.facetValue(), facetSlug, job.source(), sourceSlug,
                            job.facetValue().isEmpty() && job.source().isEmpty()
                                    ? lines.getOrDefault(job.slug() + "/" + job.spec().id(), List.of()) : List.of(), job.changes());
        });
    }

    /** The column that names a row's population (its file), in results read from the member and title layer. */
    static final String SOURCE = "source";

    /** One chart to draw; a faceted chart's all-values entry is a table only. */
    private record Job(String slug, ChartSpec spec, Table data, Optional<String> facetValue, boolean tableOnly,
                       Optional<String> source, Set<String> changes) {
    }

    /**
     * The columns of the result a chart draws that compare a row with the row before (a growth rate): their first row has
     * no value by definition. Declared in the privacy of the question whose result it is.
     */
    private static Set<String> changes(List<Answer> answers, Answer answer, ChartSpec spec) {
        Answer owner = spec.borrowedResult().flatMap(reference -> answerOf(answers, reference)).orElse(answer);
        String result = spec.borrowedResult().map(dev.marquee.catalog.Reference::name).orElse(spec.query());
        return owner.question().privacy().stream().filter(g -> g.result().equals(result))
                .flatMap(g -> g.changes().stream()).collect(java.util.stream.Collectors.toSet());
    }

    /**
     * Per facet column (country, ...), every value's file-name part, unique over all charts faceted by that column, so
     * a country has the same name in every file and two countries never share one.
     */
    private static Map<String, Map<String, String>> facetSlugs(List<Job> jobs) {
        Map<String, List<String>> values = new TreeMap<>();
        for (Job job : jobs) {
            job.facetValue().ifPresent(v -> values.computeIfAbsent(job.spec().facet().get(), c -> new ArrayList<>()).add(v));
        }
        Map<String, Map<String, String>> slugs = new TreeMap<>();
        values.forEach((column, all) -> slugs.put(column, Slugs.unique(all)));
        return slugs;
    }

    /**
     * Whether no value the chart would draw is published: every row's figures hidden (a slice whose one region is hidden
     * against differencing). Axes round nothing are no chart; the table says what is hidden and why.
     */
    private static boolean everyFigureHidden(ChartSpec spec, Table data) {
        List<String> drawn = spec.y().stream().filter(y -> data.indexOf(y).isPresent()).toList();
        return !drawn.isEmpty() && drawn.stream().allMatch(y -> data.columnValues(y).stream().allMatch(java.util.Objects::isNull));
    }

    /**
     * Whether a chart's bars would be one "Other (small groups)" bar: every value merged, it is the total again (Italy's
     * plan mix, 100%), which the chart's table gives; it is not drawn.
     */
    public static boolean onlyMergedRow(ChartSpec spec, Table data) {
        return spec.series().isEmpty() && !data.isEmpty() && data.indexOf(spec.x()).isPresent()
                && data.rows().stream().allMatch(row -> Disclosure.OTHER.equals(row.get(data.index(spec.x()))));
    }

    /**
     * The rows of a chart of shares whose bar is whole: a bar with a hidden part would stretch its shown parts to 100%
     * (the Netherlands' Standard members, 47.7% of them, drawn as all). Such a bar is left out; the table lists it.
     */
    static Table wholeBarsOnly(ChartSpec spec, Table data) {
        int x = data.index(spec.x());
        java.util.Set<Object> partlyHidden = new java.util.HashSet<>();
        for (List<Object> row : data.rows()) {
            for (String y : spec.y()) {
                if (data.indexOf(y).isPresent() && row.get(data.index(y)) == null) {
                    partlyHidden.add(row.get(x));
                }
            }
        }
        if (partlyHidden.isEmpty()) {
            return data;
        }
        return new Table(data.columns(), data.rows().stream().filter(row -> !partlyHidden.contains(row.get(x))).toList());
    }

    static RenderedChart render(String slug, ChartSpec spec, Table data, Optional<String> facetValue, String facetSlug) {
        return render(slug, spec, data, facetValue, facetSlug, Optional.empty(), "");
    }

    static RenderedChart render(String slug, ChartSpec spec, Table data, Optional<String> facetValue, String facetSlug,
                                Optional<String> source, String sourceSlug) {
        return render(slug, spec, data, facetValue, facetSlug, source, sourceSlug, List.of());
    }

    static RenderedChart render(String slug, ChartSpec spec, Table data, Optional<String> facetValue, String facetSlug,
                                Optional<String> source, String sourceSlug, List<ReferenceLine> lines) {
        return render(slug, spec, data, facetValue, facetSlug, source, sourceSlug, lines, Set.of());
    }

    /** @param changes the columns of the result that compare a row with the row before (its privacy's {@code changes}) */
    static RenderedChart render(String slug, ChartSpec spec, Table data, Optional<String> facetValue, String facetSlug,
                                Optional<String> source, String sourceSlug, List<ReferenceLine> lines, Set<String> changes) {
        String alt = AltText.describe(spec, data, changes);
        Table drawn = spec.kind() == ChartKind.STACKED_PERCENT ? wholeBarsOnly(spec, data) : data;
        if (spec.kind() == ChartKind.TABLE || drawn.isEmpty() || everyFigureHidden(spec, drawn) || onlyMergedRow(spec, drawn)) {
            return new RenderedChart(slug, spec, data, Optional.empty(), "", "", alt, facetValue, facetSlug, source, sourceSlug);
        }
        JFreeChart chart = ChartBuilder.build(spec, drawn);
        lines.forEach(line -> ChartBuilder.addReferenceLine(chart, line));
        String id = "svg-" + slug + "-" + spec.id() + (sourceSlug.isEmpty() ? "" : "-" + sourceSlug)
                + (facetSlug.isEmpty() ? "" : "-" + facetSlug);
        // The page gives the chart its heading; the PDF, which has none of its own for a chart, draws the chart's title.
        org.jfree.chart.title.TextTitle title = chart.getTitle();
        chart.setTitle((org.jfree.chart.title.TextTitle) null);
        String svg = SvgWriter.svg(chart, id, spec);
        String narrow = SvgWriter.narrowSvg(chart, id, spec);
        chart.setTitle(title);
        return new RenderedChart(slug, spec, data, Optional.of(chart), svg, narrow, alt, facetValue, facetSlug, source, sourceSlug);
    }

    /** A result of another question, "slug/result", when that question was answered and has it. */
    static Optional<Table> borrowed(List<Answer> answers, dev.marquee.catalog.Reference reference) {
        return answerOf(answers, reference).flatMap(a -> Optional.ofNullable(a.results().get(reference.name())));
    }

    /** The answer of the question a reference names, when that question was answered. */
    private static Optional<Answer> answerOf(List<Answer> answers, dev.marquee.catalog.Reference reference) {
        return answers.stream().filter(a -> a.question().slug().equals(reference.question())).findFirst();
    }

    /** The distinct values of the facet column, in the order the query returned them. */
    static List<String> facetValues(Table data, String column) {
        return data.columnValues(column).stream().filter(java.util.Objects::nonNull).map(Object::toString).distinct().toList();
    }

    /**
     * One facet's rows. A line keeps every x of the table: an x where the facet's value is merged into "Other (small
     * groups)" (a country too small that month, or merged to protect one) is a row of empty figures, drawn as a gap and
     * counted as not shown, rather than a shorter axis that reads as if the country's data stopped. An x with no Other
     * row is one the value truly has no row at (no members that month), and stays out.
     */
    static Table facetRows(Table data, ChartSpec spec, String value) {
        Table own = filter(data, spec.facet().get(), value);
        if (spec.kind() != ChartKind.LINE || spec.series().isPresent() || value.equals(Disclosure.OTHER)) {
            return own;
        }
        int x = data.index(spec.x());
        int facet = data.index(spec.facet().get());
        Optional<Integer> source = data.indexOf(SOURCE);
        Set<Object> ownXs = own.rows().stream().map(row -> row.get(x)).collect(Collectors.toSet());
        Set<Object> merged = data.rows().stream().filter(row -> Disclosure.OTHER.equals(row.get(facet))).map(row -> row.get(x))
                .collect(Collectors.toSet());
        List<List<Object>> rows = new ArrayList<>(own.rows());
        for (Object at : merged) {
            if (at != null && !ownXs.contains(at)) {
                List<Object> empty = new ArrayList<>(Collections.nCopies(data.columns().size(), null));
                empty.set(x, at);
                empty.set(facet, value);
                source.ifPresent(column -> empty.set(column, own.rows().isEmpty() ? null : own.rows().get(0).get(column)));
                rows.add(empty);
            }
        }
        if (rows.size() == own.rows().size()) {
            return own;
        }
        rows.sort((a, b) -> compareX(a.get(x), b.get(x)));
        return new Table(data.columns(), rows);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareX(Object a, Object b) {
        return a instanceof Comparable && a.getClass().equals(b.getClass()) ? ((Comparable) a).compareTo(b)
                : String.valueOf(a).compareTo(String.valueOf(b));
    }

    private static Table filter(Table data, String column, String value) {
        int index = data.index(column);
        return new Table(data.columns(), data.rows().stream().filter(r -> r.get(index) != null && r.get(index).toString().equals(value)).toList());
    }

    /** What a chart drawn once per population adds to its title: " — netflix_users.csv". */
    static String sourceSuffix(String source) {
        return " \u2014 " + source;
    }
}
