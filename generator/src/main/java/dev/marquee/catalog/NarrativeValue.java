package dev.marquee.catalog;

import dev.marquee.format.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A value quoted in a narrative: {@code {{ statement.column }}} is the column's value in the statement's last row,
 * {@code {{ statement.column[0] }}} its first row (negative indexes count from the end), and {@code | unit} formats it
 * (hours, percent, usd, ..., or a style and a noun: {@code | count sessions}). The numbers come from the question's own
 * results, never from prose.
 *
 * <p>{@code | apart} and {@code | alike} name a group in a sentence that compares it with the others (the highest, row
 * 0, or the lowest, row -1): the sentence is kept only when the group's rate is (apart), or is not (alike), set apart
 * from the next group's by their 95% intervals, so a narrative says "highest" only where the data shows it. {@code | next}
 * names that next group (the one with the closest rate, never the merged "Other"), so the sentence says which group it is
 * compared with.
 *
 * @param text     the placeholder as written, to be replaced
 * @param contrast whether the value's sentence needs its group set apart from the next, or not, if it says either
 * @param line     line in the .md file, for messages
 */
public record NarrativeValue(String text, String statement, String column, int row, Optional<Unit> unit,
                             Optional<Contrast> contrast, int line) {

    /** What a sentence says of the group it names, compared with the next group by rate. */
    public enum Contrast {
        /** Its 95% interval does not overlap the next group's: it is the highest (or lowest). */
        APART,
        /** The intervals overlap: it is about the same as the next. */
        ALIKE,
        /** Not a claim: the value is the next group itself, the one the group is compared with. */
        NEXT
    }

    static final Pattern PLACEHOLDER = Pattern.compile(
            "\\{\\{\\s*([A-Za-z0-9_]+)\\.([A-Za-z0-9_]+)(?:\\[(-?\\d+)])?\\s*(?:\\|\\s*([a-z_]+(?:\\s+[^|{}\\s][^|{}]*?)?)\\s*)?}}");
    /** Anything between double braces: where a narrative quotes a value. */
    public static final Pattern ANY_PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}");

    /** Every placeholder in a narrative; malformed ones and unknown units are returned as messages. */
    static List<NarrativeValue> parse(String narrative, int firstLine, List<String> problems, List<Integer> problemLines) {
        List<NarrativeValue> values = new ArrayList<>();
        Matcher any = ANY_PLACEHOLDER.matcher(narrative);
        while (any.find()) {
            int line = firstLine + (int) narrative.substring(0, any.start()).chars().filter(c -> c == '\n').count();
            Matcher matcher = PLACEHOLDER.matcher(any.group());
            if (!matcher.matches()) {
                problems.add("narrative placeholder " + any.group() + " must look like {{ statement.column }}, "
                        + "{{ statement.column[0] }} or {{ statement.column | unit }}");
                problemLines.add(line);
                continue;
            }
            Optional<Unit> unit = Optional.empty();
            Optional<Contrast> contrast = Optional.empty();
            if (matcher.group(4) != null && (matcher.group(4).equals("apart") || matcher.group(4).equals("alike")
                    || matcher.group(4).equals("next"))) {
                contrast = Optional.of(Contrast.valueOf(matcher.group(4).toUpperCase(java.util.Locale.ROOT)));
            } else if (matcher.group(4) != null) {
                unit = Unit.parse(matcher.group(4));
                if (unit.isEmpty()) {
                    problems.add("narrative placeholder " + any.group() + " names unit '" + matcher.group(4) + "', which "
                            + Unit.problem(matcher.group(4)) + " (nor apart, alike or next)");
                    problemLines.add(line);
                    continue;
                }
            }
            int row = matcher.group(3) == null ? -1 : Integer.parseInt(matcher.group(3));
            if (contrast.isPresent() && row != 0 && row != -1) {
                problems.add("narrative placeholder " + any.group() + " compares a group with the next: it names the "
                        + "highest, [0], or the lowest, [-1]");
                problemLines.add(line);
                continue;
            }
            values.add(new NarrativeValue(any.group(), matcher.group(1), matcher.group(2), row, unit, contrast, line));
        }
        return values;
    }
}
