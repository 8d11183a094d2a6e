package dev.marquee.report;

import dev.marquee.catalog.NarrativeValue;
import dev.marquee.engine.Table;
import dev.marquee.format.Formats;
import dev.marquee.format.SafeText;
import dev.marquee.query.Answer;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Puts the values a narrative quotes from the question's results into its Markdown. Values are data, so they go in as
 * text: escaped for Markdown (a title cannot become a link or an image), and in one pass over the question's own text
 * (a value holding a placeholder is not expanded again).
 */
public final class Narrative {

    private Narrative() {
    }

    public static String expand(Answer answer) {
        String narrative = answer.question().narrative();
        Map<String, String> values = new HashMap<>();
        for (NarrativeValue value : answer.question().narrativeValues()) {
            values.computeIfAbsent(value.text(), text -> SafeText.markdown(format(value, answer)));
        }
        StringBuilder text = new StringBuilder(narrative.length() + 64);
        Matcher placeholder = NarrativeValue.ANY_PLACEHOLDER.matcher(narrative);
        int done = 0;
        while (placeholder.find()) {
            String value = values.get(placeholder.group());
            if (value != null) {
                text.append(narrative, done, placeholder.start()).append(value);
                done = placeholder.end();
            }
        }
        return text.append(narrative, done, narrative.length()).toString();
    }

    private static String format(NarrativeValue value, Answer answer) {
        Table table = answer.result(value.statement());
        if (table.isEmpty()) {
            return "n/a";
        }
        int row = value.row() < 0 ? table.rowCount() + value.row() : value.row();
        if (row < 0 || row >= table.rowCount()) {
            return "n/a";
        }
        Object cell = table.rows().get(row).get(table.index(value.column()));
        if (cell instanceof Number number && value.unit().isPresent()) {
            return Formats.compact(number.doubleValue(), value.unit().get());
        }
        if (cell instanceof java.time.LocalDate date && date.getDayOfMonth() == 1) {
            return Formats.month(date);
        }
        return cell == null ? "n/a" : Formats.cell(cell, dev.marquee.catalog.Unit.COUNT);
    }
}
