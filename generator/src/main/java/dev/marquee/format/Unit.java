package dev.marquee.format;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a number measures; decides how it is written for people, one way everywhere. */
public enum Unit {
    HOURS("hours"), MINUTES("minutes"), DAYS("days"), COUNT(""), MEMBERS("members"), TITLES("titles"),
    RATINGS("ratings"), PERCENT("%"), USD("USD"), SCORE("/ 5"), YEAR(""), DECIMAL("");

    private final String suffix;

    Unit(String suffix) {
        this.suffix = suffix;
    }

    public String suffix() {
        return suffix;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Unit> parse(String text) {
        String wanted = text.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(u -> u.name().equals(wanted)).findFirst();
    }
}
