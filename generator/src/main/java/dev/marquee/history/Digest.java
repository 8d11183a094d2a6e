package dev.marquee.history;

import dev.marquee.format.Tone;
import dev.marquee.format.NumberStyle;
import dev.marquee.format.Unit;
import dev.marquee.format.Formats;
import dev.marquee.format.SafeText;
import dev.marquee.history.Edition.Status;
import dev.marquee.history.Edition.TargetResult;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What changed since the previous edition, in lines a person reads: targets newly missed, still missed or met again;
 * every KPI's move; entries, exits and rank changes in the rankings; group rates that moved beyond their usual spread.
 * The overview, the "Since the last report" page, the PDF and the e-mail all show these same lines.
 *
 * @param parts the lines under their headings, in the order they are read
 * @param headlines the headline figures the body states where no part compares them (a first edition), else none
 */
public record Digest(Optional<LocalDate> previous, List<Part> parts, List<String> headlines) {

    public Digest {
        parts = List.copyOf(parts);
        headlines = List.copyOf(headlines);
    }

    /** A digest whose body states no headline figure of its own (its parts give the figures). */
    public Digest(Optional<LocalDate> previous, List<Part> parts) {
        this(previous, parts, List.of());
    }


    /** A heading and its lines; {@code href} is the chart or page a line is about, relative to the site root. */
    public record Part(String heading, List<Line> lines) {
        public Part {
            lines = List.copyOf(lines);
        }
    }

    /** Whether a line is good or bad news, which its words say too (colour is not the only sign). */
    /** The heading of the part on the targets. */
    public static final String TARGETS = "Targets";

    public record Line(String text, String href, Tone tone) {
    }

    /**
     * The digest of {@code current} against the editions before it ({@code earlier}, oldest first), whose last is the
     * previous edition.
     */
    public static Digest of(Edition current, List<Edition> earlier) {
        return of(current, earlier, Map.of());
    }

    /** @param targetHrefs per target, the chart it is drawn on (its line links there; else to the targets' table) */
    public static Digest of(Edition current, List<Edition> earlier, Map<String, String> targetHrefs) {
        Optional<Edition> previous = earlier.isEmpty() ? Optional.empty() : Optional.of(earlier.get(earlier.size() - 1));
        List<Part> parts = new ArrayList<>();
        List<Line> targets = targetLines(current, earlier, targetHrefs);
        if (!targets.isEmpty()) {
            parts.add(new Part(TARGETS, targets));
        }
        List<Line> kpis = new ArrayList<>();
        if (previous.isPresent()) {
            String since = " since " + Formats.date(previous.get().asOf());

            for (Edition.KpiFigure kpi : current.kpis()) {
                boolean sameMonth = java.time.YearMonth.from(current.asOf()).equals(java.time.YearMonth.from(previous.get().asOf()));
                previous.get().kpi(kpi.id()).ifPresent(before -> kpis.add(kpiLine(kpi, before, sameMonth)));
            }
            if (!kpis.isEmpty()) {
                parts.add(new Part("Key figures" + since, kpis));
            }
            for (Edition.Ranking ranking : current.rankings()) {
                previous.get().ranking(ranking.id()).ifPresent(before -> {
                    List<Line> lines = rankingLines(before, ranking);
                    if (!lines.isEmpty()) {
                        parts.add(new Part(SafeText.line(ranking.title()), lines));
                    }
                });
            }
            List<Line> rates = new ArrayList<>();
            for (Edition.RateTable table : current.rates()) {
                rates.addAll(rateLines(table, earlier));
            }
            if (!rates.isEmpty()) {
                parts.add(new Part("Rates that moved beyond their usual spread", rates));
            }
        }
        // With no key figure compared (a first edition), the body would carry no figure at all: it states the headlines.
        return new Digest(previous.map(Edition::asOf), parts,
                kpis.isEmpty() ? current.kpis().stream().map(Digest::stated).toList() : List.of());
    }

    /**
     * A KPI's figure said once, for the subject and the body: "2,500 members (Netflix Userbase.csv) as of 15 Jul 2023",
     * "6,131 movies in the catalogue", "churn rate 4.0%". A label that names what the number counts takes the number
     * in front ("members (…) 2,500 members" said the noun twice); a figure of another date than the edition's says its own.
     */
    static String stated(Edition.KpiFigure k) {
        // "Churn rate" within a sentence reads "churn rate"; an initialism ("MRR") keeps its capitals.
        String label = k.label().length() > 1 && Character.isUpperCase(k.label().charAt(1)) ? k.label()
                : Character.toLowerCase(k.label().charAt(0)) + k.label().substring(1);
        String value = Formats.keyFigure(k.value(), k.unit());
        int space = value.indexOf(' ');
        String figure = space > 0 && java.util.regex.Pattern.compile("(^|\\W)" + java.util.regex.Pattern.quote(value.substring(space + 1))
                + "(\\W|$)").matcher(label).find() ? value.substring(0, space) + " " + label : label + " " + value;
        return figure + k.asOf().map(day -> day.equals(dev.marquee.query.Parameters.UNDATED) ? ", a file without dates"
                : " as of " + Formats.date(day)).orElse("");
    }

    /**
     * A KPI's move since the previous edition. A figure of the month to date grows as the month goes on, so its move
     * is said as what the days since added (within the same month), and its pace against the same days of the month
     * before, now and at the last report: a week more of the month is not growth.
     */
    static Line kpiLine(Edition.KpiFigure kpi, Edition.KpiFigure before, boolean sameMonth) {
        String href = "index.html#kpi-" + kpi.id();
        if ((kpi.partial() || before.partial()) && kpi.previousMonth().isPresent() && before.previousMonth().isPresent()) {
            Optional<Double> pace = change(kpi.value(), kpi.previousMonth().get(), kpi.unit());
            Optional<Double> paceBefore = change(before.value(), before.previousMonth().get(), kpi.unit());
            if (pace.isPresent() && paceBefore.isPresent()) {
                Tone tone = pace.get().equals(paceBefore.get()) ? Tone.FLAT
                        : (pace.get() > paceBefore.get()) == kpi.higherIsBetter() ? Tone.GOOD : Tone.BAD;
                String added = sameMonth ? difference(kpi.value() - before.value(), kpi.unit()) + " since the last report; "
                        : "a new month since the last report; ";
                return new Line(kpi.label() + ", month to date: " + Formats.keyFigure(kpi.value(), kpi.unit()) + ", " + added
                        + moved(pace.get(), kpi.unit()) + " against the same days a month earlier (last report: "
                        + moved(paceBefore.get(), kpi.unit()) + ")", href, tone);
            }
        }
        Optional<Double> change = change(kpi.value(), before.value(), kpi.unit());
        Tone tone = kpi.value() == before.value() ? Tone.FLAT : (kpi.value() > before.value()) == kpi.higherIsBetter() ? Tone.GOOD : Tone.BAD;
        return new Line(kpi.label() + ": " + Formats.keyFigure(kpi.value(), kpi.unit()) + ", "
                + (kpi.value() == before.value() ? "unchanged" : change.map(c -> moved(c, kpi.unit())).orElse("changed"))
                + " (was " + Formats.keyFigure(before.value(), kpi.unit()) + ")", href, tone);
    }

    /** In points for a percentage, as a difference for a score, else relative; empty from zero. */
    static Optional<Double> change(double now, double before, Unit unit) {
        if (unit.style() == NumberStyle.PERCENT || unit.style() == NumberStyle.SCORE) {
            return Optional.of(now - before);
        }
        return before == 0 ? Optional.empty() : Optional.of(now / before - 1);
    }

    /** A difference in the KPI's own unit: +11.1 pts, −0.44, +29 hours, +$62.47. */
    static String difference(double difference, Unit unit) {
        if (unit.style() == NumberStyle.PERCENT) {
            return Targets.points(difference);
        }
        if (unit.style() == NumberStyle.SCORE) {
            return moved(difference, unit);
        }
        String shown = Formats.compact(Math.abs(difference), unit);
        return (difference > 0 ? "+" : difference < 0 ? "−" : "±") + shown;
    }

    static String moved(double change, Unit unit) {
        if (unit.style() == NumberStyle.SCORE) {
            String shown = String.format(Locale.ROOT, "%.2f", Math.abs(change));
            return (shown.equals("0.00") ? "±" : change > 0 ? "+" : "−") + shown;
        }
        return Targets.change(change, unit);
    }

    /**
     * Entries, exits, and the items whose order among the items of both lists changed: an entry pushing the rest down
     * one place is not a move of each of them.
     */
    static List<Line> rankingLines(Edition.Ranking before, Edition.Ranking now) {
        List<Line> lines = new ArrayList<>();
        Map<String, Integer> was = ranks(before.items());
        Map<String, Integer> is = ranks(now.items());
        for (String item : now.items()) {
            if (!was.containsKey(item)) {
                lines.add(new Line(quoted(item) + " entered at #" + is.get(item), now.href(), Tone.FLAT));
            }
        }
        List<String> commonBefore = before.items().stream().filter(is::containsKey).distinct().toList();
        List<String> commonNow = now.items().stream().filter(was::containsKey).distinct().toList();
        for (String item : commonNow) {
            int order = commonNow.indexOf(item);
            int orderBefore = commonBefore.indexOf(item);
            if (order != orderBefore) {
                lines.add(new Line(quoted(item) + (order < orderBefore ? " rose from #" : " fell from #") + was.get(item) + " to #"
                        + is.get(item), now.href(), Tone.FLAT));
            }
        }
        for (String item : before.items()) {
            if (!is.containsKey(item)) {
                lines.add(new Line(quoted(item) + " left the list (was #" + was.get(item) + ")", now.href(), Tone.FLAT));
            }
        }
        return lines;
    }

    private static Map<String, Integer> ranks(List<String> items) {
        Map<String, Integer> ranks = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            ranks.putIfAbsent(items.get(i), i + 1);
        }
        return ranks;
    }

    private static String quoted(String item) {
        return "“" + SafeText.label(item) + "”";
    }

    /**
     * A group's rate moved beyond its usual spread when the change exceeds twice the standard deviation of its earlier
     * edition-to-edition changes (once there are at least {@value #SPREAD_EDITIONS}), or, before that, the 95% margin
     * of the difference between two proportions of those group sizes.
     */
    static List<Line> rateLines(Edition.RateTable table, List<Edition> earlier) {
        Edition previous = earlier.get(earlier.size() - 1);
        Optional<Edition.RateTable> before = previous.rate(table.id());
        List<Line> lines = new ArrayList<>();
        if (before.isEmpty()) {
            return lines;
        }
        for (Edition.GroupRate group : table.groups()) {
            Optional<Edition.GroupRate> was = before.get().group(group.group());
            if (was.isEmpty()) {
                continue;
            }
            double change = group.rate() - was.get().rate();
            double spread = spread(table, group.group(), earlier);
            if (!Double.isFinite(spread) && table.unit().style() == NumberStyle.PERCENT) {
                spread = Interval.differenceMargin(was.get().rate(), was.get().members(), group.rate(), group.members());
            }
            if (Double.isFinite(spread) && Math.abs(change) > spread) {
                lines.add(new Line(SafeText.line(table.title()) + ": " + SafeText.label(group.group()) + " "
                        + Formats.full(group.rate(), table.unit()) + ", " + Targets.change(change, table.unit()) + " (was "
                        + Formats.full(was.get().rate(), table.unit()) + "; changes within ±" + spreadText(spread, table.unit())
                        + " are usual for its size)",
                        table.href(), Tone.FLAT));
            }
        }
        return lines;
    }

    /** Editions of earlier changes a spread needs before it is measured from them rather than from the group sizes. */
    static final int SPREAD_EDITIONS = 3;

    /** Twice the standard deviation of the group's earlier changes; NaN with fewer than {@value #SPREAD_EDITIONS}. */
    static double spread(Edition.RateTable table, String group, List<Edition> earlier) {
        List<Double> changes = new ArrayList<>();
        for (int i = 1; i < earlier.size(); i++) {
            Optional<Double> from = earlier.get(i - 1).rate(table.id()).flatMap(t -> t.group(group)).map(Edition.GroupRate::rate);
            Optional<Double> to = earlier.get(i).rate(table.id()).flatMap(t -> t.group(group)).map(Edition.GroupRate::rate);
            if (from.isPresent() && to.isPresent()) {
                changes.add(to.get() - from.get());
            }
        }
        if (changes.size() < SPREAD_EDITIONS) {
            return Double.NaN;
        }
        double mean = changes.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double squares = changes.stream().mapToDouble(c -> (c - mean) * (c - mean)).sum();
        return 2 * Math.sqrt(squares / (changes.size() - 1));
    }

    private static String spreadText(double spread, Unit unit) {
        return unit.style() == NumberStyle.PERCENT ? Targets.points(spread).substring(1) : Formats.full(spread, unit);
    }

    /**
     * Targets newly missed, still missed (since when) and met again; a target met before and now says nothing. When no
     * target changed, one line says how they stand.
     */
    static List<Line> targetLines(Edition current, List<Edition> earlier, Map<String, String> hrefs) {
        List<Line> lines = new ArrayList<>();
        Optional<Edition> previous = earlier.isEmpty() ? Optional.empty() : Optional.of(earlier.get(earlier.size() - 1));
        for (TargetResult target : current.targets()) {
            Optional<Status> before = previous.flatMap(p -> p.target(target.id())).map(TargetResult::status);
            String href = hrefs.getOrDefault(target.id(), "changes.html#target-" + target.id());
            String now = target.now().isEmpty() ? "" : " (" + target.now() + ")";
            if (target.status() == Status.MISSED) {
                if (before.filter(s -> s == Status.MISSED).isPresent()) {
                    lines.add(new Line("Still missed since " + Formats.date(missedSince(target.id(), current, earlier)) + ": "
                            + target.name() + now, href, Tone.BAD));
                } else {
                    lines.add(new Line((previous.isPresent() ? "Newly missed: " : "Missed: ") + target.name() + now, href, Tone.BAD));
                }
            } else if (target.status() == Status.MET && before.filter(s -> s == Status.MISSED).isPresent()) {
                lines.add(new Line("Met again: " + target.name() + now, href, Tone.GOOD));
            }
        }
        if (lines.isEmpty() && !current.shownTargets().isEmpty()) {
            long met = current.targets().stream().filter(t -> t.status() == Status.MET).count();
            long noData = current.targets().size() - met;
            lines.add(new Line(met == current.targets().size() ? (met == 1 ? "The target is met" : "All " + met + " targets are met")
                    : met + " met, " + noData + " without data", "changes.html#targets-heading", Tone.FLAT));
        }
        return lines;
    }

    /** The first edition of the run of editions, ending with this one, in which the target was missed. */
    private static LocalDate missedSince(String id, Edition current, List<Edition> earlier) {
        LocalDate since = current.asOf();
        for (int i = earlier.size() - 1; i >= 0; i--) {
            if (earlier.get(i).target(id).filter(t -> t.status() == Status.MISSED).isEmpty()) {
                break;
            }
            since = earlier.get(i).asOf();
        }
        return since;
    }

    /**
     * The e-mail's subject: "Marquee, 31 Dec 2024: 2 targets missed, churn rate 4.0% (+0.2 pts)". The figure is the first
     * missed target's KPI, else the first KPI with a target, else the first KPI; its change is since the last edition,
     * or for a figure of the month to date against the same days a month earlier; a figure of another date than the
     * edition's says its own ("2,500 members (Netflix Userbase.csv) as of 15 Jul 2023").
     */
    public static String subject(Edition current, Optional<Edition> previous, List<String> targetKpis) {
        StringBuilder subject = new StringBuilder("Marquee, ").append(DateTimeFormatter.ofPattern("d MMM yyyy", Locale.US).format(current.asOf()));
        List<String> said = new ArrayList<>();
        long missed = current.shownTargets().stream().filter(t -> t.status() == Status.MISSED).count();
        long met = current.shownTargets().stream().filter(t -> t.status() == Status.MET).count();
        int targets = current.shownTargets().size();
        if (targets > 0) {
            said.add(missed > 0 ? missed + (missed == 1 ? " target missed" : " targets missed")
                    : met == targets ? "targets met" : met == 0 ? "no data for the targets" : met + " of " + targets + " targets met");
        }
        Optional<Edition.KpiFigure> kpi = targetKpis.stream().map(current::kpi).flatMap(Optional::stream).findFirst()
                .or(() -> current.kpis().stream().findFirst());
        kpi.ifPresent(k -> {
            Optional<Double> change = k.partial() ? k.previousMonth().flatMap(b -> change(k.value(), b, k.unit()))
                    : previous.flatMap(p -> p.kpi(k.id())).flatMap(b -> change(k.value(), b.value(), k.unit()));
            String when = k.partial() ? " on the month" : "";
            // A member file's figure among several files is of its own date, which the subject's date is not.
            said.add(stated(k) + change.map(c -> " (" + moved(c, k.unit()) + when + ")").orElse(""));
        });
        if (!said.isEmpty()) {
            subject.append(": ").append(String.join(", ", said));
        }
        return SafeText.line(subject.toString());
    }

    /** The digest as Markdown, for the workflow's summary and the e-mail; text from the data is escaped. */
    public String markdown(String title, LocalDate asOf) {
        StringBuilder text = new StringBuilder("# ").append(SafeText.markdownInline(title)).append(", as of ").append(Formats.date(asOf)).append("\n\n");
        text.append(previous.map(p -> "Compared with the report of " + Formats.date(p) + ".")
                .orElse("The first edition: there is no earlier one to compare with.")).append("\n");
        if (!headlines.isEmpty()) {
            text.append("\nHeadline figures: ").append(SafeText.markdownInline(String.join("; ", headlines))).append(".\n");
        }
        for (Part part : parts) {
            text.append("\n## ").append(SafeText.markdownInline(part.heading())).append("\n\n");
            for (Line line : part.lines()) {
                text.append("- ").append(SafeText.markdownInline(line.text())).append('\n');
            }
        }
        if (parts.isEmpty() && previous.isPresent()) {
            text.append("\nNothing moved beyond its usual spread, and no target changed.\n");
        }
        return text.toString();
    }
}
