package dev.marquee.query;

import dev.marquee.catalog.Question;

import java.util.List;

/** A question the data cannot answer, and the tables it lacks. */
public record LeftOut(Question question, List<String> missingTables, String note) {
    public LeftOut {
        missingTables = List.copyOf(missingTables);
    }

    public LeftOut(Question question, List<String> missingTables) {
        this(question, missingTables, "");
    }

    public String reason() {
        return note.isEmpty() ? "needs " + String.join(", ", missingTables) + ", which the data folder does not have" : note;
    }
}
