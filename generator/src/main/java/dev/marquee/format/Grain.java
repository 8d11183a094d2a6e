package dev.marquee.format;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What one date of a date column stands for, declared like a unit ({@code units: {cohort: month, period_start: day}}):
 * decides how the date is written for people, one way everywhere (see {@link Formats#date(java.time.LocalDate, Optional)}).
 */
public enum Grain {
    /** A whole month, named by its first day: "Jan 2024". */
    MONTH,
    /** One day: "5 Jan 2024", also on the first of a month ("1 Jan 2024"). */
    DAY;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Grain> parse(String text) {
        String wanted = text.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(g -> g.name().equals(wanted)).findFirst();
    }
}
