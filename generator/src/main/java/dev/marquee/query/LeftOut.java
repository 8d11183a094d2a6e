package dev.marquee.query;

import dev.marquee.catalog.Question;

import java.util.List;
import java.util.Optional;

/**
 * A question, or one chart of it, the data cannot answer, and why.
 *
 * @param missingTables the tables it needs that the data does not have
 * @param note          the reason in words, when it is not missing tables
 * @param chart         the chart left out, when only one chart of the question is (its title)
 */
public record LeftOut(Question question, List<String> missingTables, String note, Optional<String> chart) {
    public LeftOut {
        missingTables = List.copyOf(missingTables);
    }

    public LeftOut(Question question, List<String> missingTables) {
        this(question, missingTables, "", Optional.empty());
    }

    public LeftOut(Question question, List<String> missingTables, String note) {
        this(question, missingTables, note, Optional.empty());
    }

    public String reason() {
        return note.isEmpty() ? "needs " + String.join(", ", missingTables) + ", which the data folder does not have" : note;
    }

    /** What is left out, as the Data page names it: the question's title, and the chart's when only one is. */
    public String title() {
        return chart.map(c -> question.title() + ": " + c).orElse(question.title());
    }
}
