package dev.marquee.present;

import dev.marquee.format.Wording;
import dev.marquee.query.LeftOut;
import dev.marquee.query.Needs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the data could not answer, a line per question: the overview's and the PDF's list. The Data page names every
 * chart and key figure left out; here a question missing ten of its charts takes one line that names a few of them and
 * what they need, so that a reader of a members file is not met by thirty lines.
 */
final class LeftOutSummary {

    /** The charts a line names before it counts the rest. */
    private static final int NAMED = 3;
    private static final String NEEDS = "needs ";

    private LeftOutSummary() {
    }

    static List<Presentation.LeftOutLine> byQuestion(List<LeftOut> leftOut) {
        Map<String, List<LeftOut>> byQuestion = new LinkedHashMap<>();
        for (LeftOut left : leftOut) {
            byQuestion.computeIfAbsent(left.question().title(), title -> new ArrayList<>()).add(left);
        }
        // Whole questions left out for the same reason share a line, where the first of them stood: six questions that
        // each "need a file of members" of a catalogue alone are one line.
        List<Line> lines = new ArrayList<>();
        Map<String, Line> wholeByReason = new LinkedHashMap<>();
        byQuestion.forEach((question, parts) -> {
            Optional<LeftOut> whole = parts.stream().filter(p -> p.chart().isEmpty()).findFirst();
            if (whole.isPresent()) {
                Line shared = wholeByReason.get(whole.get().reason());
                if (shared == null) {
                    shared = new Line(new ArrayList<>(), whole.get().reason());
                    wholeByReason.put(shared.reason(), shared);
                    lines.add(shared);
                }
                shared.titles().add(question);
            } else if (parts.size() == 1) {
                lines.add(new Line(List.of(parts.get(0).title()), parts.get(0).reason()));
            } else {
                lines.add(new Line(List.of(question), parts(parts)));
            }
        });
        return lines.stream().map(Line::summary).toList();
    }

    /** Questions (or a question's charts) left out, and why. */
    private record Line(List<String> titles, String reason) {
        Presentation.LeftOutLine summary() {
            boolean several = titles.size() > 1 && reason.startsWith(NEEDS);
            return new Presentation.LeftOutLine(Wording.series(titles), several ? "they need " + reason.substring(NEEDS.length()) : reason);
        }
    }

    /** "9 charts and its key figure left out (“A”, “B”, “C” and 6 more): they need viewing sessions, which ..." */
    private static String parts(List<LeftOut> parts) {
        List<String> charts = parts.stream().filter(p -> !p.isKpi()).map(p -> p.chart().orElseThrow()).toList();
        long kpis = parts.stream().filter(LeftOut::isKpi).count();
        // Quoted: a title may hold a comma ("Device mix by country, by watch hours"). "And 1 more" would save nothing.
        int shown = charts.size() <= NAMED + 1 ? charts.size() : NAMED;
        List<String> named = new ArrayList<>(charts.subList(0, shown).stream().map(c -> "“" + c + "”").toList());
        if (charts.size() > shown) {
            named.add((charts.size() - shown) + " more");
        }
        String what = (charts.isEmpty() ? "" : charts.size() + (charts.size() == 1 ? " chart" : " charts"))
                + (kpis == 0 ? "" : (charts.isEmpty() ? "" : " and ") + (kpis == 1 ? "its key figure" : "its " + kpis + " key figures"))
                + " left out" + (named.isEmpty() ? "" : " (" + Wording.series(named) + ")");
        // The charts' reasons say why, with the key figures' needs; a key figure's note ("no loaded file gives its data")
        // only where there is no chart.
        List<LeftOut> telling = charts.isEmpty() ? parts : parts.stream().filter(p -> !p.isKpi() || p.note().isEmpty()).toList();
        List<String> reasons = telling.stream().map(LeftOut::reason).distinct().toList();
        if (reasons.size() == 1 && reasons.get(0).startsWith(NEEDS)) {
            return what + ": " + (telling.size() == 1 ? "it needs " : "they need ") + reasons.get(0).substring(NEEDS.length());
        }
        if (reasons.size() == 1) {
            return what + ": " + reasons.get(0);
        }
        if (telling.stream().allMatch(p -> p.note().isEmpty())) {
            return what + ": they need " + Needs.inWords(telling.stream().flatMap(p -> p.missing().stream()).toList())
                    + ", which no file in the data folder gives";
        }
        return what + ": " + String.join("; ", reasons);
    }
}
