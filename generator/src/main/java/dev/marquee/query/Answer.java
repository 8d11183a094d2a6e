package dev.marquee.query;

import dev.marquee.catalog.Question;
import dev.marquee.engine.Table;

import java.util.Map;
import java.util.Objects;

/** A question and the result of each of its statements, by statement name. */
public record Answer(Question question, Map<String, Table> results, Map<String, String> sql) {

    public Answer {
        Objects.requireNonNull(question);
        results = Map.copyOf(results);
        sql = Map.copyOf(sql);
    }

    public Table result(String queryName) {
        Table table = results.get(queryName);
        if (table == null) {
            throw new IllegalArgumentException("question " + question.slug() + " has no statement " + queryName);
        }
        return table;
    }
}
