package dev.marquee.report;

import dev.marquee.catalog.NarrativeValue;
import dev.marquee.engine.Table;
import dev.marquee.format.Formats;
import dev.marquee.query.Answer;

/** Puts the values a narrative quotes from the question's results into its Markdown. */
public final class Narrative {

    private Narrative() {
    }

    public static String expand(Answer answer) {
        String text = answer.question().narrative();
        for (NarrativeValue value : answer.question().narrativeValues()) {
            text = text.replace(value.text(), format(value, answer));
        }
        return text;
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
