package dev.marquee.query;

import dev.marquee.catalog.Question;

import java.util.List;
import java.util.Optional;

/**
 * A question, or one chart or key figure of it, the data cannot answer, and why.
 *
 * @param missing what it needs that no loaded file gave: tables ({@code viewing_sessions}) or columns
 *                ({@code member.watch_hours}); empty when the note says why
 * @param note    the reason in words, when it is not something missing
 * @param chart   the chart left out, when only one chart of the question is (its title), or the key figure
 *                ({@code KPI Watch hours})
 */
public record LeftOut(Question question, List<String> missing, String note, Optional<String> chart) {

    private static final String KPI = "KPI ";
    private static final String GIVES = ", which no file in the data folder gives";

    public LeftOut {
        missing = List.copyOf(missing);
    }

    public LeftOut(Question question, List<String> missing) {
        this(question, missing, "", Optional.empty());
    }

    public LeftOut(Question question, List<String> missing, String note) {
        this(question, missing, note, Optional.empty());
    }

    /** A key figure of the question that no loaded file gives data for: what it is computed from, where the question says. */
    public static LeftOut kpi(Question question, String label) {
        return new LeftOut(question, question.kpiNeeds(), question.kpiNeeds().isEmpty() ? "no loaded file gives its data" : "",
                Optional.of(KPI + label));
    }

    /** Why, in a reader's words: "needs viewing sessions, which no file in the data folder gives". */
    public String reason() {
        return note.isEmpty() ? "needs " + Needs.inWords(missing) + GIVES : note;
    }

    /**
     * Why, with the tables and columns by name for whoever adds the file: "needs viewing sessions, which no file in the
     * data folder gives (viewing_sessions.started_at)"; the Data page's words.
     */
    public String reasonWithNames() {
        return note.isEmpty() ? reason() + " (" + String.join(", ", missing) + ")" : note;
    }

    /** What is left out, as the Data page names it: the question's title, and the chart's when only one is. */
    public String title() {
        return chart.map(c -> question.title() + ": " + c).orElse(question.title());
    }

    /** Whether this is a key figure of the question rather than a chart or the question. */
    public boolean isKpi() {
        return chart.filter(c -> c.startsWith(KPI)).isPresent();
    }
}
