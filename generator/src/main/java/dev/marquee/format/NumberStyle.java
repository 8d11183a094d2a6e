package dev.marquee.format;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** How a number is written for people, whatever it counts (see {@link Formats}); a {@link Unit} adds what it counts. */
public enum NumberStyle {
    /** Things counted: 1,234 (15K short); a fraction, such as a mean, keeps one decimal (2.5). */
    COUNT,
    /** Things counted whole: a mean or a forecast is rounded everywhere (a forecast of 4,153.9 members is 4,154). */
    WHOLE,
    /** Two decimals: 0.83. */
    DECIMAL,
    /** A ratio written as a percentage: 0.043 is 4.3%. */
    PERCENT,
    /** A change, such as a growth rate, written as a signed percentage: 0.111 is +11.1%, -0.032 is −3.2%. */
    CHANGE,
    /** US dollars: $12,345.67, $56.1K short. */
    USD,
    /**
     * US dollars without cents: $56,000, $56K short. For money a run has made whole (sums of prices rounded to a step of
     * a dollar or more) and for what is forecast from it, where cents would claim a precision the figure has not.
     */
    DOLLARS,
    /** A score out of five: 3.42 / 5. */
    SCORE,
    /** A calendar year, without a thousands separator: 2024. */
    YEAR,
    /** A decade, by its first year: 2010 is the 2010s. */
    DECADE,
    /** Hours of time, one decimal under 100: 45.2 hours. */
    HOURS,
    /** Minutes of time, one decimal under 100; "min" when short. */
    MINUTES,
    /** A length of time in days, such as a tenure: not added up across groups. */
    DAYS;

    /** Whether the style writes money (a dollar sign before the number). */
    public boolean money() {
        return this == USD || this == DOLLARS;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<NumberStyle> parse(String text) {
        String wanted = text.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.name().equals(wanted)).findFirst();
    }

    /** The styles a declared noun may follow: {@code count sessions}, {@code whole subscribers}, {@code decimal goals}. */
    public static List<NumberStyle> withNouns() {
        return List.of(COUNT, WHOLE, DECIMAL);
    }

    /** The noun a style of time always has (hours, minutes, days); the others have none of their own. */
    Optional<Unit.Noun> ownNoun() {
        return switch (this) {
            case HOURS, MINUTES, DAYS -> Optional.of(Unit.Noun.of(id()));
            case COUNT, WHOLE, DECIMAL, PERCENT, CHANGE, USD, DOLLARS, SCORE, YEAR, DECADE -> Optional.empty();
        };
    }

    /** What the style's numbers are followed by when they have no noun: "%", "USD", "/ 5", or nothing. */
    String symbol() {
        return switch (this) {
            case PERCENT, CHANGE -> "%";
            case USD, DOLLARS -> "USD";
            case SCORE -> "/ 5";
            case COUNT, WHOLE, DECIMAL, YEAR, DECADE, HOURS, MINUTES, DAYS -> "";
        };
    }
}
