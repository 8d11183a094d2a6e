package dev.marquee.bench;

import java.util.Locale;

/**
 * A data set size to measure: {@code default} is the project's committed {@code data/} folder; {@code 100k},
 * {@code 1m}, {@code 10m}, {@code 100m} (or a plain number) are that many viewing events of generated sample data.
 */
record Size(String name, long events, boolean projectData) {

    static final long DEFAULT_EVENTS = 200_000;

    static Size parse(String text) {
        String name = text.strip().toLowerCase(Locale.ROOT);
        if (name.equals("default")) {
            return new Size(name, DEFAULT_EVENTS, true);
        }
        long multiplier = name.endsWith("k") ? 1_000 : name.endsWith("m") ? 1_000_000 : 1;
        String digits = multiplier == 1 ? name : name.substring(0, name.length() - 1);
        try {
            long events = Long.parseLong(digits) * multiplier;
            if (events <= 0) {
                throw new NumberFormatException();
            }
            return new Size(name, events, false);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a size is 'default', a number of viewing events such as 250000, "
                    + "or one with k or m such as 100k, 10m; got " + text);
        }
    }

    /** Sizes this large are run once: a run takes minutes. */
    boolean isLarge() {
        return events >= 50_000_000;
    }

    String label() {
        return projectData ? "default (data/)" : name;
    }
}
