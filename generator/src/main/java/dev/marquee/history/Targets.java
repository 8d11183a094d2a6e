package dev.marquee.history;

import dev.marquee.run.ReportException;
import dev.marquee.catalog.ChartSpec;
import dev.marquee.catalog.FrontMatter;
import dev.marquee.catalog.FrontMatter.FrontMatterException;
import dev.marquee.catalog.Question;
import dev.marquee.catalog.Reference;
import dev.marquee.format.NumberStyle;
import dev.marquee.format.Unit;
import dev.marquee.chart.ReferenceLine;
import dev.marquee.engine.Table;
import dev.marquee.query.Answer;
import dev.marquee.format.Formats;
import dev.marquee.history.Edition.Status;
import dev.marquee.history.Edition.TargetResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The targets and alert rules of a project's {@code targets.yaml}, checked against every edition:
 * <pre>
 * targets:
 *   - id: churn-rate
 *     name: Churn rate at most 3.5%
 *     kpi: churn_rate
 *     at_most: 3.5%
 *     chart: churn/monthly-by-region          # optional: the chart that draws the target line
 *   - id: mrr-growth
 *     name: MRR grows at least 1% on the month
 *     kpi: mrr
 *     measure: change_vs_previous_month       # or value (the default), change_since_last_edition
 *     at_least: 1%
 * alerts:
 *   - id: region-churn
 *     name: No region churns above all regions by more than its interval
 *     rate: churn/by-region                   # a chart declared track: rate
 *     rule: above_all_by_more_than_interval
 * </pre>
 */
public record Targets(List<Rule> rules, String file) {

    public static final String DEFAULT_FILE = "targets.yaml";
    private static final Set<String> TARGET_KEYS = Set.of("id", "name", "kpi", "measure", "at_most", "at_least", "chart");
    private static final Set<String> ALERT_KEYS = Set.of("id", "name", "rate", "rule");
    private static final String ABOVE_ALL = "above_all_by_more_than_interval";

    public Targets {
        rules = List.copyOf(rules);
    }

    public static Targets none() {
        return new Targets(List.of(), "");
    }

    /**
     * What a reader of the run's output should know of the rules: a KPI target whose KPI this edition lacks (a typo
     * in the file, or data without that figure) is named here with its line. The pages show it as "no data" beside
     * the targets that have data; where no target has any, the pages show none ({@link Edition#shownTargets}).
     */
    public List<String> notes(Edition checked) {
        String shown = checked.shownTargets().isEmpty() ? "no target is shown, as the data gives the figure of none"
                : "it is shown as no data";
        List<String> notes = new ArrayList<>();
        for (Rule rule : rules) {
            if (rule instanceof KpiTarget target && checked.kpi(target.kpi()).isEmpty()) {
                notes.add(file + ", line " + target.line() + ": target '" + target.id() + "' reads the KPI " + target.kpi()
                        + ", which this edition does not have (its KPIs: " + checked.kpis().stream().map(Edition.KpiFigure::id).toList()
                        + "); " + shown);
            }
        }
        return notes;
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /** A target or an alert rule. */
    public sealed interface Rule permits KpiTarget, RateAlert {
        String id();

        String name();

        /** The chart ({@code <question>/<chart id>}) the rule is drawn on and reports on, when it has one. */
        Optional<String> chart();
    }

    /** What a KPI target compares: the KPI itself, or its change. */
    public enum Measure {
        VALUE("value"), CHANGE_VS_PREVIOUS_MONTH("change_vs_previous_month"), CHANGE_SINCE_LAST_EDITION("change_since_last_edition");

        private final String id;

        Measure(String id) {
            this.id = id;
        }

        static Optional<Measure> parse(String text) {
            return java.util.Arrays.stream(values()).filter(m -> m.id.equals(text)).findFirst();
        }
    }

    /**
     * A KPI (or its change) at most or at least a threshold.
     *
     * @param threshold a share for percentages and changes (3.5% is 0.035), else in the KPI's unit
     * @param chart     {@code <question>/<chart>} that draws the target as a line, when set
     */
    public record KpiTarget(String id, String name, String kpi, Measure measure, boolean atMost, double threshold,
                            Optional<String> chart, int line) implements Rule {

        /** The target in words: "at most 3.5%", "at least +1.0% on the month". */
        public String bound(Unit unit) {
            String value = switch (measure) {
                case VALUE -> Formats.full(threshold, unit);
                case CHANGE_VS_PREVIOUS_MONTH, CHANGE_SINCE_LAST_EDITION -> change(threshold, unit);
            };
            String when = switch (measure) {
                case VALUE -> "";
                case CHANGE_VS_PREVIOUS_MONTH -> " on the month";
                case CHANGE_SINCE_LAST_EDITION -> " since the last edition";
            };
            return (atMost ? "at most " : "at least ") + value + when;
        }
    }

    /** Each group of a tracked rate against all groups together: missed when a group's interval lies above it. */
    public record RateAlert(String id, String name, String rate) implements Rule {
        @Override
        public Optional<String> chart() {
            return Optional.of(rate);
        }
    }

    /** A change of a percentage is in points (to a tenth, as the rates are shown); of anything else, relative. */
    static String change(double change, Unit unit) {
        if (unit.style() == NumberStyle.PERCENT) {
            return points(change);
        }
        return Formats.change(change);
    }

    static String points(double change) {
        String shown = String.format(java.util.Locale.ROOT, "%.1f", Math.abs(change * 100));
        return (shown.equals("0.0") ? "±" : change > 0 ? "+" : "−") + shown + " pts";
    }

    /**
     * Reads the file when it exists; a project without one has no targets.
     *
     * @param questions the catalog, which the rules' charts must name
     * @throws ReportException naming the file and line of the first problem, like a question file
     */
    public static Targets read(Path file, List<Question> questions) {
        if (!Files.isRegularFile(file)) {
            return none();
        }
        String name = file.getFileName().toString();
        return read(file, name, questions);
    }

    /** The file's name as messages give it. */
    private static Targets read(Path file, String name, List<Question> questions) {
        try {
            FrontMatter root = FrontMatter.parse(Files.readString(file, StandardCharsets.UTF_8), 1, name);
            List<Rule> rules = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            for (String key : root.keys()) {
                if (!key.equals("targets") && !key.equals("alerts")) {
                    throw new FrontMatterException(root.line(key), "unknown key '" + key + "'; the keys are [alerts, targets]");
                }
            }
            for (FrontMatter entry : root.mappings("targets")) {
                known(entry, TARGET_KEYS);
                String id = id(entry, ids);
                String kpi = required(entry, "kpi");
                String measureText = entry.string("measure").orElse("value");
                Measure measure = Measure.parse(measureText).orElseThrow(() -> new FrontMatterException(entry.line("measure"),
                        "measure '" + measureText + "' is not one of [value, change_vs_previous_month, change_since_last_edition]"));
                if (entry.has("at_most") == entry.has("at_least")) {
                    throw new FrontMatterException(entry.line(), "target '" + id + "' needs one of 'at_most' and 'at_least'");
                }
                String bound = entry.has("at_most") ? "at_most" : "at_least";
                double threshold = threshold(entry, bound);
                Optional<String> chart = entry.string("chart");
                if (chart.isPresent()) {
                    chart(questions, chart.get(), entry.line("chart"), null);
                    if (measure != Measure.VALUE) {
                        throw new FrontMatterException(entry.line("chart"), "a chart draws a target of the KPI's value only, not of its "
                                + "change: leave 'chart' out, or use 'measure: value'");
                    }
                }
                rules.add(new KpiTarget(id, entry.string("name").orElse(id), kpi, measure, bound.equals("at_most"), threshold, chart,
                        entry.line("kpi")));
            }
            for (FrontMatter entry : root.mappings("alerts")) {
                known(entry, ALERT_KEYS);
                String id = id(entry, ids);
                String rule = required(entry, "rule");
                if (!rule.equals(ABOVE_ALL)) {
                    throw new FrontMatterException(entry.line("rule"), "rule '" + rule + "' is not one of [" + ABOVE_ALL + "]");
                }
                String rate = required(entry, "rate");
                chart(questions, rate, entry.line("rate"), ChartSpec.Track.RATE);
                rules.add(new RateAlert(id, entry.string("name").orElse(id), rate));
            }
            return new Targets(rules, name);
        } catch (FrontMatterException e) {
            throw new ReportException(ReportException.CONFIG_PROBLEM, name + ", line " + e.line() + ": " + e.getMessage());
        } catch (IOException e) {
            throw new ReportException(ReportException.CONFIG_PROBLEM, "cannot read " + name + ": " + e.getMessage());
        }
    }

    private static void known(FrontMatter entry, Set<String> keys) throws FrontMatterException {
        for (String key : entry.keys()) {
            if (!keys.contains(key)) {
                throw new FrontMatterException(entry.line(key), "unknown key '" + key + "'; the keys are " + new java.util.TreeSet<>(keys));
            }
        }
    }

    private static String id(FrontMatter entry, Set<String> ids) throws FrontMatterException {
        String id = required(entry, "id");
        if (!id.matches("[a-z0-9][a-z0-9-]*")) {
            throw new FrontMatterException(entry.line("id"), "id '" + id + "' must be lower-case letters, digits and '-'");
        }
        if (!ids.add(id)) {
            throw new FrontMatterException(entry.line("id"), "id '" + id + "' is used twice");
        }
        return id;
    }

    private static String required(FrontMatter entry, String key) throws FrontMatterException {
        return entry.string(key).filter(v -> !v.isEmpty())
                .orElseThrow(() -> new FrontMatterException(entry.line(), "'" + key + "' is missing"));
    }

    /** 3.5% is 0.035, 0.5 pts is 0.005, $1,000 is 1000. */
    private static double threshold(FrontMatter entry, String key) throws FrontMatterException {
        String text = required(entry, key);
        String number = text.replace(",", "").replace("$", "").replace("+", "").trim();
        double scale = 1;
        if (number.endsWith("%")) {
            number = number.substring(0, number.length() - 1).trim();
            scale = 0.01;
        } else if (number.endsWith("pts")) {
            number = number.substring(0, number.length() - 3).trim();
            scale = 0.01;
        }
        try {
            double value = Double.parseDouble(number.replace('−', '-')) * scale;
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Said below.
        }
        throw new FrontMatterException(entry.line(key), "'" + key + "' must be a number such as 3.5%, 0.5 pts or 1000, got '" + text + "'");
    }

    /** The chart {@code <question>/<chart>} must exist (and track a rate, when {@code track} is given). */
    private static void chart(List<Question> questions, String reference, int line, ChartSpec.Track track) throws FrontMatterException {
        Optional<ChartSpec> chart = Reference.parse(reference).flatMap(r -> questions.stream()
                .filter(q -> q.slug().equals(r.question())).flatMap(q -> q.charts().stream())
                .filter(c -> c.id().equals(r.name())).findFirst());
        if (chart.isEmpty()) {
            throw new FrontMatterException(line, "'" + reference + "' is not a chart: write <question>/<chart id>, e.g. churn/by-region");
        }
        if (track != null && chart.get().track().filter(t -> t == track).isEmpty()) {
            throw new FrontMatterException(line, "chart '" + reference + "' does not track a rate: declare 'track: rate' on it");
        }
    }

    /** Every rule checked against an edition; {@code previous} is the edition before it, when there is one. */
    public List<TargetResult> check(Edition edition, Optional<Edition> previous) {
        List<TargetResult> results = new ArrayList<>();
        for (Rule rule : rules) {
            results.add(rule instanceof KpiTarget target ? check(target, edition, previous) : check((RateAlert) rule, edition));
        }
        return results;
    }

    private static TargetResult check(KpiTarget target, Edition edition, Optional<Edition> previous) {
        Optional<Edition.KpiFigure> kpi = edition.kpi(target.kpi());
        if (kpi.isEmpty()) {
            // The run's output names the KPI and the ones there are (notes); the page says it in a reader's words.
            return new TargetResult(target.id(), target.name(), Status.NO_DATA, "", "",
                    "The files behind this report do not give this figure");
        }
        Unit unit = kpi.get().unit();
        String bound = target.bound(unit);
        Optional<Double> before = switch (target.measure()) {
            case VALUE -> Optional.of(0.0);
            case CHANGE_VS_PREVIOUS_MONTH -> kpi.get().previousMonth();
            case CHANGE_SINCE_LAST_EDITION -> previous.flatMap(p -> p.kpi(target.kpi())).map(Edition.KpiFigure::value);
        };
        double now = kpi.get().value();
        if (before.isEmpty() || (target.measure() != Measure.VALUE && unit.style() != NumberStyle.PERCENT && before.get() == 0)) {
            return new TargetResult(target.id(), target.name(), Status.NO_DATA, bound, "",
                    kpi.get().label() + " has no earlier figure to compare with");
        }
        double measured = target.measure() == Measure.VALUE ? now : unit.style() == NumberStyle.PERCENT ? now - before.get() : now / before.get() - 1;
        boolean met = target.atMost() ? measured <= target.threshold() : measured >= target.threshold();
        String shown = switch (target.measure()) {
            case VALUE -> Formats.full(measured, unit);
            case CHANGE_VS_PREVIOUS_MONTH -> change(measured, unit) + " on the month";
            case CHANGE_SINCE_LAST_EDITION -> change(measured, unit) + " since the last edition";
        };
        return new TargetResult(target.id(), target.name(), met ? Status.MET : Status.MISSED, bound, shown,
                kpi.get().label() + " " + shown + ", target " + bound);
    }

    private static TargetResult check(RateAlert alert, Edition edition) {
        Optional<Edition.RateTable> table = edition.rate(alert.rate());
        if (table.isEmpty() || table.get().groups().isEmpty() || !Double.isFinite(table.get().overall())) {
            return new TargetResult(alert.id(), alert.name(), Status.NO_DATA, "", "",
                    "The files behind this report do not give the rates it reads");
        }
        double overall = table.get().overall();
        Unit unit = table.get().unit();
        List<String> above = new ArrayList<>();
        List<String> aboveShort = new ArrayList<>();
        // "Other (small groups)" is several groups together: that it is not above all says nothing of each of them, and
        // their own rates are not published, so the alert judges only the groups shown by name.
        boolean merged = table.get().groups().stream().anyMatch(g -> g.group().equals(dev.marquee.privacy.Disclosure.OTHER));
        String groups = plural(table.get().groupLabel());
        for (Edition.GroupRate group : table.get().groups()) {
            if (group.group().equals(dev.marquee.privacy.Disclosure.OTHER)) {
                continue;
            }
            Interval interval = Interval.wilson(group.rate(), group.members());
            // A group is above all groups when its interval lies wholly above their rate, beyond rounding.
            if (interval.low() > overall + 1e-12) {
                above.add(group.group() + " " + Formats.full(group.rate(), unit) + " (95% interval " + Formats.full(interval.low(), unit)
                        + " to " + Formats.full(interval.high(), unit) + ")");
                aboveShort.add(group.group() + " " + Formats.full(group.rate(), unit));
            }
        }
        String all = Formats.full(overall, unit) + " for all " + groups;
        String unjudged = merged ? "; the " + groups + " merged into “" + dev.marquee.privacy.Disclosure.OTHER
                + "” to protect small groups are not judged one by one" : "";
        return above.isEmpty()
                ? new TargetResult(alert.id(), alert.name(), Status.MET, "", merged ? "among the " + groups + " shown" : "",
                        "Every " + table.get().groupLabel().toLowerCase(java.util.Locale.ROOT)
                                + (merged ? " shown has a 95% interval reaching" : "'s 95% interval reaches")
                        + " down to the rate of all " + groups + ", " + Formats.full(overall, unit) + ", or below" + unjudged)
                : new TargetResult(alert.id(), alert.name(), Status.MISSED, "", String.join(", ", aboveShort) + " against " + all,
                        String.join("; ", above) + " above " + all + unjudged);
    }

    private static String plural(String label) {
        String lower = label.toLowerCase(java.util.Locale.ROOT);
        return lower.endsWith("y") && !lower.endsWith("ay") ? lower.substring(0, lower.length() - 1) + "ies" : lower + "s";
    }

    /**
     * The lines the charts draw, by {@code <question>/<chart id>}: a KPI target's threshold on the chart it names, and
     * on an alert's rate chart the rate of all its groups together (which its rule compares each group with).
     */
    public java.util.Map<String, List<ReferenceLine>> lines(List<Answer> answers) {
        java.util.Map<String, List<ReferenceLine>> lines = new java.util.TreeMap<>();
        for (Rule rule : rules) {
            if (rule instanceof KpiTarget target && target.chart().isPresent() && target.measure() == Measure.VALUE) {
                chartOf(answers, target.chart().get()).ifPresent(chart -> lines.computeIfAbsent(target.chart().get(), c -> new ArrayList<>())
                        .add(new ReferenceLine(target.threshold(), "Target: " + target.bound(chart.spec().unit()), true)));
            } else if (rule instanceof RateAlert alert) {
                chartOf(answers, alert.rate()).ifPresent(chart -> {
                    Table data = chart.answer().result(chart.spec().query());
                    double overall = Edition.RateTable.overall(Edition.groupRates(chart.answer().question(), chart.spec(), data));
                    boolean pooled = data.sources().size() > 1;
                    if (Double.isFinite(overall) && !pooled) {
                        lines.computeIfAbsent(alert.rate(), c -> new ArrayList<>()).add(new ReferenceLine(overall,
                                "All " + plural(chart.spec().xLabel()) + ": " + Formats.full(overall, chart.spec().unit()), false));
                    }
                });
            }
        }
        return lines;
    }

    private record AnsweredChart(Answer answer, ChartSpec spec) {
    }

    private static Optional<AnsweredChart> chartOf(List<Answer> answers, String text) {
        Reference reference = Reference.parse(text).orElseThrow();
        return answers.stream().filter(a -> a.question().slug().equals(reference.question()))
                .flatMap(a -> a.question().charts().stream().filter(c -> c.id().equals(reference.name()))
                        .filter(c -> c.drawsOwnResult() && a.results().containsKey(c.query()))
                        .map(c -> new AnsweredChart(a, c)))
                .findFirst();
    }
}
