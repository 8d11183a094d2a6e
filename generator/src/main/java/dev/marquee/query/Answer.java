package dev.marquee.query;

import dev.marquee.catalog.Question;
import dev.marquee.engine.Table;

import java.util.Map;
import java.util.Objects;

/**
 * A question and the result of each of its statements, by statement name.
 *
 * @param notes per result, what the disclosure stage merged or hid in it, in words for the page beside its chart
 */
public record Answer(Question question, Map<String, Table> results, Map<String, String> sql, Map<String, String> notes) {

    public Answer {
        Objects.requireNonNull(question);
        results = Map.copyOf(results);
        sql = Map.copyOf(sql);
        notes = Map.copyOf(notes);
    }

    public Answer(Question question, Map<String, Table> results, Map<String, String> sql) {
        this(question, results, sql, Map.of());
    }

    /** The same answer with other results (made safe to publish, say) and notes on them. */
    public Answer with(Map<String, Table> newResults, Map<String, String> newNotes) {
        return new Answer(question, newResults, sql, newNotes);
    }

    public Table result(String queryName) {
        Table table = results.get(queryName);
        if (table == null) {
            throw new IllegalArgumentException("question " + question.slug() + " has no statement " + queryName);
        }
        return table;
    }

    /** The key of a result's note for one population's chart (a result with a source column is one chart per source). */
    public static String sourceNote(String result, String source) {
        return result + "@" + source;
    }
}
