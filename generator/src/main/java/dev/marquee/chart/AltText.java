package dev.marquee.chart;

import dev.marquee.catalog.ChartKind;
import dev.marquee.catalog.ChartSpec;
import dev.marquee.engine.ColumnType;
import dev.marquee.engine.Table;
import dev.marquee.format.Formats;
import dev.marquee.format.Grain;
import dev.marquee.format.SafeText;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a chart shows, as a person would say it, in the words of its axis labels, with the highest and lowest values:
 * "Bar chart: MRR by country, 21 countries. Highest: United States at $16.7K; lowest: South Africa at $439."
 * Values are named as the chart labels them (one line, capped in length).
 */
final class AltText {

    private AltText() {
    }

    static String describe(ChartSpec spec, Table data) {
        return describe(spec, data, java.util.Set.of());
    }

    /** @param changes the columns that compare a row with the row before (a growth rate), whose first row has no value */
    static String describe(ChartSpec spec, Table data, java.util.Set<String> changes) {
        if (data.isEmpty()) {
            return spec.title() + ": no data.";
        }
        if (spec.y().isEmpty() || spec.kind() == ChartKind.TABLE) {
            return spec.title() + ": a table of " + data.rowCount() + (data.rowCount() == 1 ? " row." : " rows.");
        }
        int xIndex = data.index(spec.x());
        ColumnType xType = data.columns().get(xIndex).type();
        boolean stacked = spec.kind() == ChartKind.STACKED_BAR || spec.kind() == ChartKind.STACKED_PERCENT;
        // A measure's aside ("Share of watch hours, last 90 days") follows its dimension: "... by device, last 90 days".
        String measure = words(spec.yLabel());
        int aside = measure.indexOf(", ");
        StringBuilder text = new StringBuilder(kind(spec.kind())).append(": ")
                .append(aside > 0 ? measure.substring(0, aside) : measure).append(" by ").append(words(spec.xLabel()));
        if (aside > 0) {
            text.append(measure.substring(aside));
        }
        if (spec.kind() == ChartKind.HEATMAP && spec.series().isPresent()) {
            text.append(" and ").append(words(HeatmapChart.seriesLabel(spec, spec.series().get())));
        } else if (spec.series().isPresent()) {
            text.append(spec.kind() == ChartKind.LINE ? ", one line per " : ", split by ").append(words(spec.series().get()));
        } else if (spec.y().size() > 1 && spec.kind() != ChartKind.FORECAST) {
            List<String> parts = spec.y().stream().map(column -> words(ChartBuilder.seriesName(spec, column))).toList();
            text.append(spec.kind() == ChartKind.LINE ? ", one line each for " : ", split into ")
                    .append(String.join(", ", parts.subList(0, parts.size() - 1))).append(" and ").append(parts.get(parts.size() - 1));
        }
        List<Object> xs = data.columnValues(spec.x());
        long hidden = notShown(spec, data, changes);
        if (xType.isTemporal()) {
            text.append(", ").append(label(xs.get(0), xType, spec.grainOf(spec.x()))).append(" to ");
            if (spec.kind() == ChartKind.FORECAST) {
                text.append(label(lastWith(data, spec.x(), spec.y().get(0)), xType, spec.grainOf(spec.x()))).append(", forecast to ")
                        .append(label(xs.get(xs.size() - 1), xType, spec.grainOf(spec.x()))).append(" with 80% and 95% intervals");
            } else {
                text.append(label(xs.get(xs.size() - 1), xType, spec.grainOf(spec.x())));
            }
            if (hidden > 0) {
                // A gap is a hidden figure, not a quiet month: the reader is told how many, and the extremes are of those shown.
                text.append(" (").append(hidden).append(" of ").append(xs.stream().distinct().count()).append(' ').append(many(spec))
                        .append(" not shown)");
            }
        } else {
            long count = xs.stream().distinct().count();
            text.append(", ").append(count).append(' ').append(count == 1 ? one(spec) : many(spec));
            if (hidden > 0 && hidden < count) {
                text.append(" (").append(hidden).append(" not shown)");
            }
        }
        text.append('.');
        if (spec.kind() == ChartKind.STACKED_PERCENT) {
            // Stacks of shares all reach 100%: there is no highest to name.
            text.append(" Each bar adds up to 100%.");
            long left = xs.stream().distinct().count() - ChartStage.wholeBarsOnly(spec, data).columnValues(spec.x()).stream().distinct().count();
            if (left > 0) {
                text.append(left == 1 ? " One bar has a hidden part and is not drawn; the table lists it."
                        : " " + left + " bars have a hidden part and are not drawn; the table lists them.");
            }
            return text.toString();
        }
        extremes(spec, data, stacked, hidden > 0, text);
        return text.toString();
    }

    /** How many values of the x column have no figure shown at all: hidden, they are slots without a bar. */
    private static long notShown(ChartSpec spec, Table data, java.util.Set<String> changes) {
        int xIndex = data.index(spec.x());
        List<Integer> ys = spec.y().stream().filter(y -> data.indexOf(y).isPresent()).map(data::index).toList();
        List<Integer> others = new java.util.ArrayList<>();
        for (int c = 0; c < data.columns().size(); c++) {
            if (c != xIndex && !ys.contains(c) && data.columns().get(c).type().isNumeric()) {
                others.add(c);
            }
        }
        Map<Object, Boolean> shown = new LinkedHashMap<>();
        List<List<Object>> rows = data.rows();
        for (int r = 0; r < rows.size(); r++) {
            List<Object> row = rows.get(r);
            boolean any = ys.stream().anyMatch(y -> row.get(y) != null);
            // The first point of a change on the row before (growth on the month before, in the first month), in a row
            // that shows its other figures, has no value by definition, where a hidden row shows none: it is not a figure
            // left out. Other values missing there are: the sample's ARPU, hidden in its first four months beside their
            // MRR, read "3 of 36 months not shown", and a slice's, shown in its last month alone, "6 of 36".
            boolean undefined = !any && r == 0 && !ys.isEmpty() && ys.stream().allMatch(y -> changes.contains(data.columns().get(y).name()))
                    && others.stream().anyMatch(c -> row.get(c) != null);
            shown.merge(row.get(xIndex), any || undefined, Boolean::logicalOr);
        }
        return shown.values().stream().filter(any -> !any).count();
    }

    /** "Highest: Dec 2024 at $56.1K; lowest: Jan 2022 at $1,197." — of a stack's total, or of each bar or point. */
    private static void extremes(ChartSpec spec, Table data, boolean stacked, boolean someHidden, StringBuilder text) {
        int xIndex = data.index(spec.x());
        ColumnType xType = data.columns().get(xIndex).type();
        Map<Object, Double> totals = new LinkedHashMap<>();
        Map<Object, String> names = new LinkedHashMap<>();
        // A stack with a hidden part has no known total: it is not named as the highest or the lowest.
        java.util.Set<Object> partial = new java.util.HashSet<>();
        int seriesIndex = spec.kind() == ChartKind.FORECAST ? -1 : spec.series().map(data::index).orElse(-1);
        // Bars side by side, one per y column (movies and shows of each service), are each a bar: the extremes are of all
        // of them, named with their column ("Disney+ (shows)"); the first column alone named Disney+'s movies the lowest.
        boolean sideBySide = !stacked && seriesIndex < 0 && spec.y().size() > 1 && spec.kind() != ChartKind.FORECAST;
        List<String> columns = stacked || sideBySide ? spec.y() : List.of(spec.y().get(0));
        for (List<Object> row : data.rows()) {
            for (String column : columns) {
                Double value = ChartBuilder.plotted(row.get(data.index(column)));
                if (value == null) {
                    if (stacked && row.get(data.index(column)) == null) {
                        partial.add(row.get(xIndex));
                    }
                    continue;
                }
                Object x = row.get(xIndex);
                Object key = sideBySide ? List.of(String.valueOf(x), column)
                        : stacked || seriesIndex < 0 ? x : List.of(String.valueOf(x), String.valueOf(row.get(seriesIndex)));
                totals.merge(key, value, Double::sum);
                names.putIfAbsent(key, sideBySide ? point(spec, x, xType) + " (" + words(ChartBuilder.seriesName(spec, column)) + ")"
                        : stacked || seriesIndex < 0 ? point(spec, x, xType)
                        : point(spec, x, xType) + " (" + label(row.get(seriesIndex), data.columns().get(seriesIndex).type(),
                                spec.grainOf(data.columns().get(seriesIndex).name())) + ")");
            }
        }
        totals.keySet().removeAll(partial);
        // "Other (small groups)" is several groups together, some merged only to protect others: "lowest: Other (small
        // groups)" named no group, and Other held three quarters of the members of the churn by country.
        boolean merged = totals.keySet().removeIf(key -> dev.marquee.privacy.Disclosure.OTHER.equals(String.valueOf(key)));
        Object highest = null;
        Object lowest = null;
        for (Map.Entry<Object, Double> entry : totals.entrySet()) {
            if (highest == null || entry.getValue() > totals.get(highest)) {
                highest = entry.getKey();
            }
            if (lowest == null || entry.getValue() < totals.get(lowest)) {
                lowest = entry.getKey();
            }
        }
        if (highest == null) {
            return;
        }
        named(spec, totals, names, highest, lowest, someHidden, stacked, merged, text);
        if (merged) {
            text.append(" “").append(dev.marquee.privacy.Disclosure.OTHER).append("” is several groups together and not ranked.");
        }
    }

    /** The highest and lowest of {@code totals}, or the one, or that all are alike. */
    private static void named(ChartSpec spec, Map<Object, Double> totals, Map<Object, String> names, Object highest,
                              Object lowest, boolean someHidden, boolean stacked, boolean merged, StringBuilder text) {
        String total = (stacked ? " total" : "") + (someHidden ? " shown" : "");
        if (totals.size() == 1) {
            text.append(merged ? " The one " + item(spec.kind()) + " besides Other: " : " The one " + item(spec.kind()) + ": ")
                    .append(names.get(highest)).append(" at ")
                    .append(Formats.compact(totals.get(highest), spec.unit())).append('.');
            return;
        }
        String high = Formats.compact(totals.get(highest), spec.unit());
        String low = Formats.compact(totals.get(lowest), spec.unit());
        if (totals.get(highest).equals(totals.get(lowest))) {
            // "Highest shown: Oct 2022 at 0.0%; lowest shown: Oct 2022 at 0.0%" named one point twice for four alike.
            text.append(" Every ").append(item(spec.kind())).append(someHidden ? " shown" : "").append(" is at ").append(high).append('.');
            return;
        }
        if (high.equals(low)) {
            // 22.3 and 21.7 both read "22": the two are named, their figure once.
            text.append(" Highest").append(total).append(": ").append(tied(totals, names, highest)).append("; lowest").append(total)
                    .append(": ").append(tied(totals, names, lowest)).append("; both about ").append(high).append('.');
            return;
        }
        text.append(" Highest").append(total).append(": ").append(tied(totals, names, highest)).append(" at ").append(high)
                .append("; lowest").append(total).append(": ").append(tied(totals, names, lowest)).append(" at ").append(low).append('.');
    }

    /**
     * The name of {@code extreme} and of every other with the same figure, in the chart's order: revenue rounded to $50
     * made Spain and the United States both $5,650, and "Highest: Spain" named one of two.
     */
    private static String tied(Map<Object, Double> totals, Map<Object, String> names, Object extreme) {
        List<String> alike = totals.entrySet().stream().filter(e -> e.getValue().equals(totals.get(extreme)))
                .map(e -> names.get(e.getKey())).toList();
        if (alike.size() == 1) {
            return alike.get(0);
        }
        if (alike.size() > 3) {
            return alike.size() + " tied";
        }
        return String.join(", ", alike.subList(0, alike.size() - 1)) + " and " + alike.get(alike.size() - 1);
    }

    /** What kind of chart, in a reader's words (a horizontal bar chart is a bar chart laid on its side). */
    private static String kind(ChartKind kind) {
        return switch (kind) {
            case BAR, HBAR -> "Bar chart";
            case DOTS -> "Dot chart with 95% intervals";
            case LINE -> "Line chart";
            case STACKED_BAR -> "Stacked bar chart";
            case STACKED_PERCENT -> "Stacked bar chart of shares";
            case FORECAST -> "Line chart with a forecast";
            case HEATMAP -> "Heat map";
            case TABLE -> "Table";
        };
    }

    /**
     * A label inside a sentence: a column name's underscores as spaces, and a capital that only starts the label
     * lowered ("Watch hours" is "watch hours"; "MRR" and "TV shows" stay).
     */
    static String words(String label) {
        String text = Formats.header(label).strip();
        if (text.length() > 1 && Character.isUpperCase(text.charAt(0)) && !Character.isUpperCase(text.charAt(1))) {
            text = Character.toLowerCase(text.charAt(0)) + text.substring(1);
        }
        return SafeText.label(text);
    }

    /** The x label's name for one category: "country"; "bar" or "point" when the label is not a plain noun. */
    private static String one(ChartSpec spec) {
        return plural(head(spec.xLabel())) == null ? item(spec.kind()) : head(spec.xLabel());
    }

    /** The x label's plural: "countries", "age bands", "months of the year"; "bars" or "points" when unsure. */
    private static String many(ChartSpec spec) {
        String plural = plural(head(spec.xLabel()));
        return plural == null ? item(spec.kind()) + "s" : plural;
    }

    private static String item(ChartKind kind) {
        return kind == ChartKind.LINE ? "point" : kind == ChartKind.HEATMAP ? "column" : "bar";
    }

    /** The label before any aside: "Risk decile (D10 = highest risk)" is "risk decile". */
    private static String head(String label) {
        String text = words(label);
        for (String aside : new String[]{" (", ", ", " — ", " - "}) {
            int at = text.indexOf(aside);
            if (at > 0) {
                text = text.substring(0, at);
            }
        }
        return text;
    }

    private static final Set<String> LINKS = Set.of("of", "per", "in", "on", "by", "from");

    /**
     * The plural of a short noun phrase, or null when it is not one this can be sure of ("hours watched", "days since
     * the last login" name bands of a measure, not things to count).
     */
    static String plural(String phrase) {
        String[] words = phrase.split(" ");
        if (phrase.isEmpty() || phrase.chars().anyMatch(Character::isDigit)) {
            return null;
        }
        int noun;
        if (words.length >= 3 && LINKS.contains(words[1])) {
            noun = 0;
        } else if (words.length == 2 && words[1].endsWith("ed")) {
            noun = 0;
        } else if (words.length <= 2) {
            noun = words.length - 1;
        } else {
            return null;
        }
        String word = words[noun];
        if (word.endsWith("s") || word.endsWith("ed") || word.endsWith("ity") || !word.chars().allMatch(Character::isLetter)
                || word.chars().anyMatch(Character::isUpperCase)) {
            return null;
        }
        words[noun] = pluralWord(word);
        return String.join(" ", words);
    }

    private static String pluralWord(String word) {
        if (word.endsWith("y") && word.length() > 1 && "aeiou".indexOf(word.charAt(word.length() - 2)) < 0) {
            return word.substring(0, word.length() - 1) + "ies";
        }
        if (word.endsWith("x") || word.endsWith("z") || word.endsWith("ch") || word.endsWith("sh")) {
            return word + "es";
        }
        return word + "s";
    }

    /** The x of the last row whose column has a value: the last month of history on a forecast. */
    private static Object lastWith(Table data, String x, String column) {
        Object last = data.value(0, x);
        for (int r = 0; r < data.rowCount(); r++) {
            if (ChartBuilder.plotted(data.value(r, column)) != null) {
                last = data.value(r, x);
            }
        }
        return last;
    }

    /**
     * A point named for a sentence: a count of time with its axis's words ("0 months after signup", not "0"), else
     * its label.
     */
    private static String point(ChartSpec spec, Object x, ColumnType type) {
        String axis = words(spec.xLabel());
        return x instanceof Number && axis.matches("(days|weeks|months|years) .*") ? label(x, type, spec.grainOf(spec.x())) + " " + axis
                : x instanceof java.time.LocalDate ? label(x, type, spec.grainOf(spec.x())) : SafeText.label(ChartBuilder.xCategory(spec, x, type));
    }

    /** A value as the sentence names it: a date by its column's grain, else as the chart's category label. */
    private static String label(Object x, ColumnType type, Optional<Grain> grain) {
        if (x instanceof java.time.LocalDate date) {
            return Formats.date(date, grain);
        }
        return SafeText.label(ChartBuilder.category(x, type, grain));
    }
}
