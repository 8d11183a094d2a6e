package dev.marquee.report;

import dev.marquee.catalog.NarrativeValue;
import dev.marquee.engine.Table;
import dev.marquee.format.Formats;
import dev.marquee.format.SafeText;
import dev.marquee.query.Answer;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Puts the values a narrative quotes from the question's results into its Markdown. Values are data, so they go in as
 * text: escaped for Markdown (a title cannot become a link or an image), and in one pass over the question's own text
 * (a value holding a placeholder is not expanded again).
 */
public final class Narrative {

    /** The value of a placeholder whose sentence does not hold for the data (see {@link NarrativeValue.Contrast}). */
    private static final String NOT_SO = "\u0000not so";
    /** z of a two-sided 95% interval. */
    private static final double Z = 1.959964;

    private Narrative() {
    }

    public static String expand(Answer answer) {
        return expand(answer, answer.question().narrative());
    }

    /**
     * The narrative with "fewer than k" saying the report's k; values from the data are left as they are. A report of one
     * population (the sample, the event files alone) names it on its Data and About pages, so its narrative drops the
     * file it would name beside a figure ("(source: event files)") or before it ("In netflix_customer_churn.csv, 26.5% of
     * ...").
     */
    public static String expand(Answer answer, int k, boolean severalSources) {
        String written = dev.marquee.format.Wording.withK(answer.question().narrative(), k);
        return expand(answer, severalSources ? written : withoutTheOneFile(written));
    }

    /** A file quoted beside a figure, in brackets. */
    private static final java.util.regex.Pattern SOURCE_ASIDE =
            java.util.regex.Pattern.compile("\\s*\\(source: \\{\\{\\s*[A-Za-z0-9_]+\\.source(?:\\[-?\\d+])?\\s*}}\\)");
    /** A sentence opening on a file: "In {{ overall.source[0] }}, the ...". */
    private static final java.util.regex.Pattern IN_SOURCE =
            java.util.regex.Pattern.compile("\\bIn \\{\\{\\s*[A-Za-z0-9_]+\\.source(?:\\[-?\\d+])?\\s*}},\\s+(\\S)");

    static String withoutTheOneFile(String narrative) {
        String withoutAsides = SOURCE_ASIDE.matcher(narrative).replaceAll("");
        return IN_SOURCE.matcher(withoutAsides).replaceAll(m -> Matcher.quoteReplacement(m.group(1).toUpperCase(java.util.Locale.ROOT)));
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
     * The narrative without its sentences that quote a missing value: a file that does not give a figure leaves no "MRR
     * stood at n/a" behind, a slice that hides its last month's signups no "n/a signed up in Dec 2024", and one that
     * hides its largest plan's revenue no "Standard brings the most recurring revenue of any plan, n/a", which named a
     * group whose figures the page does not show; nor those that compare a group with the next in a way the data does
     * not bear out. (Dots inside placeholders, {{ a.b }}, are not sentence ends.)
     */
    static String withoutEmptySentences(String narrative, Map<String, String> values) {
        StringBuilder kept = new StringBuilder(narrative.length());
        for (String text : sentences(narrative)) {
            Matcher placeholder = NarrativeValue.ANY_PLACEHOLDER.matcher(text);
            boolean missing = false;
            boolean notSo = false;
            while (placeholder.find()) {
                missing |= "n/a".equals(values.get(placeholder.group()));
                notSo |= NOT_SO.equals(values.get(placeholder.group()));
            }
            if (!missing && !notSo) {
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
        if (value.contrast().equals(Optional.of(NarrativeValue.Contrast.NEXT))) {
            java.util.OptionalInt next = next(answer, value.statement(), row, value.row() == 0);
            if (next.isEmpty()) {
                return NOT_SO;
            }
            Object named = table.rows().get(next.getAsInt()).get(table.index(value.column()));
            return named == null ? "n/a" : Formats.cell(named, dev.marquee.format.Unit.COUNT);
        }
        if (value.contrast().isPresent() && !apart(answer, value.statement(), row, value.row() == 0)
                .map(apart -> apart == (value.contrast().get() == NarrativeValue.Contrast.APART)).orElse(false)) {
            return NOT_SO;
        }
        if (cell instanceof Number number && value.unit().isPresent()) {
            return Formats.compact(number.doubleValue(), value.unit().get());
        }
        if (cell instanceof java.time.LocalDate date) {
            return Formats.date(date, answer.question().grainOf(value.statement(), value.column()));
        }
        return cell == null ? "n/a" : Formats.cell(cell, dev.marquee.format.Unit.COUNT);
    }

    /**
     * Whether the group in a row is the highest (or lowest) by its rate, the part its privacy declaration names over its
     * members, with a 95% Wilson interval that does not overlap the next group's. Rows whose figures are hidden take no
     * part. The merged row ("Other") is never the next group, since its interval is not published and a sentence could
     * not be checked against it; but where its rate is as high (as low), nothing is said, so no group is called the
     * highest below it. Empty when there is nothing to compare: the row's own figures are hidden, or no other row shows
     * any (a slice of one region), so that neither "clearly above the next" nor "about the same as the next" is said.
     */
    static Optional<Boolean> apart(Answer answer, String statement, int row, boolean highest) {
        Table table = answer.result(statement);
        dev.marquee.catalog.GroupSpec spec = answer.question().privacy(statement).orElseThrow();
        double[] named = interval(table, row, spec.members(), spec.parts().get(0));
        java.util.OptionalInt next = next(answer, statement, row, highest);
        if (named == null || next.isEmpty()) {
            return Optional.empty();
        }
        double[] other = interval(table, next.getAsInt(), spec.members(), spec.parts().get(0));
        if (highest ? other[0] >= named[0] : other[0] <= named[0]) {
            return Optional.of(false);
        }
        return Optional.of(highest ? named[1] > other[2] : named[2] < other[1]);
    }

    /**
     * The row of the group a row's group is compared with: among the named rows that show their figures, one with a
     * rate as high (as low), which makes the group not the highest (lowest), else the one with the closest rate below it
     * (above it, for the lowest). Empty where the row's figures are hidden, where no other named row shows any, or where
     * the merged row's rate is as high (as low).
     */
    static java.util.OptionalInt next(Answer answer, String statement, int row, boolean highest) {
        Table table = answer.result(statement);
        dev.marquee.catalog.GroupSpec spec = answer.question().privacy(statement).orElseThrow();
        String part = spec.parts().get(0);
        double[] named = interval(table, row, spec.members(), part);
        if (named == null) {
            return java.util.OptionalInt.empty();
        }
        int next = -1;
        double nextRate = 0;
        for (int r = 0; r < table.rowCount(); r++) {
            double[] other = r == row ? null : interval(table, r, spec.members(), part);
            if (other == null) {
                continue;
            }
            boolean reaches = highest ? other[0] >= named[0] : other[0] <= named[0];
            if (merged(table, spec, r)) {
                if (reaches) {
                    return java.util.OptionalInt.empty();
                }
                continue;
            }
            if (reaches) {
                return java.util.OptionalInt.of(r);
            }
            if (next < 0 || (highest ? other[0] > nextRate : other[0] < nextRate)) {
                next = r;
                nextRate = other[0];
            }
        }
        return next < 0 ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(next);
    }

    /** Whether a row is the merged one, "Other (small groups)", of several groups. */
    private static boolean merged(Table table, dev.marquee.catalog.GroupSpec spec, int row) {
        return spec.label().map(label -> dev.marquee.privacy.Disclosure.OTHER.equals(table.value(row, label))).orElse(false);
    }

    /** A row's rate and its 95% Wilson score interval {rate, low, high}; null where the row's figures are hidden. */
    private static double[] interval(Table table, int row, String membersColumn, String partColumn) {
        if (!(table.value(row, membersColumn) instanceof Number members) || !(table.value(row, partColumn) instanceof Number part)
                || members.doubleValue() <= 0) {
            return null;
        }
        double n = members.doubleValue();
        double p = part.doubleValue() / n;
        double centre = p + Z * Z / (2 * n);
        double spread = Z * Math.sqrt(p * (1 - p) / n + Z * Z / (4 * n * n));
        double scale = 1 + Z * Z / n;
        return new double[] {p, (centre - spread) / scale, (centre + spread) / scale};
    }
}
