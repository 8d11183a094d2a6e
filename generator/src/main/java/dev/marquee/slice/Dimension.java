package dev.marquee.slice;

import dev.marquee.run.ReportException;

import java.util.Arrays;
import java.util.Locale;

/**
 * What a report is sliced by: a column of the member layer table ({@code member}), so each member belongs to exactly
 * one slice. A member whose value is unknown (a country the regions table does not list, no plan) is in the slice
 * {@link Slices#UNKNOWN}, so the slices add up to the whole.
 */
public enum Dimension {
    REGION("region", "Region", "regions"),
    COUNTRY("country", "Country", "countries"),
    PLAN("plan", "Plan", "plans");

    private final String column;
    private final String label;
    private final String plural;

    Dimension(String column, String label, String plural) {
        this.column = column;
        this.label = label;
        this.plural = plural;
    }

    /** All the slices together, as a slice's page compares with them: "All regions". */
    public String all() {
        return "All " + plural;
    }

    /** The option's word and the member table's column. */
    public String column() {
        return column;
    }

    /** As a page names it: "Region". */
    public String label() {
        return label;
    }

    /** @throws ReportException (exit 3) for a word that is not a dimension, naming the ones there are */
    public static Dimension parse(String option, String word) {
        return Arrays.stream(values()).filter(d -> d.column.equals(word.strip().toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new ReportException(ReportException.CONFIG_PROBLEM, option + " must be one of "
                        + Arrays.stream(values()).map(Dimension::column).toList() + ", got " + word));
    }
}
