package dev.marquee.report;

import dev.marquee.chart.RenderedChart;
import dev.marquee.layer.Layer;
import dev.marquee.query.Answer;
import dev.marquee.query.LeftOut;
import dev.marquee.query.Parameters;
import dev.marquee.validate.ValidationReport;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Everything the site and the PDF show, assembled once by the pipeline. Both outputs read only this.
 *
 * @param dataRange first and last activity dates in the data, for "data freshness"
 * @param tableRanges per table, the first and last date of its main date column (signup, start, rating, ...)
 * @param populationRanges per member-level table, each of its files' first and last date (null for a file without dates)
 * @param layerTables the layer tables the shown SQL reads, with the SQL that builds each (the methodology page's)
 */
public record Report(String title, Parameters parameters, List<Section> sections, List<Kpi> kpis, List<LeftOut> leftOut,
                     ValidationReport quality, DateRange dataRange, java.util.Map<String, DateRange> tableRanges,
                     java.util.Map<String, java.util.Map<String, DateRange>> populationRanges, List<Layer.Shown> layerTables) {

    public static final String DEFAULT_TITLE = "Marquee streaming report";

    public Report {
        sections = List.copyOf(sections);
        kpis = List.copyOf(kpis);
        tableRanges = java.util.Map.copyOf(tableRanges);
        populationRanges = populationRanges.entrySet().stream().collect(java.util.stream.Collectors.toUnmodifiableMap(
                java.util.Map.Entry::getKey, e -> java.util.Map.copyOf(e.getValue())));
        leftOut = List.copyOf(leftOut);
        layerTables = List.copyOf(layerTables);
    }

    public LocalDate asOf() {
        return parameters.asOf();
    }

    /** When the figures are from, in words: "as of 31 Dec 2024", or, for data without any date, an undated snapshot. */
    public String dateline() {
        return parameters.dated() ? "as of " + dev.marquee.format.Formats.date(asOf()) : "an undated snapshot";
    }

    /** The words that open a sentence ending in the {@link #dateline}: "Data as of 31 Dec 2024", "The data is an undated snapshot". */
    public String datelineLead() {
        return parameters.dated() ? "Data " : "The data is ";
    }

    public static Report assemble(String title, Parameters parameters, List<Answer> answers, List<RenderedChart> charts,
                                  List<LeftOut> leftOut, ValidationReport quality, DateRange dataRange,
                                  java.util.Map<String, DateRange> tableRanges,
                                  java.util.Map<String, java.util.Map<String, DateRange>> populationRanges,
                                  List<Layer.Shown> layerTables) {
        List<Section> sections = new ArrayList<>();
        List<Kpi> kpis = new ArrayList<>();
        List<LeftOut> left = new ArrayList<>(leftOut);
        // A report of one population names it once, not beside each figure (see populations).
        boolean severalSources = populations(charts).size() > 1;
        for (Answer answer : answers) {
            String slug = answer.question().slug();
            java.util.Map<String, String> notes = new java.util.HashMap<>();
            for (dev.marquee.catalog.ChartSpec chart : answer.question().charts()) {
                java.util.Optional<dev.marquee.catalog.Reference> borrowed = chart.borrowedResult();
                Answer source = borrowed.isEmpty() ? answer : answers.stream()
                        .filter(a -> a.question().slug().equals(borrowed.get().question())).findFirst().orElse(null);
                if (source != null) {
                    String result = borrowed.map(dev.marquee.catalog.Reference::name).orElse(chart.query());
                    source.notes().forEach((key, text) -> {
                        if (key.equals(result)) {
                            notes.put(chart.id(), text);
                        } else if (key.startsWith(Answer.sourceNote(result, ""))) {
                            notes.put(Answer.sourceNote(chart.id(), key.substring(result.length() + 1)), text);
                        }
                    });
                }
            }
            sections.add(new Section(answer, charts.stream().filter(c -> c.questionSlug().equals(slug)).toList(),
                    Narrative.expand(answer, parameters.minGroupSize(), severalSources), notes));
            answer.question().kpiQuery().ifPresent(query -> {
                dev.marquee.engine.Table table = answer.result(query);
                List<Kpi> rows = kpis(table, parameters);
                Set<String> withValues = new java.util.HashSet<>();
                for (int r = 0; r < rows.size(); r++) {
                    if (table.value(r, "value") != null) {
                        withValues.add(rows.get(r).id());
                    }
                }
                for (int r = 0; r < rows.size(); r++) {
                    Kpi kpi = rows.get(r);
                    // A KPI whose files are absent has no value (NULL, not a value of 0, nor a NaN the data made): it is
                    // left out, and said so, unless a member-level file's row of the same figure stands in its place
                    // (the event files' MRR beside "MRR (Netflix Userbase.csv)"). One hidden for privacy keeps its
                    // tile, whose comparison says why.
                    if (table.value(r, "value") == null && !kpi.comparison().contains(dev.marquee.privacy.KpiGroups.HIDDEN)) {
                        if (!givenPerFile(kpi, withValues)) {
                            left.add(LeftOut.kpi(answer.question(), kpi.label()));
                        }
                    } else {
                        kpis.add(kpi);
                    }
                }
            });
        }
        return new Report(title, parameters, sections, kpis, left, quality, dataRange, tableRanges, populationRanges, layerTables);
    }

    /**
     * The populations the report's charts count (their files' names, the event files'): a report of one names it on
     * its Data and About pages and its cover, not beside each figure.
     */
    /** Every member-level file's first and last date, by file name (see {@code populationRanges}). */
    public java.util.SortedMap<String, DateRange> fileRanges() {
        java.util.SortedMap<String, DateRange> files = new java.util.TreeMap<>();
        populationRanges.values().forEach(files::putAll);
        return files;
    }

    public List<String> populations() {
        return populations(sections.stream().flatMap(s -> s.charts().stream()).toList());
    }

    private static List<String> populations(List<RenderedChart> charts) {
        return charts.stream().flatMap(c -> c.data().sources().stream()).filter(java.util.Objects::nonNull).distinct().toList();
    }

    /** The same report with its KPIs replaced (hidden across slices, say). */
    public Report withKpis(List<Kpi> replaced) {
        return new Report(title, parameters, sections, replaced, leftOut, quality, dataRange, tableRanges, populationRanges, layerTables);
    }

    /**
     * Whether a KPI's figure is shown for a member-level file instead: a row with a value whose id is the KPI's followed
     * by the file's number ({@code mrr_1} for {@code mrr}), as the KPI statements name them.
     */
    private static boolean givenPerFile(Kpi kpi, Set<String> withValues) {
        String perFile = java.util.regex.Pattern.quote(kpi.id()) + "_[0-9]+";
        return withValues.stream().anyMatch(id -> id.matches(perFile));
    }

    private static List<Kpi> kpis(dev.marquee.engine.Table table, Parameters parameters) {
        List<Kpi> kpis = new ArrayList<>();
        for (int row = 0; row < table.rowCount(); row++) {
            Object unit = table.value(row, "unit");
            kpis.add(new Kpi(String.valueOf(table.value(row, "kpi")), String.valueOf(table.value(row, "label")),
                    dev.marquee.format.Unit.parse(String.valueOf(unit)).orElseThrow(() -> new IllegalStateException(
                            "KPI unit '" + unit + "' " + dev.marquee.format.Unit.problem(String.valueOf(unit)))),
                    table.number(row, "value"), optional(table.value(row, "previous_month")),
                    optional(table.value(row, "year_ago")), Boolean.TRUE.equals(table.value(row, "partial")),
                    !Boolean.FALSE.equals(table.value(row, "higher_is_better")),
                    asOf(table, row) + (table.value(row, "comparison") == null ? "" : table.value(row, "comparison").toString()),
                    dateOfItsOwn(table, row, parameters)));
        }
        return kpis;
    }

    /**
     * "as of 15 Jul 2023; " when the KPI's row gives its own date ({@code as_of}: a member-level file's latest date,
     * which among several files is not the report's), else nothing.
     */
    private static String asOf(dev.marquee.engine.Table table, int row) {
        return ownDate(table, row).map(day -> "as of " + dev.marquee.format.Formats.date(day) + "; ").orElse("");
    }

    /**
     * The KPI's date where it is not the report's: its row's own ({@code as_of}), or, for a member-level file without
     * dates beside dated data (its row names its {@code source}, and gives no date), {@link Parameters#UNDATED}.
     */
    private static java.util.Optional<LocalDate> dateOfItsOwn(dev.marquee.engine.Table table, int row, Parameters parameters) {
        java.util.Optional<LocalDate> own = ownDate(table, row);
        if (own.isPresent()) {
            return own.filter(day -> !day.equals(parameters.asOf()));
        }
        boolean ofAFile = table.indexOf("as_of").isPresent() && table.indexOf("source").map(c -> table.rows().get(row).get(c))
                .filter(source -> !source.toString().equals(parameters.eventSource())).isPresent();
        return ofAFile && parameters.dated() ? java.util.Optional.of(Parameters.UNDATED) : java.util.Optional.empty();
    }

    /** The KPI row's own date ({@code as_of}), where it gives one. */
    private static java.util.Optional<LocalDate> ownDate(dev.marquee.engine.Table table, int row) {
        return table.indexOf("as_of").map(c -> table.rows().get(row).get(c)).filter(LocalDate.class::isInstance).map(LocalDate.class::cast);
    }

    private static java.util.Optional<Double> optional(Object value) {
        return value == null ? java.util.Optional.empty() : java.util.Optional.of(((Number) value).doubleValue());
    }

    /** A metric's definition as the reader gets it ("k" given as the number), and the section it first appears in. */
    public record Definition(String name, String definition, String section) {
    }

    /** Every metric the questions define, once: a name several questions define keeps its first definition. */
    public List<Definition> definitions() {
        List<Definition> definitions = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Section section : sections) {
            for (dev.marquee.catalog.Metric metric : section.answer().question().metrics()) {
                if (seen.add(metric.name())) {
                    definitions.add(new Definition(metric.name(), dev.marquee.format.Wording.withK(metric.definition(),
                            parameters.minGroupSize()), section.title()));
                }
            }
        }
        return definitions;
    }

    /**
     * First and last day with member activity; both null when the data has none.
     *
     * @param byMonth the range is published by month only: the first and last day of a table of members' rows are
     *                each some member's own (the one member who joined on 5 Sep 2021), a group of one
     */
    public record DateRange(LocalDate first, LocalDate last, boolean byMonth) {
        public DateRange(LocalDate first, LocalDate last) {
            this(first, last, false);
        }
    }
}
