package dev.marquee.present;

import dev.marquee.format.Tone;
import dev.marquee.chart.RenderedChart;
import dev.marquee.format.Formats;
import dev.marquee.format.Unit;
import dev.marquee.format.Wording;
import dev.marquee.history.Digest;
import dev.marquee.history.Memory;
import dev.marquee.history.Targets;
import dev.marquee.layer.Layer;
import dev.marquee.privacy.Disclosure;
import dev.marquee.report.Report;
import dev.marquee.report.Section;
import dev.marquee.validate.TableQuality;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The report as its readers see it, decided once: every text, every table formatted, every tone, which charts and
 * headlines are shown, and the fixed texts. The site and the PDF are two layouts of this and decide none of it.
 *
 * @param report      the answers it is made of, for the outputs machines read (metrics.json, the edition's record)
 * @param period      the period the viewing data covers ("1 Jan 2024 – 31 Dec 2024"), empty without viewing sessions
 * @param freshness   the same in a sentence, or which files the figures come from when none holds viewing sessions
 * @param sources     the files the figures come from, in a sentence
 * @param privacyRule the smallest-group rule, in the words of the methodology page
 * @param leftOut     every question, chart and key figure the data could not answer, and why: the Data page's list
 * @param leftOutByQuestion the same, a line per question: the overview's and the PDF's list
 * @param changes     what changed since the previous edition and the targets; empty for an undated snapshot
 * @param slicing     the slices the whole report links, or the whole report a slice's report refers to
 */
public record Presentation(Report report, Optional<Memory> memory, String title, String dateline, String period, String freshness,
                           List<Tile> tiles, List<Page> pages, Countries countries, List<Definition> definitions, List<QualityRow> quality,
                           String sources, String privacyRule, String privacySummary, List<LeftOutLine> leftOut,
                           List<LeftOutLine> leftOutByQuestion, Optional<Changes> changes, Slicing slicing) {

    public Presentation {
        tiles = List.copyOf(tiles);
        pages = List.copyOf(pages);
        definitions = List.copyOf(definitions);
        quality = List.copyOf(quality);
        leftOut = List.copyOf(leftOut);
        leftOutByQuestion = List.copyOf(leftOutByQuestion);
    }

    /** A metric's definition ("k" given as the number) and the page it is on. */
    public record Definition(String name, String text, String page) {
    }

    /**
     * A table of the data model as loaded: where from, and its rows read, set aside and used, written out.
     *
     * @param fileRows the rows of the file a shape made the table's of, where they differ ("6,137"); else empty
     */
    public record QualityRow(String table, String file, String format, String rowsRead, String rowsSetAside, String rowsKept,
                             String dates, String fileRows) {
        /** The generator's own reference table (regions, genre map), which no data file gave. */
        public boolean builtIn() {
            return file.equals(dev.marquee.load.DataLoader.BUILT_IN);
        }
    }

    /** A question, or one of its charts or KPIs, that the data could not answer, and why. */
    public record LeftOutLine(String title, String reason) {
    }

    /** A question's headline figure, with its page. */
    public record Headline(Page page, Figure figure) {
    }

    /**
     * What a report without viewing sessions says under its date: each file runs to its own, which {@code dataPage}
     * gives ("the Data page" on the site, "the site's Data page" in the PDF).
     */
    private static String eachFileItsOwnDate(Report report, String dataPage) {
        // Each member file's latest month, where the report holds them (a reader looked for them in the PDF, which has no
        // Data page): "Jul 2023 for Netflix Userbase.csv and Mar 2025 for netflix_users.csv". A file without dates runs to
        // none: "none for netflix_customer_churn.csv" read as a date; it is said apart ("... has no dates").
        List<String> dates = report.fileRanges().entrySet().stream().filter(e -> e.getValue().last() != null)
                .map(e -> Formats.month(e.getValue().last()) + " for " + e.getKey()).toList();
        List<String> undated = report.fileRanges().entrySet().stream().filter(e -> e.getValue().last() == null)
                .map(Map.Entry::getKey).toList();
        if (dates.isEmpty() && undated.isEmpty()) {
            return "No file holds individual viewing sessions: each figure names the file it comes from, and a "
                    + "file's figures run to its own latest date, which " + dataPage + " gives.";
        }
        // Files of titles (a catalogue, an engagement report) are not listed: the Data page gives their dates, and an
        // engagement report's figures name its period.
        String withoutDates = undated.isEmpty() ? ""
                : Wording.series(undated) + (undated.size() == 1 ? " has no dates." : " have no dates.");
        return dates.isEmpty() ? "No file holds individual viewing sessions, so each figure names its file; " + withoutDates
                : "No file holds individual viewing sessions, so each figure names its file, and a file of members runs to its own "
                + "latest date: " + Wording.series(dates) + (withoutDates.isEmpty() ? "." : "; " + withoutDates);
    }

    /**
     * The same for a report's populations: a report of one file says which, since its figures do not name it (see
     * {@link Report#populations}).
     */
    public static String ownDates(Report report, String dataPage) {
        List<String> populations = report.populations();
        return populations.size() != 1 ? eachFileItsOwnDate(report, dataPage)
                : "No file holds individual viewing sessions: every figure comes from one file, " + populations.get(0)
                        + ", and runs to its latest date, which " + dataPage + " gives.";
    }

    public static Presentation of(Report report) {
        return of(report, Optional.empty(), Targets.none());
    }

    public static Presentation of(Report report, Optional<Memory> memory, Targets targets) {
        return of(report, memory, targets, Slicing.NONE);
    }

    public static Presentation of(Report report, Optional<Memory> memory, Targets targets, Slicing slicing) {
        int k = report.parameters().minGroupSize();
        Map<String, String> targetNotes = targetNotes(memory, targets);
        List<String> layerTables = report.layerTables().stream().map(Layer.Shown::name).toList();
        // A report of one population (the event files alone, one public file alone) names it on the Data and About
        // pages; only where populations sit side by side does each chart say which one it counts.
        List<String> populations = report.populations();
        boolean severalSources = populations.size() > 1;
        Map<String, Report.DateRange> fileRanges = report.fileRanges();
        List<Page> pages = report.sections().stream().map(s -> page(s, k, targetNotes, layerTables, severalSources,
                report.parameters().dated(), report.parameters().eventSource(), source -> severalSources ? ownDate(report, fileRanges, source) : FileDate.NONE)).toList();
        Report.DateRange range = report.dataRange();
        String period = dates(range);
        // An undated file (a churn table alone) has no latest date to run to: "an undated snapshot" then "a file's figures
        // run to its own latest date" contradicted each other.
        String freshness = !period.isEmpty()
                ? "Viewing activity from " + Formats.date(range.first()) + " to " + Formats.date(range.last()) + "."
                : report.parameters().dated() ? ownDates(report, "the Data page")
                : populations.size() == 1 ? "No file holds individual viewing sessions or dates: every figure counts the members "
                        + "of " + populations.get(0) + " as the file lists them."
                // A catalogue alone (JustWatch's titles) has no members to count.
                : populations.isEmpty() ? "No file holds members, viewing sessions or dates: each figure names the file it comes "
                        + "from and counts its titles as the file lists them."
                : "No file holds individual viewing sessions or dates: each figure names the file it comes from and counts its "
                        + "members as the file lists them.";
        List<Definition> definitions = report.definitions().stream()
                .map(d -> new Definition(d.name(), d.definition(), d.section())).toList();
        // A table a shape made of a file with more (or fewer) rows than the file names the file's count beside its own:
        // 11,554 rows read of a file of 6,137 (a row per score) read as an error.
        List<QualityRow> quality = report.quality().tables().stream().map(t -> new QualityRow(t.table(), t.file(), t.format(),
                Formats.full(t.rowsRead(), Unit.COUNT), Formats.full(t.rowsSetAside(), Unit.COUNT), Formats.full(t.rowsKept(), Unit.COUNT),
                datesOf(report, t),
                t.fileRows() == t.rowsRead() ? "" : Formats.full(t.fileRows(), Unit.COUNT))).toList();
        String prices = dev.marquee.privacy.PriceRounding.rule(report.parameters().prices(), k);
        String rule = Disclosure.rule(k) + (prices.isEmpty() ? "" : " " + prices);
        return new Presentation(report, memory, report.title(), report.dateline(), period, freshness,
                report.kpis().stream().map(kpi -> Tile.of(kpi, memory, targets, slicing.whole())).toList(), pages, Countries.of(report, pages), definitions,
                quality, sources(report),
                rule, "Only aggregates are published. " + rule + " No member id or name appears anywhere.",
                report.leftOut().stream().map(l -> new LeftOutLine(l.title(), l.reasonWithNames())).toList(),
                LeftOutSummary.byQuestion(report.leftOut()), memory.map(Presentation::changes),
                slicing);
    }

    /** Every question's headline figure, in the questions' order. */
    public List<Headline> headlines() {
        List<Headline> headlines = new ArrayList<>();
        for (Page page : pages) {
            page.headline().ifPresent(figure -> headlines.add(new Headline(page, figure)));
        }
        return headlines;
    }

    public int minGroupSize() {
        return report.parameters().minGroupSize();
    }

    /** @param ownDate the sentence under a chart of one population's rows on its own date (see ownDate) */
    private static Page page(Section section, int k, Map<String, String> targetNotes, List<String> layerTables, boolean severalSources,
                             boolean dated, String eventSource, java.util.function.Function<Optional<String>, FileDate> ownDate) {
        List<Figure> figures = new ArrayList<>();
        Optional<Figure> headline = Optional.empty();
        Optional<RenderedChart> headlineChart = section.headline();
        for (RenderedChart chart : section.charts()) {
            Figure figure = figure(chart, section, k, targetNotes, layerTables, severalSources, dated, eventSource, ownDate);
            figures.add(figure);
            // A chart whose figures shown are all 0 beside hidden ones (a slice's signups, every month but one hidden), or
            // that shows none, is no headline: on the overview it reads as a region where no one signed up.
            if (headlineChart.isPresent() && headlineChart.get() == chart && !figure.comparesOnlyTheMergedGroup() && !onlyZerosShown(chart)
                    && !noFigureShown(chart)) {
                headline = Optional.of(figure);
            }
        }
        return new Page(section.slug(), section.title(), section.answer().question().question(), section.narrative(),
                Takeaway.of(section.narrative()), figures, headline);
    }

    /**
     * Whether a chart's plotted figures are all 0 where any is shown, with some not shown: small groups' counts are
     * hidden and a count of none is not, so a slice's monthly churn can keep only its months without a churner, and
     * read as a region that never loses anyone.
     */
    static boolean onlyZerosShown(RenderedChart chart) {
        var data = chart.data();
        List<Object> figures = new ArrayList<>();
        chart.spec().y().stream().filter(y -> data.indexOf(y).isPresent()).forEach(y -> figures.addAll(data.columnValues(y)));
        return zerosBesideHidden(figures);
    }

    /**
     * What a PDF page says of a chart whose figures shown are all 0 beside hidden ones, which its grid has no room to
     * say under the chart: "In “Monthly churn by region”, every churn rate of Middle East &amp; Africa shown is 0."
     */
    public static Optional<String> zerosShownNote(RenderedChart chart) {
        if (onlyZerosShown(chart)) {
            return Optional.of("In \u201c" + chart.titleWithoutSource() + "\u201d, every figure shown is 0.");
        }
        List<String> zeroLines = linesOnlyZerosShown(chart);
        return zeroLines.isEmpty() ? Optional.empty() : Optional.of("In \u201c" + chart.titleWithoutSource() + "\u201d, every "
                + Formats.header(chart.spec().y().get(0)) + " of " + Wording.series(zeroLines) + " shown is 0.");
    }

    /** Whether a chart has rows and shows none of their figures: every one hidden. */
    static boolean noFigureShown(RenderedChart chart) {
        var data = chart.data();
        List<Object> figures = new ArrayList<>();
        chart.spec().y().stream().filter(y -> data.indexOf(y).isPresent()).forEach(y -> figures.addAll(data.columnValues(y)));
        return !figures.isEmpty() && figures.stream().allMatch(java.util.Objects::isNull);
    }

    /** Whether figures, some of them hidden (null), are all 0 where shown, and some are. */
    private static boolean zerosBesideHidden(List<Object> figures) {
        return figures.stream().anyMatch(java.util.Objects::isNull) && figures.stream().anyMatch(java.util.Objects::nonNull)
                && figures.stream().filter(java.util.Objects::nonNull).allMatch(v -> v instanceof Number n && n.doubleValue() == 0);
    }

    /**
     * The lines of a chart of several (one per region) whose figures shown are all 0, with some not shown: the whole
     * report's monthly churn by region kept Middle East &amp; Africa's months without a churner only, dots on 0%.
     */
    static List<String> linesOnlyZerosShown(RenderedChart chart) {
        var data = chart.data();
        if (chart.spec().series().isEmpty() || chart.spec().y().isEmpty() || data.indexOf(chart.spec().series().get()).isEmpty()
                || data.indexOf(chart.spec().y().get(0)).isEmpty()) {
            return List.of();
        }
        int line = data.index(chart.spec().series().get());
        int figure = data.index(chart.spec().y().get(0));
        Map<String, List<Object>> byLine = new java.util.TreeMap<>();
        for (List<Object> row : data.rows()) {
            byLine.computeIfAbsent(String.valueOf(row.get(line)), l -> new ArrayList<>()).add(row.get(figure));
        }
        return byLine.entrySet().stream().filter(e -> !e.getKey().equals(dev.marquee.privacy.Disclosure.OTHER))
                .filter(e -> zerosBesideHidden(e.getValue())).map(Map.Entry::getKey).toList();
    }

    /** An axis's label within a sentence: "Main device" as "main device", "IMDb score" as it is. */
    private static String inSentence(String label) {
        return label.length() > 1 && Character.isUpperCase(label.charAt(0)) && !Character.isUpperCase(label.charAt(1))
                ? Character.toLowerCase(label.charAt(0)) + label.substring(1) : label;
    }

    /** A chart with the sentences under its title, its table and its SQL, and the layer tables its SQL reads. */
    private static Figure figure(RenderedChart chart, Section section, int k, Map<String, String> targetNotes,
                                 List<String> layerTables, boolean severalSources, boolean dated, String eventSource,
                                 java.util.function.Function<Optional<String>, FileDate> ownDate) {
        var data = chart.data();
        List<String> sentences = new ArrayList<>();
        // A chart of member-level files alone (a churn table's watch hours) has no viewing sessions to speak of.
        List<String> rowSources = chart.source().map(List::of).orElse(data.sources());
        String described = Wording.withK(chart.spec().descriptionFor(rowSources, eventSource), k);
        // An undated file (a churn table alone) has no as-of date: its members are those of the day it was made.
        sentences.add(dated ? described : described.replace("the as-of date", "the day the file was made"));
        if (chart.spec().facet().isPresent() && chart.facetValue().isEmpty()) {
            sentences.add("Every " + chart.spec().facet().get() + " has its own chart on its page; here is the data for all of them.");
        }
        String note = section.note(chart);
        if (data.isEmpty()) {
            // Rows the data gave, all left out as groups under k (a slice's cohorts), are not "no data".
            sentences.add(!note.isEmpty() ? "No figures to show: every row is left out to protect small groups."
                    : chart.spec().whenEmpty().isEmpty() ? "No data: nothing in the data folder feeds this chart." : chart.spec().whenEmpty());
        }
        if (noFigureShown(chart)) {
            // Every bar, point or cell hidden (a small slice's signups): the chart is drawn with its marks, and says so.
            // A slice's plans of hundreds of members each, all hidden so that another slice's small group is not given
            // by the whole report less this one, read as absurd under "to protect small groups" alone.
            // An ARPU of revenue rounded coarsely for its members (a small slice's) is hidden for that, not for its group.
            sentences.add(dev.marquee.privacy.Disclosure.allHiddenForOthers(note)
                    ? "No figures to show: none of these groups is small, but with the rest of the report each would let a "
                    + "small group elsewhere be worked out, so every one is hidden."
                    : note.contains(dev.marquee.privacy.PriceRounding.NOTE_START)
                    ? "No figures to show: every one is hidden to protect small groups, or because its revenue, once "
                    + "rounded, is too coarse to average."
                    : "No figures to show: every one is hidden to protect small groups.");
        } else if (onlyZerosShown(chart)) {
            sentences.add("Every figure shown is 0; those not shown are hidden, not 0.");
        } else {
            List<String> zeroLines = linesOnlyZerosShown(chart);
            if (!zeroLines.isEmpty()) {
                sentences.add(Wording.series(zeroLines) + ": every " + Formats.header(chart.spec().y().get(0))
                        + " shown is 0; those not shown are hidden, not 0.");
            }
        }
        List<String> sources = data.sources();
        if (chart.source().isEmpty() && !sources.isEmpty() && severalSources) {
            // A table is not split by population: it names every file its rows come from.
            sentences.add((sources.size() == 1 ? "Source: " : "Sources: ") + String.join(", ", sources) + ".");
        }
        // A chart of one member file's rows (split from others', or the only file with rows: MRR by country) beside other
        // files is of that file's date, which the description's "as-of date", written for every population, is not; a
        // series over time gives its own dates.
        boolean overTime = data.indexOf(chart.spec().x()).map(c -> data.columns().get(c).type())
                .filter(type -> type == dev.marquee.engine.ColumnType.DATE || type == dev.marquee.engine.ColumnType.TIMESTAMP).isPresent();
        FileDate fileDate = overTime ? FileDate.NONE : ownDate.apply(chart.source().or(() -> data.sources().size() == 1
                ? Optional.ofNullable(data.sources().get(0)) : Optional.empty()));
        sentences.add(fileDate.sentence());
        sentences.add(note);
        if (dev.marquee.chart.ChartStage.onlyMergedRow(chart.spec(), data) && !noFigureShown(chart)) {
            sentences.add("No chart: every " + inSentence(chart.spec().xLabel()) + " is merged into that one group here, so its one bar "
                    + "would be the whole; the table gives it.");
        }
        if (chart.facetValue().isEmpty() && chart.source().isEmpty()) {
            sentences.add(targetNotes.getOrDefault(chart.questionSlug() + "/" + chart.spec().id(), ""));
        }
        String description = String.join(" ", sentences.stream().filter(s -> !s.isEmpty()).toList());
        String query = chart.spec().query();
        String sql = chart.spec().borrowedResult().map(r -> "-- Computed on the " + r.question() + " page (" + r
                + "); its SQL is shown there.").orElseGet(() -> section.answer().sql().getOrDefault(query, ""));
        String slug = section.answer().question().slug();
        String label = section.answer().question().query(query).isPresent() ? "SQL (" + slug + ".sql: " + query + ")"
                : chart.spec().borrowedResult().map(r -> "How it is computed (" + r + ")")
                .orElse("How it is computed (" + query + ": " + computedFrom(query) + " " + slug + ".sql gives)");
        return new Figure(chart, description, DataTable.of(chart.spec(), data), sql, label,
                Layer.readAmong(sql, layerTables), severalSources, fileDate.label());
    }

    /** What a result computed in Java, not by a statement, is made of, in words: its SQL box shows the statement it reads. */
    private static String computedFrom(String result) {
        if (dev.marquee.catalog.ModelSpec.RESULTS.contains(result)) {
            return "a logistic regression fitted on the rows";
        }
        return result.equals(dev.marquee.catalog.ForecastSpec.ACCURACY) ? "the forecasts' errors when refitted on the months"
                : "a forecast of the series";
    }

    /** Per chart ({@code <question>/<chart id>}), the targets drawn on it with their status. */
    private static Map<String, String> targetNotes(Optional<Memory> memory, Targets targets) {
        Map<String, String> notes = new HashMap<>();
        if (memory.isEmpty()) {
            return notes;
        }
        for (Targets.Rule rule : targets.rules()) {
            rule.chart().ifPresent(c -> memory.get().current().target(rule.id()).ifPresent(result -> notes.merge(c,
                    "Target “" + result.name() + "”: " + result.status().text() + (result.now().isEmpty() ? "" : " (" + result.now() + ")")
                            + ".", (a, b) -> a + " " + b)));
        }
        return notes;
    }

    private static Changes changes(Memory memory) {
        List<Changes.Part> parts = new ArrayList<>();
        for (Digest.Part part : memory.digest().parts()) {
            List<Changes.Line> lines = new ArrayList<>();
            for (Digest.Line line : part.lines()) {
                Tone tone = line.tone();
                // A target's line opens with its news ("Newly missed: ..."): those words take the tone's colour.
                int colon = line.text().indexOf(": ");
                String lead = tone != Tone.FLAT && colon > 0 && part.heading().equals(Digest.TARGETS) ? line.text().substring(0, colon + 1) : "";
                lines.add(new Changes.Line(line.text(), line.href(), tone, lead));
            }
            parts.add(new Changes.Part(part.heading(), lines));
        }
        String since = memory.previous().map(p -> "Compared with the edition of " + Formats.date(p.asOf()) + ".")
                .orElse(Texts.FIRST_EDITION);
        String quiet = memory.previous().map(p -> "Compared with the edition of " + Formats.date(p.asOf()) + ": "
                        + Character.toLowerCase(Texts.NOTHING_MOVED.charAt(0)) + Texts.NOTHING_MOVED.substring(1))
                .orElse(Texts.FIRST_EDITION);
        return new Changes(memory.changesTitle(), memory.remembers(), since, parts,
                memory.current().shownTargets().stream().map(TargetStatus::of).toList(), quiet);
    }

    /**
     * The days a table's rows hold; for a table of several member files, each file's own (a reader of six files was told
     * each runs to its own latest date, which the Data page gives, and found one range, Sep 2021 – Mar 2025, over three).
     */
    private static String datesOf(Report report, dev.marquee.validate.TableQuality table) {
        Map<String, Report.DateRange> files = report.populationRanges().getOrDefault(table.table(), Map.of());
        if (files.size() < 2) {
            return dates(report.tableRanges().get(table.table()));
        }
        return String.join("; ", files.keySet().stream().sorted().map(file -> {
            String range = dates(files.get(file));
            return file + ": " + (range.isEmpty() ? "no dates" : range);
        }).toList());
    }

    /**
     * The sentence under a chart of one member file's rows ({@code source}) beside other files: its figures are of the
     * file's own latest date, or of the day it was made, not of the report's date (a reader of six files took a 2023
     * userbase's MRR for June 2025's). Empty for the event files, a chart of several files, or an undated report, whose
     * descriptions say the day the file was made; asked only where several files sit side by side.
     */
    private static FileDate ownDate(Report report, Map<String, Report.DateRange> fileRanges, Optional<String> source) {
        Report.DateRange range = source.map(fileRanges::get).orElse(null);
        if (!report.parameters().dated() || range == null) {
            return FileDate.NONE;
        }
        String reportDate = "not the report's (" + Formats.date(report.asOf()) + ").";
        return range.last() == null
                ? new FileDate("This file has no dates: its figures are of the day it was made, " + reportDate, "undated")
                : new FileDate("This file's figures are of its latest date (" + Formats.month(range.last()) + "), " + reportDate,
                "as of " + Formats.month(range.last()));
    }

    /** A member file's own date under its chart (a sentence) and beside the PDF's title (a label); none for others. */
    private record FileDate(String sentence, String label) {
        static final FileDate NONE = new FileDate("", "");
    }

    private static String dates(Report.DateRange range) {
        if (range == null || range.first() == null) {
            return "";
        }
        return range.byMonth() ? Formats.month(range.first()) + " – " + Formats.month(range.last())
                : Formats.date(range.first()) + " – " + Formats.date(range.last());
    }

    /**
     * Whether every data file is one of the data model's own files, named after its table (users.csv.gz, …), as the
     * sample Marquee ships is, rather than a public file of another shape (a userbase, a catalogue, an engagement report).
     */
    public boolean modelFilesOnly() {
        List<QualityRow> files = quality.stream().filter(q -> !q.builtIn()).toList();
        return !files.isEmpty() && files.stream().allMatch(q -> java.util.stream.Stream.of(".csv", ".csv.gz", ".parquet")
                .anyMatch(suffix -> q.file().equals(q.table() + suffix)));
    }

    /** The files the figures come from, each named once; the generator's own reference tables named as such. */
    static String sources(Report report) {
        // A table made of several files names them joined by " + "; a file feeding several tables is named once.
        List<String> files = report.quality().tables().stream().map(TableQuality::file).filter(f -> !f.equals(dev.marquee.load.DataLoader.BUILT_IN))
                .flatMap(f -> java.util.Arrays.stream(f.split(" \\+ "))).map(dev.marquee.format.SafeText::line).distinct().toList();
        List<String> builtIn = report.quality().tables().stream().filter(q -> q.file().equals(dev.marquee.load.DataLoader.BUILT_IN)).map(TableQuality::table)
                .map(dev.marquee.format.SafeText::line).distinct().toList();
        String text = files.isEmpty() ? "" : "The files of the data folder: " + String.join(", ", files) + ".";
        if (!builtIn.isEmpty()) {
            text += (text.isEmpty() ? "" : " ") + "The generator's built-in reference " + (builtIn.size() == 1 ? "table: " : "tables: ")
                    + String.join(", ", builtIn) + ".";
        }
        return text + " Every figure comes from one SQL query over them" + (report.parameters().dated() ? ", " + report.dateline() : "") + ".";
    }
}
