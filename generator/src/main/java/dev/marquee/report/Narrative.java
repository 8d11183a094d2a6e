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
        return expand(answer, answer.question().narrative());
    }

    /** The narrative with "fewer than k" saying the report's k; values from the data are left as they are. */
    public static String expand(Answer answer, int k) {
        return expand(answer, dev.marquee.format.Wording.withK(answer.question().narrative(), k));
    }

    private static String expand(Answer answer, String written) {
        Map<String, String> raw = new HashMap<>();
        for (NarrativeValue value : answer.question().narrativeValues()) {
            raw.computeIfAbsent(value.text(), placeholder -> format(value, answer));
        }
        String narrative = withoutEmptySentences(written, raw);
        Map<String, String> values = new HashMap<>();
        raw.forEach((text, value) -> values.put(text, SafeText.markdown(value)));
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

    /**
     * The narrative without its sentences whose every quoted value is missing: a file that does not give a figure
     * leaves no "MRR stood at n/a" behind. (Dots inside placeholders, {{ a.b }}, are not sentence ends.)
     */
    static String withoutEmptySentences(String narrative, Map<String, String> values) {
        StringBuilder kept = new StringBuilder(narrative.length());
        for (String text : sentences(narrative)) {
            Matcher placeholder = NarrativeValue.ANY_PLACEHOLDER.matcher(text);
            boolean quotes = false;
            boolean allMissing = true;
            while (placeholder.find()) {
                quotes = true;
                allMissing &= "n/a".equals(values.get(placeholder.group()));
            }
            if (!(quotes && allMissing)) {
                kept.append(text);
            } else if (text.contains("\n\n")) {
                kept.append("\n\n");
            }
        }
        return kept.toString().strip();
    }

    /** The text cut after each full stop, question or exclamation mark followed by a space (outside placeholders). */
    private static java.util.List<String> sentences(String text) {
        java.util.List<String> sentences = new java.util.ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("{{", i)) {
                int close = text.indexOf("}}", i);
                i = close < 0 ? text.length() : close + 2;
                continue;
            }
            char c = text.charAt(i++);
            if ((c == '.' || c == '!' || c == '?') && (i == text.length() || Character.isWhitespace(text.charAt(i)))) {
                while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
                sentences.add(text.substring(start, i));
                start = i;
            }
        }
        if (start < text.length()) {
            sentences.add(text.substring(start));
        }
        return sentences;
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
            return Formats.period(date);
        }
        return cell == null ? "n/a" : Formats.cell(cell, dev.marquee.format.Unit.COUNT);
    }
}
